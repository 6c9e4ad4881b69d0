// Managing what you share, in real Chromium on SQLite and PostgreSQL: every action from the browser (with and without
// JavaScript), the API agrees, another user cannot act on your things, badges match reality, share viewers get no
// project link.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SessionSharing, SessionSummary } from '../../src/core/api/sessions.js';
import { describeWithExternal } from '../helpers/externals.js';
import { forEachEngine } from '../tracker/helpers/harness.js';
import { chromiumUnavailable, eventually, launchBrowser, login } from './browser.js';
import { makeSession, pushSession } from './fixtures.js';
import { csrfOf, postForm, startManageTracker, type ManageTracker } from './manage-helpers.js';
import { shot } from './manage-shots.js';

type Detail = { session: SessionSummary & { sharing?: SessionSharing } };

describeWithExternal('Chromium', chromiumUnavailable())('managing sessions in Chromium', () => {
  forEachEngine('manage', (engine) => {
    let t: ManageTracker;
    let browser: Browser;
    let owner: BrowserContext;
    let page: Page;
    let a: string;
    let b: string;
    let postId: string;
    let liveId: string;

    beforeAll(async () => {
      t = await startManageTracker(engine);
      a = (
        await pushSession(t.url, t.ownerKey, makeSession({ title: 'Fix flaky retry test' }), {
          tags: ['tests'],
        })
      ).sessionId;
      const pushed = await t.api<{ sessionId: string; postId: string }>('/api/v1/sessions', {
        method: 'POST',
        body: JSON.stringify({
          session: makeSession({ title: 'Add cursor pagination', project: 'api-server' }),
          visibility: 'unlisted',
          createPost: true,
          title: 'Pagination write-up',
        }),
      });
      b = pushed.body.sessionId;
      postId = pushed.body.postId;
      await t.api(`/api/v1/posts/${postId}`, {
        method: 'PATCH',
        body: JSON.stringify({ visibility: 'unlisted' }),
      });
      browser = await launchBrowser();
      owner = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      page = await owner.newPage();
      await login(page, t.url, t.ownerKey);
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    const session = async (id: string) =>
      (await t.api<Detail>(`/api/v1/sessions/${id}?limit=0`)).body.session;

    it('stars, archives, renames and tags in place (no reload), and the API has each change', async () => {
      await page.goto(`${t.url}/sessions/${a}`);
      await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
      await page.getByRole('button', { name: '☆ Star' }).click();
      await eventually(async () => (await session(a)).starred).toBe(true);
      await eventually(() => page.getByRole('button', { name: '★ Starred' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Archive', exact: true }).click();
      await eventually(async () => (await session(a)).archived).toBe(true);
      await page.getByText('Rename', { exact: true }).click();
      await page.getByLabel('Title').fill('Retry test, fixed');
      await page.getByRole('button', { name: 'Save title' }).click();
      await eventually(async () => (await session(a)).title).toBe('Retry test, fixed');
      await eventually(() => page.locator('#session-title').textContent()).toBe('Retry test, fixed');
      await page.getByText('Tags', { exact: true }).click();
      await page.getByLabel('Tags, separated by commas or spaces').fill('tests, retry flaky');
      await page.getByRole('button', { name: 'Save tags' }).click();
      await eventually(async () => (await session(a)).tags.sort()).toEqual(['flaky', 'retry', 'tests']);
      await eventually(() => page.locator('#session-tags .badge').allTextContents()).toEqual([
        '#tests',
        '#retry',
        '#flaky',
      ]);
      // Still the same document: every change above was posted in place.
      expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
      await page.getByRole('button', { name: 'Archived' }).click();
      await eventually(async () => (await session(a)).archived).toBe(false);
    });

    it('shares a link from the Sharing panel; list badges match the API for every card', async () => {
      await page.goto(`${t.url}/sessions/${a}`);
      await page.getByRole('button', { name: 'Share an unlisted link' }).click();
      await page.waitForURL(`${t.url}/sessions/${a}`);
      const s = await session(a);
      expect(s.visibility).toBe('unlisted');
      await expect(page.locator('#share-url').textContent()).resolves.toBe(s.sharing!.link!.url);
      await page.goto(`${t.url}/sessions/${b}`);
      await shot(engine, page.locator('#sharing'), 'manage-sharing-panel');
      await page.goto(`${t.url}/`);
      const list = (
        await t.api<{ sessions: Array<SessionSummary & { sharing: SessionSharing }> }>('/api/v1/sessions')
      ).body.sessions;
      for (const x of list) {
        const card = page.locator(`li.card[data-session-id="${x.id}"]`);
        const badges = await card
          .locator('[data-share]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-share')));
        const expected = [
          ...(x.sharing.link ? ['link'] : []),
          ...(x.sharing.posts.some((p) => p.visibility !== 'private') ? ['posts'] : []),
        ];
        expect(badges, x.title ?? x.id).toEqual(expected);
      }
      expect(list.length).toBe(2);
      await expect(page.locator('li.card .when').first().textContent()).resolves.toMatch(/^Last activity/);
      await shot(engine, page, 'manage-list-badges');
    });

    it('deletes behind a confirm dialog, lands on the list with Undo, and Undo restores (JavaScript)', async () => {
      await page.goto(`${t.url}/sessions/${a}`);
      await page.locator('.manage-bar').getByRole('link', { name: 'Delete' }).click();
      const dialog = page.locator('dialog.confirm-dialog');
      await eventually(() => dialog.isVisible()).toBe(true);
      expect(new URL(page.url()).pathname).toBe(`/sessions/${a}`);
      await shot(engine, page, 'manage-confirm-dialog');
      await dialog.getByRole('button', { name: 'Delete' }).click();
      await page.waitForURL((u) => u.pathname === '/' && u.searchParams.get('deleted') === a);
      expect((await t.api(`/api/v1/sessions/${a}`)).status).toBe(404);
      await page.locator('#undo').getByRole('button', { name: 'Undo' }).click();
      await page.waitForURL(`${t.url}/sessions/${a}`);
      expect((await t.api(`/api/v1/sessions/${a}`)).status).toBe(200);
    });

    it('without JavaScript: the confirm page, a plain form post, the trash, Restore and Delete forever', async () => {
      const ctx = await browser.newContext({ javaScriptEnabled: false });
      const p = await ctx.newPage();
      await login(p, t.url, t.ownerKey);
      const c = await p.context().newPage();
      await c.goto(`${t.url}/sessions/${a}`);
      await c.locator('.manage-bar').getByRole('link', { name: 'Delete' }).click();
      expect(new URL(c.url()).pathname).toBe(`/sessions/${a}/delete`);
      await c.getByRole('button', { name: 'Delete' }).click();
      await c.waitForURL((u) => u.searchParams.get('deleted') === a);
      expect((await t.api(`/api/v1/sessions/${a}`)).status).toBe(404);
      await c.goto(`${t.url}/trash`);
      await c.locator(`li[data-id="${a}"]`).getByRole('button', { name: 'Restore' }).click();
      expect((await t.api(`/api/v1/sessions/${a}`)).status).toBe(200);
      // A throwaway session deleted for good: gone from the trash and from the API.
      const z = (await pushSession(t.url, t.ownerKey, makeSession({ title: 'Scratch' }))).sessionId;
      await c.goto(`${t.url}/sessions/${z}/delete`);
      await c.getByRole('button', { name: 'Delete' }).click();
      await c.goto(`${t.url}/trash`);
      await c.locator(`li[data-id="${z}"]`).getByRole('link', { name: 'Delete forever' }).click();
      await c.getByRole('button', { name: 'Delete forever' }).click();
      await c.waitForURL(`${t.url}/trash`);
      const trash = (await t.api<{ sessions: Array<{ id: string }> }>('/api/v1/trash')).body;
      expect(trash.sessions.map((s) => s.id)).not.toContain(z);
      await ctx.close();
    });

    it("another user gets 404 for every action on the owner's session; a form without its CSRF token is refused", async () => {
      const ctx = await browser.newContext();
      const m = await ctx.newPage();
      await login(m, t.url, t.otherKey);
      const token = await csrfOf(m);
      liveId = (
        await t.api<{ liveId: string }>('/api/v1/live', {
          method: 'POST',
          body: JSON.stringify({ sessionId: b, visibility: 'unlisted' }),
        })
      ).body.liveId;
      const before = await session(a);
      for (const [action, fields] of [
        [`/sessions/${a}/manage`, { starred: String(!before.starred), title: 'pwned' }],
        [`/sessions/${a}/delete`, {}],
        [`/sessions/${a}/unshare`, {}],
        [`/sessions/${a}/purge`, {}],
        [`/posts/${postId}/manage`, { title: 'pwned' }],
        [`/posts/${postId}/delete`, {}],
        [`/streams/${liveId}/revoke`, {}],
        [`/streams/${liveId}/stop`, {}],
      ] as const)
        expect(await postForm(m, action, { csrf: token, ...fields }), action).toBe(404);
      expect((await m.goto(`${t.url}/sessions/${a}/delete`))?.status()).toBe(404);
      // The owner's own form, minus the token: refused before anything changes.
      expect(await postForm(page, `/sessions/${a}/manage`, { title: 'no token' })).toBe(403);
      const after = await session(a);
      expect(after.title).toBe(before.title);
      expect(after.starred).toBe(before.starred);
      expect((await t.api(`/api/v1/posts/${postId}`)).status).toBe(200);
      expect((await t.api<{ status: string }>(`/api/v1/live/${liveId}`)).body.status).toBe('active');
      // Unsharing is never a plain form: without its confirmation the link stays.
      const shared = await session(b);
      expect(
        await postForm(page, `/sessions/${b}/manage`, { csrf: await csrfOf(page), visibility: 'private' }),
      ).toBe(400);
      expect((await session(b)).visibility).toBe(shared.visibility);
      await ctx.close();
    });

    it('a share viewer (anonymous or another user) sees no project link; the owner does', async () => {
      const shareUrl = (await session(b)).sharing!.link!.url;
      const anon = await browser.newContext();
      const ap = await anon.newPage();
      await ap.goto(shareUrl);
      await expect(ap.locator('h1').first().textContent()).resolves.toContain('Pagination');
      expect(await ap.locator('a[href^="/projects/"]').count()).toBe(0);
      expect(await ap.locator('#sharing').count()).toBe(0);
      const other = await browser.newContext();
      const op = await other.newPage();
      await login(op, t.url, t.otherKey);
      await op.goto(shareUrl);
      expect(await op.locator('a[href^="/projects/"]').count()).toBe(0);
      expect(await op.locator('.manage-bar').count()).toBe(0);
      await page.goto(`${t.url}/sessions/${b}`);
      expect(await page.locator('header a[href^="/projects/"]').count()).toBe(1);
      await anon.close();
      await other.close();
    });
  });
});
