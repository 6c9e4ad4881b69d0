// "What I share", live links and post owner controls in real Chromium on SQLite and PostgreSQL: what /shared lists is
// what others can open, each withdrawal works and the API agrees, a post's owner manages it from its page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Post } from '../../src/core/api/posts.js';
import type { SessionSharing, SessionSummary } from '../../src/core/api/sessions.js';
import { describeWithExternal } from '../helpers/externals.js';
import { forEachEngine } from '../tracker/helpers/harness.js';
import { chromiumUnavailable, eventually, launchBrowser, login } from './browser.js';
import { makeSession, pushSession } from './fixtures.js';
import { startManageTracker, type ManageTracker } from './manage-helpers.js';
import { shot } from './manage-shots.js';

type Detail = { session: SessionSummary & { sharing: SessionSharing } };
/** A title that would run script if any page or the dialog put it into HTML unescaped. */
const XSS = '<img src=x onerror="window.pwned=1">Launch notes';

describeWithExternal('Chromium', chromiumUnavailable())('what I share in Chromium', () => {
  forEachEngine('shared', (engine) => {
    let t: ManageTracker;
    let browser: Browser;
    let page: Page;
    let linked: string;
    let streamed: string;
    let postId: string;
    let liveId: string;

    beforeAll(async () => {
      t = await startManageTracker(engine);
      linked = (await pushSession(t.url, t.ownerKey, makeSession({ title: XSS }), { visibility: 'public' }))
        .sessionId;
      streamed = (await pushSession(t.url, t.ownerKey, makeSession({ title: 'Streaming refactor' })))
        .sessionId;
      await pushSession(t.url, t.ownerKey, makeSession({ title: 'Private notes' }));
      const pushed = await t.api<{ postId: string }>('/api/v1/sessions', {
        method: 'POST',
        body: JSON.stringify({
          session: makeSession({ title: 'Post body' }),
          createPost: true,
          title: 'Release write-up',
        }),
      });
      postId = pushed.body.postId;
      await t.api(`/api/v1/posts/${postId}`, {
        method: 'PATCH',
        body: JSON.stringify({ visibility: 'unlisted' }),
      });
      const live = await t.api<{ liveId: string }>('/api/v1/live', {
        method: 'POST',
        body: JSON.stringify({ sessionId: streamed, visibility: 'unlisted', title: 'Streaming refactor' }),
      });
      liveId = live.body.liveId;
      browser = await launchBrowser();
      page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      await login(page, t.url, t.ownerKey);
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    const live = async () => (await t.api<{ status: string }>(`/api/v1/live/${liveId}`)).body.status;

    it('/shared lists exactly what others can open: the public session, the unlisted post, the open live link', async () => {
      await page.goto(`${t.url}/shared`);
      const items = await page
        .locator('li.shared-item')
        .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-kind')}:${e.getAttribute('data-id')}`));
      expect(items.sort()).toEqual([`live:${liveId}`, `post:${postId}`, `session:${linked}`].sort());
      // The hostile title is text everywhere: in the list and in the dialog built from data attributes.
      await expect(page.locator(`li[data-id="${linked}"] a`).first().textContent()).resolves.toBe(XSS);
      await shot(engine, page, 'manage-shared');
    });

    it('revokes a live link from its session page (dialog); the API says revoked and /shared drops it', async () => {
      await page.goto(`${t.url}/sessions/${streamed}`);
      await page.locator('#sharing').getByRole('link', { name: 'Revoke' }).click();
      await page.locator('dialog.confirm-dialog').getByRole('button', { name: 'Revoke live link' }).click();
      await page.waitForURL(`${t.url}/sessions/${streamed}`);
      expect(await live()).toBe('revoked');
      await page.goto(`${t.url}/shared`);
      expect(await page.locator(`li[data-id="${liveId}"]`).count()).toBe(0);
    });

    it('stops a live link (no JavaScript, confirm page); the API says completed', async () => {
      const again = await t.api<{ liveId: string }>('/api/v1/live', {
        method: 'POST',
        body: JSON.stringify({ sessionId: streamed, visibility: 'unlisted' }),
      });
      const ctx = await browser.newContext({ javaScriptEnabled: false });
      const p = await ctx.newPage();
      await login(p, t.url, t.ownerKey);
      await p.goto(`${t.url}/sessions/${streamed}`);
      await p.locator('#sharing').getByRole('link', { name: 'Stop' }).click();
      expect(new URL(p.url()).pathname).toBe(`/streams/${again.body.liveId}/stop`);
      await p.getByRole('button', { name: 'Stop live link' }).click();
      await p.waitForURL(`${t.url}/sessions/${streamed}`);
      expect((await t.api<{ status: string }>(`/api/v1/live/${again.body.liveId}`)).body.status).toBe(
        'completed',
      );
      await ctx.close();
    });

    it('withdraws the public session from /shared (Unshare, dialog): private in the API, the old link 404s', async () => {
      const before = (await t.api<Detail>(`/api/v1/sessions/${linked}?limit=0`)).body.session;
      const oldUrl = before.sharing.link!.url;
      await page.goto(`${t.url}/shared`);
      await page.locator(`li[data-id="${linked}"]`).getByRole('link', { name: 'Unshare' }).click();
      const dialog = page.locator('dialog.confirm-dialog');
      await expect(dialog.locator('p').textContent()).resolves.toContain(XSS);
      await dialog.getByRole('button', { name: 'Unshare' }).click();
      await page.waitForURL(`${t.url}/shared`);
      const after = (await t.api<Detail>(`/api/v1/sessions/${linked}?limit=0`)).body.session;
      expect(after.visibility).toBe('private');
      expect((await fetch(oldUrl)).status).toBe(404);
      expect(await page.locator(`li[data-id="${linked}"]`).count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    });

    it("a post's owner renames it in place, deletes it with Undo, and the API follows", async () => {
      await page.goto(`${t.url}/posts/${postId}`);
      await page.getByText('Rename', { exact: true }).click();
      await page.getByLabel('Post title').fill('Release notes, v2');
      await page.getByRole('button', { name: 'Save title' }).click();
      await eventually(
        async () => (await t.api<{ post: Post }>(`/api/v1/posts/${postId}`)).body.post.title,
      ).toBe('Release notes, v2');
      await eventually(() => page.locator('#post-heading').textContent()).toBe('Release notes, v2');
      await page.getByRole('link', { name: 'Delete post' }).click();
      await page.locator('dialog.confirm-dialog').getByRole('button', { name: 'Delete post' }).click();
      await page.waitForURL((u) => u.pathname === '/shared' && u.searchParams.get('deletedPost') === postId);
      expect((await t.api(`/api/v1/posts/${postId}`)).status).toBe(404);
      await page.locator('#undo').getByRole('button', { name: 'Undo' }).click();
      await page.waitForURL(`${t.url}/posts/${postId}`);
      expect((await t.api(`/api/v1/posts/${postId}`)).status).toBe(200);
    });

    it('fits a phone in dark mode: no sideways scroll on the session page, /shared and /trash', async () => {
      const phone = await browser.newContext({ viewport: { width: 375, height: 760 }, colorScheme: 'dark' });
      const p = await phone.newPage();
      await login(p, t.url, t.ownerKey);
      for (const path of [`/sessions/${streamed}`, '/shared', '/trash']) {
        await p.goto(t.url + path);
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
      await phone.close();
    });
  });
});
