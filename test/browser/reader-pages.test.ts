// The session reader in real Chromium, on both engines: deep links across pages, search stepped through across pages,
// the compact toggle, the no-JS page, share access to the find endpoint, and query strings that try to inject markup.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithExternal } from '../helpers/externals.js';
import { forEachEngine, freshDatabase } from '../tracker/helpers/harness.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { mkdirSync } from 'node:fs';
import { chromiumUnavailable, eventually, launchBrowser, login, screenshot } from './browser.js';
import { makeSession, pushSession } from './fixtures.js';

const NEEDLE = 'zebracorn';
// 240 turns of 5 events: 1200 events, twelve pages of 100. Prompt i is event 5*i; the needle is in prompts 10, 150
// and 210, so on pages 1, 8 and 11 (events 50, 750 and 1050).
const PROMPTS = Array.from({ length: 240 }, (_, i) =>
  [10, 150, 210].includes(i) ? `Step ${i}: look at the ${NEEDLE} cache` : `Step ${i}: keep going`,
);

async function sessionJson(t: WebTracker, id: string): Promise<{ session: { shareSlug: string | null } }> {
  const res = await fetch(`${t.url}/api/v1/sessions/${id}?limit=0`, {
    headers: { authorization: `Bearer ${t.ownerKey}` },
  });
  return (await res.json()) as { session: { shareSlug: string | null } };
}

const compact = (page: Page) =>
  page.locator('section.reader').evaluate((el) => el.classList.contains('compact'));

const currentAnchor = (page: Page) =>
  page.evaluate(() => document.querySelector('.timeline > li[aria-current="true"]')?.id ?? null);

describeWithExternal('Chromium', chromiumUnavailable())('session reader', () => {
  forEachEngine('reader', (engine) => {
    let t: WebTracker;
    let drop: () => Promise<void>;
    let browser: Browser;
    let page: Page;
    let id: string;
    let slug: string;
    let privateSlug: string;

    beforeAll(async () => {
      const db = await freshDatabase(engine);
      drop = db.drop;
      t = await startWebTracker({ config: { db: db.target } });
      id = (await pushSession(t.url, t.ownerKey, makeSession({ title: 'Long session', prompts: PROMPTS })))
        .sessionId;
      const shared = await pushSession(
        t.url,
        t.ownerKey,
        makeSession({ title: 'Shared one', prompts: [`Find the ${NEEDLE}`, 'Done'] }),
        { visibility: 'unlisted' },
      );
      slug = (await sessionJson(t, shared.sessionId)).session.shareSlug!;
      const hidden = await pushSession(t.url, t.ownerKey, makeSession({ prompts: [`Secret ${NEEDLE}`] }), {
        visibility: 'unlisted',
      });
      await fetch(`${t.url}/api/v1/sessions/${hidden.sessionId}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${t.ownerKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ visibility: 'private' }),
      });
      // A private session still has a slug in the database: the share routes must refuse it by its visibility.
      const row = await t.store.db
        .selectFrom('sessions')
        .select('share_slug')
        .where('id', '=', hidden.sessionId)
        .executeTakeFirstOrThrow();
      privateSlug = row.share_slug;
      browser = await launchBrowser();
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await login(page, t.url, t.ownerKey);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await t?.close();
      await drop?.();
    });

    it('a deep link to an event on page 3 opens page 3 with that event highlighted', async () => {
      await page.goto(`${t.url}/sessions/${id}?at=252`);
      expect(await page.locator('section.reader').textContent()).toMatch(
        /Showing messages 201–300 of\s+1200/,
      );
      expect(await currentAnchor(page)).toBe('e-252');
      await eventually(() => page.locator('#e-252').isVisible()).toBe(true);
      const box = await page.locator('#e-252').boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeLessThan(900);
      // Every event carries its link, and the link leads back to the same place.
      const href = await page.locator('#e-252 > a.permalink').getAttribute('href');
      expect(href).toBe(`/sessions/${id}?at=252#e-252`);
      if (engine === 'sqlite') await shot(page, 'reader-deep-link');
    });

    it('search steps through hits across pages in order and highlights them', async () => {
      await page.goto(`${t.url}/sessions/${id}`);
      await page.locator('#reader-q').fill(NEEDLE);
      await page.locator('#reader-q').press('Enter');
      await eventually(() => page.locator('#reader-count').textContent()).toBe('1 of 3');
      expect(await currentAnchor(page)).toBe('e-50');
      expect(await page.locator('#e-50 mark.reader-hit').allTextContents()).toEqual([NEEDLE]);

      await page.locator('#reader-q').press('Enter');
      await page.waitForURL((u) => u.searchParams.get('at') === '750');
      await eventually(() => page.locator('#reader-count').textContent()).toBe('2 of 3');
      expect(await currentAnchor(page)).toBe('e-750');
      expect(await page.locator('#e-750 mark.reader-hit').count()).toBe(1);

      await page.locator('body').press('n');
      await page.waitForURL((u) => u.searchParams.get('at') === '1050');
      await eventually(() => page.locator('#reader-count').textContent()).toBe('3 of 3');
      if (engine === 'sqlite') await shot(page, 'reader-search');

      await page.locator('#reader-q').press('Shift+Enter');
      await page.waitForURL((u) => u.searchParams.get('at') === '750');
      await eventually(() => page.locator('#reader-count').textContent()).toBe('2 of 3');
    });

    it('the compact toggle is remembered across pages and reloads', async () => {
      await page.goto(`${t.url}/sessions/${id}`);
      expect(await compact(page)).toBe(false);
      const expanded = (await page.locator('#e-2').boundingBox())!.height;
      await page.locator('#reader-compact').click();
      expect(await compact(page)).toBe(true);
      expect((await page.locator('#e-2').boundingBox())!.height).toBeLessThan(expanded);
      await page.reload();
      expect(await compact(page)).toBe(true);
      expect(await page.locator('#reader-compact').getAttribute('aria-pressed')).toBe('true');
      if (engine === 'sqlite') await shot(page, 'reader-compact');
      await page.locator('#reader-compact').click();
      await page.reload();
      expect(await compact(page)).toBe(false);
    });

    it('without JavaScript the page reads in full: deep link marked, tool calls expanded, tabs, search form', async () => {
      const ctx = await browser.newContext({ javaScriptEnabled: false });
      const p = await ctx.newPage();
      await login(p, t.url, t.ownerKey);
      await p.goto(`${t.url}/sessions/${id}?at=755`);
      expect(await p.locator('#e-755').getAttribute('aria-current')).toBe('true');
      expect(await compact(p)).toBe(false);
      expect(await p.locator('#reader-compact').isHidden()).toBe(true);
      expect(await p.locator('nav.tabs a').allTextContents()).toEqual([
        'Conversation',
        'Files changed',
        'Replay',
      ]);
      expect(await p.locator('nav.tabs a').nth(1).getAttribute('href')).toBe(`/sessions/${id}/files`);
      expect(await p.locator('section.reader').getAttribute('data-session-id')).toBe(id);
      // The search form is a plain GET: it opens the page of the first match, that match marked.
      await p.locator('#reader-q').fill(NEEDLE);
      await p.locator('#reader-q').press('Enter');
      await p.waitForURL((u) => u.searchParams.get('q') === NEEDLE);
      expect(await currentAnchor(p)).toBe('e-50');
      await ctx.close();
    });

    it('a share viewer searches the shared session; the find endpoint refuses what is not shared', async () => {
      const ctx = await browser.newContext();
      const p = await ctx.newPage();
      await p.goto(`${t.url}/share/${slug}`);
      expect(await p.locator('section.reader').getAttribute('data-share-slug')).toBe(slug);
      expect(await p.locator('nav.tabs a').nth(1).getAttribute('href')).toBe(`/share/${slug}/files`);
      await p.locator('#reader-q').fill(NEEDLE);
      await p.locator('#reader-q').press('Enter');
      await eventually(() => p.locator('#reader-count').textContent()).toBe('1 of 1');
      expect(await p.locator('mark.reader-hit').allTextContents()).toEqual([NEEDLE]);
      await ctx.close();

      const ok = await fetch(`${t.url}/share/${slug}/find?q=${NEEDLE}`);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ q: NEEDLE, hits: ['0'], truncated: false });
      expect((await fetch(`${t.url}/share/${privateSlug}/find?q=${NEEDLE}`)).status).toBe(404);
      // The owner's endpoint wants the owner's session cookie.
      const anon = await fetch(`${t.url}/sessions/${id}/find?q=${NEEDLE}`, { redirect: 'manual' });
      expect(anon.status).not.toBe(200);
      expect((await fetch(`${t.url}/share/${slug}/find?q=`)).status).toBe(400);
    });

    it('markup in the query string stays text (q and at)', async () => {
      const evil = `"><img src=x id=pwn onerror="window.__pwned=1">`;
      await page.goto(`${t.url}/sessions/${id}?q=${encodeURIComponent(evil)}&at=${encodeURIComponent(evil)}`);
      expect(await page.locator('#reader-q').inputValue()).toBe(evil);
      expect(await page.locator('#pwn').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      await eventually(() => page.locator('#reader-count').textContent()).toBe('No matches');
    });
  });
});

/**
 * Screenshots for docs/screenshots (the viewport: off-screen items are skipped by content-visibility, so a full-page
 * shot shows them blank) and, full page, for the test artifacts.
 */
async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
}
