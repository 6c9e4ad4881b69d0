// Comments across two tracker instances on one PostgreSQL schema, in real Chromium (issue 14): the owner watches on
// instance 1, Bob and an anonymous viewer on instance 2 (its own process). Comments, replies, reactions and deletes
// cross between them within a second; after the stream, instance 2 shows the thread and replays the events in order.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser } from '../../tracker/services/users.js';
import { describeWithExternal } from '../helpers/externals.js';
import { startLiveHarness, type LiveHarness } from '../tracker/live-harness.js';
import { chromiumUnavailable, eventually, launchBrowser, login } from './browser.js';
import { makeSession, pushSession } from './fixtures.js';
import { PG_URL, pgAdmin, startChildInstance, type ChildInstance } from './pg-instances.js';
import { feedSeqs, playRecorded, seqs } from './replay-helpers.js';

/** Issue 14's acceptance: a comment posted in one browser appears in the others within this. */
const DELIVERY_BUDGET_MS = 1000;
const schema = `comments_${randomBytes(4).toString('hex')}`;
const skip = chromiumUnavailable() ?? (await pgAdmin('select 1'));

type SeenWindow = { seen?: Record<string, number> };

describeWithExternal('Chromium and PostgreSQL', skip)('comments across instances on PostgreSQL', () => {
  let one: LiveHarness;
  let two: ChildInstance;
  let browser: Browser;
  let bobKey: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    await pgAdmin(`CREATE SCHEMA ${schema}`);
    one = await startLiveHarness({ postgres: { url: PG_URL, schema }, live: { presenceMs: 1000 } });
    two = await startChildInstance(schema);
    bobKey = (await addUser(one.store, { name: 'Bob' }, { now: Date.now(), defaultRate: 0 })).key.rawKey;
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await two?.stop();
    await one?.close();
    await pgAdmin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  async function as(base: string, key: string | null): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    contexts.push(ctx);
    const page = await ctx.newPage();
    if (key) await login(page, base, key);
    return page;
  }
  const api = (path: string, method: string, body?: unknown) =>
    fetch(`${one.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${one.ownerKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const item = (p: Page, uuid: string) => p.locator(`#timeline li[data-uuid="${uuid}"]`);
  const texts = (p: Page, uuid: string) => item(p, uuid).locator('.comment-text').allTextContents();
  const eventReactions = (p: Page, uuid: string) =>
    item(p, uuid).locator('.event-comments > .reactions .reaction:not(.add)').allTextContents();
  const names = (p: Page) => p.locator('#presence .presence-name').allTextContents();
  const anonymous = (p: Page) =>
    p
      .locator('#presence .presence-anonymous')
      .textContent({ timeout: 100 })
      .catch(() => null);

  /** Records, in the page, the wall-clock time a comment with this text first shows under the event. */
  const watchFor = (p: Page, uuid: string, text: string) =>
    p.evaluate(
      ({ uuid, text }) => {
        const w = window as unknown as SeenWindow;
        const seen = (w.seen ??= {});
        const check = () => {
          if (seen[text] !== undefined) return;
          const els = document.querySelectorAll(`#timeline li[data-uuid="${uuid}"] .comment-text`);
          if (Array.from(els).some((e) => e.textContent === text)) seen[text] = Date.now();
        };
        new MutationObserver(check).observe(document.getElementById('timeline')!, {
          childList: true,
          subtree: true,
          characterData: true,
        });
      },
      { uuid, text },
    );
  const seenAt = (p: Page, text: string) =>
    p.evaluate((t) => (window as unknown as SeenWindow).seen?.[t] ?? null, text);

  /** Submits the open composer in `scope` and returns the wall-clock time the browser had the POST's whole response. */
  async function submit(p: Page, scope: ReturnType<Page['locator']>, text: string): Promise<number> {
    const responded = p.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/comments'),
    );
    await scope.locator('.comment-open').first().click();
    await scope.locator('textarea').first().fill(text);
    await scope.locator('.comment-form button[type=submit]').first().click();
    const r = await responded;
    expect(r.status()).toBe(201);
    await r.finished();
    const t = r.request().timing();
    return t.startTime + t.responseEnd;
  }

  it('a comment on instance 1 reaches Bob and an anonymous viewer on instance 2 within 1 s; replies, reactions and deletes cross back', async () => {
    const session = makeSession({ title: 'Comments across instances' });
    const { sessionId } = await pushSession(one.url, one.ownerKey, session, { visibility: 'unlisted' });
    const live = await api('/api/v1/live', 'POST', { sessionId });
    expect(live.status).toBe(201);
    const stream = (await live.json()) as { viewUrl: string; liveId: string };
    const viewPath = new URL(stream.viewUrl).pathname;

    const owner = await as(one.url, one.ownerKey);
    const bob = await as(two.url, bobKey);
    const anon = await as(two.url, null);
    await owner.goto(one.url + viewPath);
    await bob.goto(two.url + viewPath);
    await anon.goto(two.url + viewPath);

    // Presence crosses too: names for the signed-in, a count for the anonymous viewer, on every page.
    for (const p of [owner, bob, anon]) {
      await eventually(() => names(p)).toEqual(['Bob', 'owner']);
      await eventually(() => anonymous(p)).toBe('and 1 anonymous viewer');
    }

    // Events appended on instance 1 reach the viewers on instance 2 (the comment targets must exist there).
    const events = [
      { kind: 'prompt', uuid: 'pg-p1', timestamp: '2026-11-21T09:00:00Z', text: 'Explain the retry fix' },
      {
        kind: 'text',
        uuid: 'pg-t1',
        timestamp: '2026-11-21T09:00:05Z',
        text: 'The deadline check moved first.',
      },
    ];
    const appended = await api(`/api/v1/sessions/${sessionId}/events`, 'POST', {
      events: events.map((event, i) => ({ seq: 100 + i, turnIndex: 5, event })),
    });
    expect(appended.status).toBe(200);
    for (const p of [owner, bob, anon]) await eventually(() => item(p, 'pg-t1').count()).toBe(1);
    await eventually(() => item(owner, 'pg-t1').locator('.comment-open').count()).toBe(1);
    await eventually(() => item(bob, 'pg-t1').locator('.comment-open').count()).toBe(1);

    // The anonymous viewer reads only: no composer, and a write through either door is refused.
    expect(await anon.locator('#timeline .comment-open, #timeline textarea').count()).toBe(0);
    const refused = await anon.evaluate(
      async ({ viewPath, sessionId }) => {
        const web = await fetch(`${viewPath}/comments`, {
          method: 'POST',
          body: new URLSearchParams({ eventUuid: 'pg-t1', text: 'anonymous write', csrf: '' }),
          credentials: 'same-origin',
        });
        const apiRes = await fetch(`/api/v1/sessions/${sessionId}/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ eventUuid: 'pg-t1', text: 'anonymous write' }),
        });
        return [web.status, apiRes.status];
      },
      { viewPath, sessionId },
    );
    expect(refused[0]).toBeGreaterThanOrEqual(400);
    expect(refused[0]).toBeLessThan(500);
    expect(refused[1]).toBe(401);

    // The owner comments on instance 1; Bob and the anonymous viewer on instance 2 see it within the budget.
    const first = 'Why check the deadline before sleeping?';
    for (const p of [bob, anon]) await watchFor(p, 'pg-t1', first);
    const postedAt = await submit(owner, item(owner, 'pg-t1'), first);
    for (const p of [bob, anon]) await eventually(() => texts(p, 'pg-t1')).toEqual([first]);
    const delay = async (p: Page) => Math.round((await seenAt(p, first))! - postedAt);
    const [bobMs, anonMs] = [await delay(bob), await delay(anon)];
    // Measured in the pages (not by polling), so the figure is delivery alone; below zero when the frame beat the
    // POST's own response (the tracker relays before it answers).
    console.log(`comment across instances, POST response → shown: Bob ${bobMs} ms, anonymous ${anonMs} ms`);
    expect(bobMs).toBeLessThanOrEqual(DELIVERY_BUDGET_MS);
    expect(anonMs).toBeLessThanOrEqual(DELIVERY_BUDGET_MS);
    expect(await texts(owner, 'pg-t1')).toEqual([first]);

    // Bob replies and reacts on instance 2; the owner on instance 1 sees both.
    const reply = 'Because the sleep itself can pass the deadline.';
    const thread = (p: Page) => item(p, 'pg-t1').locator('li.comment').first();
    await submit(bob, thread(bob), reply);
    await item(bob, 'pg-t1').locator('.event-comments > .reactions .reaction[data-emoji="🚀"]').click();
    await eventually(() => thread(owner).locator('.comment-replies .comment-text').allTextContents()).toEqual(
      [reply],
    );
    await eventually(() => eventReactions(owner, 'pg-t1')).toEqual(['🚀 1']);
    await eventually(() => eventReactions(anon, 'pg-t1')).toEqual(['🚀 1']);

    // The owner comments on the prompt, then deletes it: it disappears on instance 2.
    const doomed = 'Wrong event, ignore.';
    await submit(owner, item(owner, 'pg-p1'), doomed);
    for (const p of [bob, anon]) await eventually(() => texts(p, 'pg-p1')).toEqual([doomed]);
    await item(owner, 'pg-p1').locator('.comment-delete').click();
    for (const p of [owner, bob, anon]) await eventually(() => texts(p, 'pg-p1')).toEqual([]);
    expect(await texts(bob, 'pg-t1')).toEqual([first, reply]);

    // The stream ends on instance 1; instance 2's share page shows the thread next to its event.
    expect((await api(`/api/v1/live/${stream.liveId}`, 'DELETE')).status).toBeLessThan(300);
    const slug = (
      (await (await api(`/api/v1/sessions/${sessionId}`, 'GET')).json()) as { session: { shareSlug: string } }
    ).session.shareSlug;
    const after = await as(two.url, bobKey);
    await after.goto(`${two.url}/share/${slug}`);
    await eventually(() => texts(after, 'pg-t1')).toEqual([first, reply]);
    expect(await eventReactions(after, 'pg-t1')).toEqual(['🚀 1']);
    expect(await texts(after, 'pg-p1')).toEqual([]);

    // And instance 2 replays the session's events, the live ones included, in the order the feed serves them.
    await after.goto(`${two.url}/share/${slug}/replay`);
    const expected = await feedSeqs(after, `/share/${slug}/replay/events`);
    expect(expected.slice(-2)).toEqual([100, 101]);
    expect(expected).toEqual([...expected].sort((x, y) => x - y));
    expect(await playRecorded(after, 30_000)).toEqual(expected);
    expect(await seqs(after)).toEqual(expected);
  }, 180_000);
});
