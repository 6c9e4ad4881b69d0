// Comments in real Chromium (issue 14): two signed-in users and an anonymous viewer on one live stream see comments,
// replies and reactions arrive without a reload; the anonymous viewer has no comment box; after the stream, the
// session page shows them next to their event; comments off hides the box.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser } from '../../tracker/services/users.js';
import { describeWithExternal } from '../helpers/externals.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { chromiumUnavailable, eventually, launchBrowser, login } from './browser.js';
import { makeSession, pushSession } from './fixtures.js';

describeWithExternal('Chromium', chromiumUnavailable())('comments in Chromium', () => {
  let t: WebTracker;
  let browser: Browser;
  let bobKey: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await startWebTracker();
    browser = await launchBrowser();
    bobKey = (await addUser(t.store, { name: 'Bob' }, { now: Date.now(), defaultRate: 0 })).key.rawKey;
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  async function as(key: string | null): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    contexts.push(ctx);
    const page = await ctx.newPage();
    if (key) await login(page, t.url, key);
    return page;
  }
  const api = (path: string, method: string, body?: unknown) =>
    fetch(`${t.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${t.ownerKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const item = (p: Page, uuid: string) => p.locator(`#timeline li[data-uuid="${uuid}"]`);
  const texts = (p: Page, uuid: string) => item(p, uuid).locator('.comment-text').allTextContents();

  it('a comment, a reply and a reaction from one viewer reach the others live; anonymous only reads', async () => {
    const session = makeSession({ title: 'Comment demo' });
    const { sessionId } = await pushSession(t.url, t.ownerKey, session, { visibility: 'unlisted' });
    const live = await api('/api/v1/live', 'POST', { sessionId });
    expect(live.status).toBe(201);
    const stream = (await live.json()) as { viewUrl: string; liveId: string };
    const viewPath = new URL(stream.viewUrl).pathname;
    const owner = await as(t.ownerKey);
    const bob = await as(bobKey);
    const anon = await as(null);
    for (const p of [owner, bob, anon]) await p.goto(t.url + viewPath);
    const events = [
      { kind: 'prompt', uuid: 'cm-p1', timestamp: '2026-11-21T09:00:00Z', text: 'Explain the retry fix' },
      {
        kind: 'text',
        uuid: 'cm-t1',
        timestamp: '2026-11-21T09:00:05Z',
        text: 'The deadline check moved first.',
      },
    ];
    const appended = await api(`/api/v1/sessions/${sessionId}/events`, 'POST', {
      events: events.map((event, i) => ({ seq: 100 + i, turnIndex: 5, event })),
    });
    expect(appended.status).toBe(200);
    for (const p of [owner, bob, anon]) await eventually(() => item(p, 'cm-t1').count()).toBe(1);
    await eventually(() => item(bob, 'cm-t1').locator('.comment-open').count()).toBe(1);
    expect(await item(anon, 'cm-t1').locator('.comment-open').count()).toBe(0);

    await item(bob, 'cm-t1').locator('.comment-open').click();
    await item(bob, 'cm-t1').locator('textarea').fill('Why not check <b>after</b> sleeping?');
    await item(bob, 'cm-t1').locator('.comment-form button[type=submit]').click();
    for (const p of [owner, bob, anon])
      await eventually(() => texts(p, 'cm-t1'), 5000).toEqual(['Why not check <b>after</b> sleeping?']);
    expect(await anon.locator('#timeline b').count()).toBe(0);

    const thread = (p: Page) => item(p, 'cm-t1').locator('li.comment').first();
    await thread(owner).locator('.comment-open').click();
    await thread(owner).locator('textarea').fill('Because the sleep itself can pass the deadline.');
    await thread(owner).locator('.comment-form button[type=submit]').click();
    for (const p of [bob, anon])
      await eventually(
        () => thread(p).locator('.comment-replies .comment-text').allTextContents(),
        5000,
      ).toEqual(['Because the sleep itself can pass the deadline.']);

    await item(owner, 'cm-t1').locator('.event-comments > .reactions .reaction[data-emoji="🚀"]').click();
    for (const p of [bob, anon])
      await eventually(
        () => item(p, 'cm-t1').locator('.event-comments > .reactions .reaction:not(.add)').allTextContents(),
        5000,
      ).toEqual(['🚀 1']);
    await owner.screenshot({ path: 'docs/screenshots/comments.png' });

    // The stream ends; the comments stay with the session and show on its page next to their event.
    expect((await api(`/api/v1/live/${stream.liveId}`, 'DELETE')).status).toBeLessThan(300);
    const page = await as(bobKey);
    const slug = (
      (await (await api(`/api/v1/sessions/${sessionId}`, 'GET')).json()) as { session: { shareSlug: string } }
    ).session.shareSlug;
    await page.goto(`${t.url}/share/${slug}`);
    await eventually(() => texts(page, 'cm-t1')).toEqual([
      'Why not check <b>after</b> sleeping?',
      'Because the sleep itself can pass the deadline.',
    ]);

    // Bob deletes his own comment from the share page: the reply goes with it, everywhere.
    await item(page, 'cm-t1').locator('.comment-delete').first().click();
    await eventually(() => texts(page, 'cm-t1')).toEqual([]);
  }, 90_000);

  it('the export buttons add the comments, redacted, when "with comments" is checked', async () => {
    const session = makeSession({ title: 'Export with comments' });
    const { sessionId } = await pushSession(t.url, t.ownerKey, session);
    const eventUuid = session.turns[0]!.events[0]!.uuid!;
    // A token-shaped secret pasted into a comment must not reach the download.
    const secret = `ghp_${'Z9'.repeat(18)}`;
    const posted = await api(`/api/v1/sessions/${sessionId}/comments`, 'POST', {
      eventUuid,
      text: `Ship it, the token is ${secret}`,
    });
    expect(posted.status).toBe(201);
    const page = await as(t.ownerKey);
    await page.goto(`${t.url}/sessions/${sessionId}`);
    const group = page.getByRole('group', { name: 'Export' });
    const md = async () => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        group.getByRole('link', { name: 'MD', exact: true }).click(),
      ]);
      return readFileSync((await file.path())!, 'utf8');
    };
    const plain = await md();
    expect(plain).not.toContain('Ship it');
    await group.getByLabel('with comments').check();
    const withComments = await md();
    expect(withComments).toContain('Ship it, the token is');
    expect(withComments).not.toContain(secret);
    await group.getByLabel('with comments').uncheck();
    expect(await md()).not.toContain('Ship it');
  }, 60_000);

  it('comments off: the owner turns them off on the session page, and the box disappears for others', async () => {
    const session = makeSession({ title: 'Quiet session' });
    const { sessionId } = await pushSession(t.url, t.ownerKey, session, { visibility: 'unlisted' });
    const uuid = session.turns[0]!.events[0]!.uuid;
    const owner = await as(t.ownerKey);
    await owner.goto(`${t.url}/sessions/${sessionId}`);
    await eventually(() => owner.locator('.comments-toggle').textContent()).toBe('Turn comments off');
    await owner.locator('.comments-toggle').click();
    await eventually(() => owner.locator('#comments-state').textContent()).toContain('Comments are off');
    const slug = (
      (await (await api(`/api/v1/sessions/${sessionId}`, 'GET')).json()) as { session: { shareSlug: string } }
    ).session.shareSlug;
    const bob = await as(bobKey);
    await bob.goto(`${t.url}/share/${slug}`);
    await eventually(() => bob.locator('#comments-state').textContent()).toContain('Comments are off');
    expect(await item(bob, uuid).locator('.comment-open').count()).toBe(0);
  }, 60_000);
});
