// Presence across two tracker instances on one PostgreSQL database, in real Chromium: viewers split across instances
// see each other, and the watchers of an instance that is killed (no goodbye) drop out once its snapshot expires.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser } from '../../tracker/services/users.js';
import { describeWithExternal } from '../helpers/externals.js';
import { startLiveHarness, type LiveHarness } from '../tracker/live-harness.js';
import { chromiumUnavailable, eventually, launchBrowser, login } from './browser.js';
import { PG_URL, pgAdmin as admin, startChildInstance, type ChildInstance } from './pg-instances.js';

const schema = `presence_${randomBytes(4).toString('hex')}`;

const skip = chromiumUnavailable() ?? (await admin('select 1'));

describeWithExternal('Chromium and PostgreSQL', skip)('presence across instances on PostgreSQL', () => {
  let a: LiveHarness;
  let b: ChildInstance;
  let browser: Browser;
  let bobKey: string;

  beforeAll(async () => {
    await admin(`CREATE SCHEMA ${schema}`);
    a = await startLiveHarness({ postgres: { url: PG_URL, schema }, live: { presenceMs: 1000 } });
    b = await startChildInstance(schema);
    bobKey = (await addUser(a.store, { name: 'Bob' }, { now: Date.now(), defaultRate: 0 })).key.rawKey;
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await b?.stop();
    await a?.close();
    await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  async function viewer(base: string, key: string | null, viewPath: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    if (key) await login(page, base, key);
    await page.goto(base + viewPath);
    return page;
  }
  const names = (p: Page) => p.locator('#presence .presence-name').allTextContents();
  const anonymous = (p: Page) =>
    p
      .locator('#presence .presence-anonymous')
      .textContent({ timeout: 100 })
      .catch(() => null);

  it('owner on A, Bob and an anonymous viewer on B see each other; killing B drops its watchers from A', async () => {
    const r = await fetch(`${a.url}/api/v1/live`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Across instances' }),
    });
    expect(r.status).toBe(201);
    const viewPath = new URL(((await r.json()) as { viewUrl: string }).viewUrl).pathname;

    const owner = await viewer(a.url, a.ownerKey, viewPath);
    const bob = await viewer(b.url, bobKey, viewPath);
    const anon = await viewer(b.url, null, viewPath);
    for (const p of [owner, bob, anon]) {
      await eventually(() => names(p)).toEqual(['Bob', 'owner']);
      await eventually(() => anonymous(p)).toBe('and 1 anonymous viewer');
    }

    // A leave on B reaches A through NOTIFY.
    await anon.close();
    await eventually(() => anonymous(owner)).toBe(null);
    expect(await names(owner)).toEqual(['Bob', 'owner']);

    // No goodbye from a killed process: A drops B's snapshot when its heartbeats stop (3 × 1 s here).
    b.child.kill('SIGKILL');
    await eventually(() => names(owner)).toEqual(['owner']);
    expect(await owner.locator('#viewers').textContent()).toBe('1');
  }, 120_000);
});
