// Live notes and status lines say the same words everywhere, on both engines: the live viewer while the stream
// runs, then the owner's session page, its replay, the share page and the exports of the session the stream saved.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithExternal } from '../helpers/externals.js';
import { forEachEngine, freshDatabase } from '../tracker/helpers/harness.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { chromiumUnavailable, eventually, launchBrowser, login } from './browser.js';

interface Stream {
  liveId: string;
  producerToken: string;
  viewUrl: string;
}

const EVENTS = [
  { seq: 1, event: { kind: 'prompt', uuid: 'p1', text: 'Ship the labels' } },
  { seq: 2, event: { kind: 'system', uuid: 'n1', subtype: 'live_note', text: 'Back in five' } },
  { seq: 3, event: { kind: 'system', uuid: 's1', subtype: 'live_status', text: 'Running tests' } },
];
const WORDS = ['Note Back in five', 'Status Running tests'];

describeWithExternal('Chromium', chromiumUnavailable())('live labels', () => {
  forEachEngine('live labels', (engine) => {
    let t: WebTracker;
    let drop: () => Promise<void>;
    let browser: Browser;
    let page: Page;
    const sessionId = randomUUID();

    beforeAll(async () => {
      const db = await freshDatabase(engine);
      drop = db.drop;
      t = await startWebTracker({ config: { db: db.target } });
      browser = await launchBrowser();
      page = await browser.newPage();
      await login(page, t.url, t.ownerKey);
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await t?.close();
      await drop?.();
    });

    async function call(path: string, init: { method: string; key: string; body: unknown }) {
      const res = await fetch(`${t.url}${path}`, {
        method: init.method,
        headers: { authorization: `Bearer ${init.key}`, 'content-type': 'application/json' },
        body: JSON.stringify(init.body),
      });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      return res.json() as Promise<unknown>;
    }
    /** Each system line's label and text as a reader sees them (the permalink and comment controls left out). */
    const systemLines = (p: Page) =>
      p.locator('#timeline li.system').evaluateAll((els) =>
        els.map((el) =>
          Array.from(el.childNodes)
            .filter((n) => n.nodeType === 3 || (n as Element).classList?.contains('badge'))
            .map((n) => n.textContent)
            .join('')
            .replace(/\s+/g, ' ')
            .trim(),
        ),
      );

    it('the live viewer, then the saved session’s page, replay and share page show "Note" and "Status", never the subtype', async () => {
      const s = (await call('/api/v1/live', {
        method: 'POST',
        key: t.ownerKey,
        body: { sessionId, title: 'Labels everywhere' },
      })) as Stream;
      await page.goto(s.viewUrl);
      await eventually(() => page.locator('#live-conn').textContent()).toBe('Connected');
      await call(`/api/v1/live/${s.liveId}`, {
        method: 'PATCH',
        key: s.producerToken,
        body: { events: EVENTS },
      });
      await eventually(() => page.locator('#timeline li[data-seq]').count()).toBe(3);
      await eventually(() => systemLines(page)).toEqual(WORDS);

      const info = (await call(`/api/v1/live/${s.liveId}/complete`, {
        method: 'POST',
        key: s.producerToken,
        body: { createPost: true },
      })) as { postUrl: string };
      await page.goto(`${t.url}/sessions/${sessionId}`);
      expect(await systemLines(page)).toEqual(WORDS);
      expect((await page.locator('#timeline').textContent()) ?? '').not.toMatch(/live_(note|status)/);
      // The replay player of that session renders through the same view.
      await page.goto(`${t.url}/sessions/${sessionId}/replay`);
      await page.getByRole('button', { name: '16×' }).click();
      await page.getByRole('button', { name: 'Play' }).click();
      await eventually(() => systemLines(page)).toEqual(WORDS);
      // The share page of the post the stream saved (one session: the page is that session's) says the same.
      await page.goto(info.postUrl);
      expect(await systemLines(page)).toEqual(WORDS);
    });

    it('the exports name them in the same words', async () => {
      const get = (f: string) =>
        fetch(`${t.url}/api/v1/sessions/${sessionId}/export?format=${f}`, {
          headers: { authorization: `Bearer ${t.ownerKey}` },
        }).then((r) => r.text());
      const md = await get('md');
      expect(md).toContain('> **System** (Note)');
      expect(md).toContain('> **System** (Status)');
      expect(await get('txt')).toContain('SYSTEM (Note):');
      const html = await get('html');
      expect(html).toContain('<b>Note</b>');
      for (const text of [md, html]) expect(text).not.toMatch(/live_(note|status)/);
    });
  });
});
