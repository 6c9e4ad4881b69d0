// File edits read like a code review, in real Chromium on both engines: diffs in the timeline (collapsible,
// highlighted, +/- marked), the files-changed page with its totals and links back, its share access, the live client.
import { copyFileSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderSession } from '../../src/core/export/index.js';
import type { SessionEvent } from '../../src/core/model/session.js';
import { addUser } from '../../tracker/services/users.js';
import { describeWithExternal } from '../helpers/externals.js';
import { forEachEngine, freshDatabase } from '../tracker/helpers/harness.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { chromiumUnavailable, eventually, launchBrowser, login, screenshot } from './browser.js';
import { EXPECTED_FILES, editCalls, editSession } from './diff-fixtures.js';
import { pushSession } from './fixtures.js';

async function shareSlug(t: WebTracker, id: string): Promise<string | null> {
  const res = await fetch(`${t.url}/api/v1/sessions/${id}?limit=0`, {
    headers: { authorization: `Bearer ${t.ownerKey}` },
  });
  return ((await res.json()) as { session: { shareSlug: string | null } }).session.shareSlug;
}

/** Keeps a screenshot in docs/ (the sqlite run only), checking it stays small. */
async function keepShot(page: Page, name: string): Promise<void> {
  const file = await screenshot(page, name);
  mkdirSync('docs/screenshots', { recursive: true });
  copyFileSync(file, `docs/screenshots/${name}.png`);
  expect(statSync(file).size).toBeLessThan(320 * 1024);
}

describeWithExternal('Chromium', chromiumUnavailable())('diffs and files changed', () => {
  forEachEngine('diffs', (engine) => {
    let t: WebTracker;
    let drop: () => Promise<void>;
    let browser: Browser;
    let page: Page;
    let id: string;
    let slug: string;
    let privateId: string;
    let otherKey: string;

    beforeAll(async () => {
      const db = await freshDatabase(engine);
      drop = db.drop;
      t = await startWebTracker({ config: { db: db.target } });
      id = (
        await pushSession(t.url, t.ownerKey, editSession('Fix the retry deadline'), {
          visibility: 'unlisted',
        })
      ).sessionId;
      slug = (await shareSlug(t, id))!;
      privateId = (await pushSession(t.url, t.ownerKey, editSession('Private edits'))).sessionId;
      otherKey = (await addUser(t.store, { name: 'mallory' }, { now: Date.now(), defaultRate: 0 })).key
        .rawKey;
      browser = await launchBrowser();
      page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await login(page, t.url, t.ownerKey);
    });

    afterAll(async () => {
      await browser?.close();
      await t?.close();
      await drop?.();
    });

    it('renders each file tool as a diff: +/- rows, highlighted code, open when small, folded when large', async () => {
      await page.goto(`${t.url}/sessions/${id}`);
      const edits = page.locator('li.msg.tool.edit');
      await expect.poll(() => edits.count()).toBe(4);
      // Edit, MultiEdit and NotebookEdit are small and start open; the 120-line Write starts folded.
      const open = await edits.evaluateAll((lis) => lis.map((li) => li.querySelector('details')!.open));
      expect(open).toEqual([true, true, false, true]);
      const edit = edits.nth(0);
      expect(await edit.locator('summary').textContent()).toMatch(/Tool: Edit.*retry\.ts.*\+1\s*−1/s);
      expect(await edit.locator('.dl.d-del .mk').allTextContents()).toEqual(['−']);
      expect(await edit.locator('.dl.d-add code').allTextContents()).toEqual([
        'if (Date.now() + delay > deadline) throw last;',
      ]);
      // Highlighted server-side by the extension's language (TypeScript): keyword spans inside the diff rows.
      expect(await edit.locator('.dl code.language-typescript .hljs-keyword').count()).toBeGreaterThan(0);
      // The Write shows file line numbers; opening and closing it is the <details> doing its job.
      const write = edits.nth(2);
      await write.locator('summary').click();
      await eventually(() => write.locator('.diff.numbered .dl.d-add').count()).toBe(120);
      expect(await write.locator('.dl.d-add').nth(119).locator('.ln').nth(1).textContent()).toBe('120');
      await write.locator('summary').click();
      await eventually(() => write.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(
        false,
      );
      // Python for the notebook cell; every tool result is still shown after its call.
      expect(await edits.nth(3).locator('code.language-python').count()).toBe(2);
      expect(await page.locator('li.msg.result').count()).toBe(4);
      if (engine === 'sqlite') await keepShot(page, 'diff-timeline');
    });

    it('shows a slash command with one leading slash (not //baton:start) on the session and share pages', async () => {
      for (const path of [`/sessions/${id}`, `/share/${slug}`]) {
        await page.goto(`${t.url}${path}`);
        expect(await page.locator('li[data-uuid="slash"] code').first().textContent()).toBe(
          '/baton:start now',
        );
        expect(await page.locator('main').textContent()).not.toContain('//baton');
      }
    });

    it('lists every changed file with its totals, and each edit links back to its message', async () => {
      await page.goto(`${t.url}/sessions/${id}/files`);
      const files = page.locator('ol.files-changed > li');
      expect(await files.count()).toBe(3);
      for (const [i, f] of EXPECTED_FILES.entries()) {
        const li = files.nth(i);
        expect(await li.locator('h2 code').textContent()).toBe(f.path);
        expect(await li.locator('.file-head .diffstat').textContent()).toBe(`+${f.added} −${f.removed}`);
        expect(await li.locator('details.edit').count()).toBe(f.edits);
      }
      expect(await page.locator('#files-total').textContent()).toMatch(/3 files changed\s*\+125 −3/);
      if (engine === 'sqlite') await keepShot(page, 'files-changed');
      // The MultiEdit's link lands on the session page at that event.
      const link = files.nth(0).locator('a.edit-link').nth(1);
      const href = (await link.getAttribute('href'))!;
      const seq = /\?at=(\d+)#e-(\d+)$/.exec(href);
      expect(seq?.[1]).toBe(seq?.[2]);
      await link.click();
      await page.waitForURL((u) => u.pathname === `/sessions/${id}`);
      expect(await page.locator(`li[data-seq="${seq![1]}"]`).getAttribute('data-uuid')).toBe('edit-1');
    });

    it("the shared viewer sees the files of a shared session; private, unknown and others' sessions are 404", async () => {
      const anon = await browser.newContext();
      const ap = await anon.newPage();
      const res = await ap.goto(`${t.url}/share/${slug}/files`);
      expect(res?.status()).toBe(200);
      expect(await ap.locator('ol.files-changed > li').count()).toBe(3);
      expect(await ap.locator('a.edit-link').first().getAttribute('href')).toMatch(
        new RegExp(`^/share/${slug}\\?at=\\d+#e-\\d+$`),
      );
      expect((await ap.goto(`${t.url}/share/not-a-real-slug-000/files`))?.status()).toBe(404);
      expect((await ap.goto(`${t.url}/sessions/${id}/files`))?.url()).toContain('/login');
      await anon.close();
      // The private session's slug (none) and another user's view of the owner's sessions.
      expect(await shareSlug(t, privateId)).toBeNull();
      const other = await browser.newContext();
      const op = await other.newPage();
      await login(op, t.url, otherKey);
      for (const sid of [id, privateId])
        expect((await op.goto(`${t.url}/sessions/${sid}/files`))?.status()).toBe(404);
      await other.close();
    });

    it('the HTML export shows the same diffs, highlighted by its own page script', async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'baton-diff-')), 'export.html');
      writeFileSync(file, renderSession(editSession('Fix the retry deadline'), 'html'));
      const ep = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      await ep.goto(pathToFileURL(file).href);
      const edits = ep.locator('details.msg.tool.edit');
      expect(await edits.count()).toBe(4);
      expect(await edits.evaluateAll((ds) => ds.map((d) => (d as HTMLDetailsElement).open))).toEqual([
        true,
        true,
        false,
        true,
      ]);
      await eventually(() => edits.first().locator('code.hljs .hljs-keyword').count()).toBeGreaterThan(0);
      expect(await edits.first().locator('summary .diffstat').textContent()).toBe('+1 −1');
      if (engine === 'sqlite') await keepShot(ep, 'diff-export');
      await ep.close();
    });

    it('the live client renders the same diffs from the stream', async () => {
      const live = (await (
        await fetch(`${t.url}/api/v1/live`, {
          method: 'POST',
          headers: { authorization: `Bearer ${t.ownerKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ title: 'Live edits', sessionId: 'live-diffs' }),
        })
      ).json()) as { liveId: string; producerToken: string; viewUrl: string };
      const stream: SessionEvent[] = [editSession('live').turns[0]!.events[0]!, ...editCalls()];
      const events = stream.map((event, i) => ({ seq: i + 1, event }));
      const r = await fetch(`${t.url}/api/v1/live/${live.liveId}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${live.producerToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events }),
      });
      expect(r.status).toBe(200);
      const lp = await browser.newPage();
      await lp.goto(live.viewUrl);
      await eventually(() => lp.locator('#timeline li.msg.tool.edit').count()).toBe(4);
      const first = lp.locator('#timeline li.msg.tool.edit').first();
      expect(await first.locator('.dl.d-add code').allTextContents()).toEqual([
        'if (Date.now() + delay > deadline) throw last;',
      ]);
      expect(await first.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      // The live client builds the slash command's line from the same view: one leading slash.
      expect(await lp.locator('#timeline li[data-uuid="slash"] code').textContent()).toBe('/baton:start now');
      await lp.close();
    });
  });
});
