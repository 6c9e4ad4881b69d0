// Presence across two tracker instances on one PostgreSQL database, in real Chromium: viewers split across instances
// see each other, and the watchers of an instance that is killed (no goodbye) drop out once its snapshot expires.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { withUser } from '../../tracker/live/pg-notifier.js';
import { addUser } from '../../tracker/services/users.js';
import { describeWithExternal } from '../helpers/externals.js';
import { startLiveHarness, type LiveHarness } from '../tracker/live-harness.js';
import { chromiumUnavailable, eventually, launchBrowser, login } from './browser.js';

const PG_URL = withUser(process.env.BATON_TEST_PG_URL ?? 'postgres://127.0.0.1:5432/test');
const schema = `presence_${randomBytes(4).toString('hex')}`;

async function admin(sql: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query(sql);
    return null;
  } catch (err) {
    return `PostgreSQL at ${PG_URL}: ${(err as Error).message}`;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Instance B: a separate process (test/tracker/live-server-main.ts, presence heartbeat 1 s) that we can SIGKILL. */
async function startChild(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/tracker/live-server-main.ts', PG_URL, schema, '15000'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}`)));
  });
  return { child, url: (JSON.parse(line) as { url: string }).url };
}

const skip = chromiumUnavailable() ?? (await admin('select 1'));

describeWithExternal('Chromium and PostgreSQL', skip)('presence across instances on PostgreSQL', () => {
  let a: LiveHarness;
  let b: { child: ChildProcess; url: string };
  let browser: Browser;
  let bobKey: string;

  beforeAll(async () => {
    await admin(`CREATE SCHEMA ${schema}`);
    a = await startLiveHarness({ postgres: { url: PG_URL, schema }, live: { presenceMs: 1000 } });
    b = await startChild();
    bobKey = (await addUser(a.store, { name: 'Bob' }, { now: Date.now(), defaultRate: 0 })).key.rawKey;
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    if (b && b.child.exitCode === null && b.child.signalCode === null) {
      b.child.kill('SIGTERM');
      await new Promise((r) => b.child.once('exit', r));
    }
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
