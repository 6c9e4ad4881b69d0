// Presence in real Chromium: who watches a live stream or a session page, named when signed in, counted when not.
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser } from '../../tracker/services/users.js';
import { describeWithExternal } from '../helpers/externals.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { chromiumUnavailable, eventually, launchBrowser, login, screenshot } from './browser.js';
import { makeSession, pushSession } from './fixtures.js';

interface Stream {
  liveId: string;
  producerToken: string;
  viewUrl: string;
}

const EVIL = '<img src=x onerror="window.pwned=1">Mallory';

describeWithExternal('Chromium', chromiumUnavailable())('presence in Chromium', () => {
  let t: WebTracker;
  let browser: Browser;
  let bobKey: string;
  let evilKey: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await startWebTracker();
    browser = await launchBrowser();
    const now = Date.now();
    bobKey = (await addUser(t.store, { name: 'Bob Builder' }, { now, defaultRate: 0 })).key.rawKey;
    evilKey = (await addUser(t.store, { name: EVIL }, { now, defaultRate: 0 })).key.rawKey;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function as(key: string | null): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width: 1100, height: 700 } });
    contexts.push(ctx);
    const page = await ctx.newPage();
    if (key) await login(page, t.url, key);
    return page;
  }
  async function create(body: Record<string, unknown> = {}): Promise<Stream> {
    const r = await fetch(`${t.url}/api/v1/live`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(r.status).toBe(201);
    return (await r.json()) as Stream;
  }
  async function producer(s: Stream, path: string, body: unknown): Promise<void> {
    const r = await fetch(`${t.url}/api/v1/live/${s.liveId}${path}`, {
      method: path === '' ? 'PATCH' : 'POST',
      headers: { authorization: `Bearer ${s.producerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(r.status).toBe(200);
  }
  const names = (p: Page) => p.locator('#presence .presence-name').allTextContents();
  const anonymous = (p: Page) =>
    p
      .locator('#presence .presence-anonymous')
      .textContent({ timeout: 100 })
      .catch(() => null);

  it('two signed-in users and one anonymous viewer of a live stream see each other; leavers disappear', async () => {
    const s = await create({ title: 'Presence demo' });
    const owner = await as(t.ownerKey);
    const bob = await as(bobKey);
    const anon = await as(null);
    for (const p of [owner, bob, anon]) await p.goto(s.viewUrl);

    for (const p of [owner, bob, anon]) {
      await eventually(() => names(p)).toEqual(['Bob Builder', 'owner']);
      await eventually(() => anonymous(p)).toBe('and 1 anonymous viewer');
      await eventually(() => p.locator('#viewers').textContent()).toBe('3');
    }
    // A second tab of the same user is still one person.
    const bob2 = await bob.context().newPage();
    await bob2.goto(s.viewUrl);
    await eventually(() => names(bob2)).toEqual(['Bob Builder', 'owner']);
    expect(await owner.locator('#viewers').textContent()).toBe('3');
    await producer(s, '', {
      events: [
        { seq: 1, event: { kind: 'prompt', uuid: 'sp1', text: 'Show who is watching this stream' } },
        { seq: 2, event: { kind: 'system', uuid: 'sn1', subtype: 'live_note', text: 'Demo for the team' } },
        {
          seq: 3,
          event: { kind: 'text', uuid: 'st1', text: 'Names for signed-in viewers, a count for the rest.' },
        },
      ],
    });
    await eventually(() => owner.locator('#timeline li[data-seq]').count()).toBe(3);
    await screenshot(owner, 'presence-live');
    mkdirSync('docs/screenshots', { recursive: true });
    await owner.screenshot({ path: 'docs/screenshots/presence.png' });

    await anon.close();
    await eventually(() => anonymous(owner)).toBe(null);
    await bob2.close();
    await bob.close();
    await eventually(() => names(owner)).toEqual(['owner']);
    await eventually(() => owner.locator('#viewers').textContent()).toBe('1');
  });

  it('shows notes, statuses, pause and resume in words, and clears "watching" when the stream ends', async () => {
    const s = await create({ title: 'Labels' });
    const page = await as(null);
    await page.goto(s.viewUrl);
    await eventually(() => page.locator('#live-conn').textContent()).toBe('Connected');
    await producer(s, '', {
      events: [
        { seq: 1, event: { kind: 'system', uuid: 'n1', subtype: 'live_note', text: 'Back in five' } },
        { seq: 2, event: { kind: 'system', uuid: 'n2', subtype: 'live_status', text: 'Running tests' } },
      ],
    });
    const items = () => page.locator('#timeline li').allTextContents();
    await eventually(() => items()).toEqual(['Note Back in five', 'Status Running tests']);
    expect((await page.locator('#timeline').textContent()) ?? '').not.toMatch(/live_(note|status)/);
    await eventually(() => page.locator('#viewers').textContent()).toBe('1');
    await producer(s, '/pause', {});
    await eventually(() => page.locator('#timeline li[data-change]').allTextContents()).toEqual(['Paused']);
    await producer(s, '/resume', {});
    await eventually(() => page.locator('#timeline li[data-change]').allTextContents()).toEqual([
      'Paused',
      'Resumed',
    ]);
    await producer(s, '/complete', {});
    await eventually(() => page.locator('#watching').textContent()).toBe('Stream ended');
    expect(await page.locator('#presence').isHidden()).toBe(true);
    expect(await page.locator('#timeline li[data-change]').allTextContents()).toEqual([
      'Paused',
      'Resumed',
      'Stream ended',
    ]);
  });

  it('a session page that is not live shows who is looking: the owner by name, share-link readers as a count', async () => {
    const pushed = await pushSession(t.url, t.ownerKey, makeSession({ title: 'Finished work' }), {
      visibility: 'unlisted',
      status: 'completed',
    });
    const owner = await as(t.ownerKey);
    const reader = await as(null);
    await owner.goto(`${t.url}/sessions/${pushed.sessionId}`);
    await reader.goto(pushed.url);
    await eventually(() => names(reader)).toEqual(['owner']);
    await eventually(() => anonymous(owner)).toBe('and 1 anonymous viewer');
    await reader.close();
    await eventually(() => anonymous(owner)).toBe(null);
    expect(await names(owner)).toEqual(['owner']);
    await screenshot(owner, 'presence-session');
  });

  it('a user name with markup is shown as text, never as markup', async () => {
    const s = await create({ title: 'Escaping' });
    const evil = await as(evilKey);
    const owner = await as(t.ownerKey);
    await evil.goto(s.viewUrl);
    await owner.goto(s.viewUrl);
    await eventually(() => names(owner)).toEqual([EVIL, 'owner']);
    expect(await owner.locator('#presence img').count()).toBe(0);
    expect(await owner.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  });
});
