// The HTML export in real Chromium: no payload runs, the CSP admits our script, search, layout and dark mode work.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderSession } from '../../src/core/export/index.js';
import type { Session } from '../../src/core/model/session.js';
import { sampleSession, xssSession } from '../fixtures/export-sessions.js';
import { describeWithExternal } from '../helpers/externals.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describeWithExternal('Chromium', existsSync(CHROMIUM) ? null : `${CHROMIUM} not found`)(
  'HTML export in Chromium',
  () => {
    let browser: Browser;
    let dir: string;

    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
      dir = mkdtempSync(join(tmpdir(), 'baton-html-'));
    });
    afterAll(async () => {
      await browser?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    /** Opens an export from a file:// URL, recording every request, dialog and console message. */
    async function open(
      session: Session,
      name: string,
    ): Promise<{ page: Page; requests: string[]; dialogs: string[]; console: string[] }> {
      const file = join(dir, `${name}.html`);
      writeFileSync(file, renderSession(session, 'html'));
      const page = await browser.newPage();
      const requests: string[] = [];
      const dialogs: string[] = [];
      const consoleMsgs: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('console', (m) => consoleMsgs.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => consoleMsgs.push(`pageerror: ${e.message}`));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      return { page, requests, dialogs, console: consoleMsgs };
    }

    it('control: the probe does see an injected handler run when a page has no escaping and no CSP', async () => {
      const page = await browser.newPage();
      await page.setContent(
        '<img src="data:," onerror="window.__pwned=1"><img src="x:" onerror="window.__pwned=1">',
      );
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned))
        .toBe(1);
      await page.close();
    });

    it('runs none of the XSS payloads, makes no request but the file itself, and still runs its own script', async () => {
      const { page, requests, dialogs, console: msgs } = await open(xssSession(), 'xss');
      // Give toggles, focus events and lazy handlers a chance: open every <details>.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(requests).toHaveLength(1);
      expect(requests[0]).toMatch(/^file:/);
      expect(msgs.filter((m) => /Content Security Policy|pageerror/i.test(m))).toEqual([]);
      // Our script ran (the CSP hash admitted it) and copied the title, as text.
      expect(await page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true);
      expect(await page.title()).toContain('<script>window.__pwned=1</script>');
      expect(await page.locator('script').count()).toBe(1);
      expect(await page.locator('img, iframe, svg, a, base, link, form, textarea, math').count()).toBe(0);
      await page.close();
    });

    it('shows the metrics header above the conversation and searches, steps through and filters matches', async () => {
      const { page, console: msgs } = await open(sampleSession(), 'sample');
      const headerBox = await page.locator('header.metrics').boundingBox();
      const mainBox = await page.locator('main.conv').boundingBox();
      expect(headerBox!.y).toBeLessThan(mainBox!.y);
      expect(await page.locator('header.metrics').innerText()).toContain('14,685');

      // "async function runChain" is inside a collapsed tool result; "implementation plan" is in two messages.
      await page.fill('#q', 'implementation plan');
      await page.waitForFunction(() => document.getElementById('cnt')!.textContent === '2 matches');
      await page.press('#q', 'Enter');
      await expect.poll(() => page.textContent('#cnt')).toBe('1 / 2');
      await page.fill('#q', 'runChain');
      await page.waitForFunction(() => document.getElementById('cnt')!.textContent === '1 match');
      expect(
        await page
          .locator('details.result')
          .nth(1)
          .evaluate((d) => (d as HTMLDetailsElement).open),
      ).toBe(false);
      await page.click('#next');
      expect(
        await page
          .locator('details.result')
          .nth(1)
          .evaluate((d) => (d as HTMLDetailsElement).open),
      ).toBe(true);
      expect(await page.locator('mark.hit.cur').innerText()).toBe('runChain');

      await page.check('#only');
      expect(await page.locator('.msg:visible').count()).toBe(1);
      await page.uncheck('#only');
      await page.fill('#q', '');
      await page.waitForFunction(() => document.getElementById('cnt')!.textContent === '');
      expect(await page.locator('mark.hit').count()).toBe(0);
      expect(msgs.filter((m) => /error/i.test(m))).toEqual([]);
      await page.close();
    });

    it('follows the system colour scheme', async () => {
      const { page } = await open(sampleSession(), 'dark');
      const bg = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await page.emulateMedia({ colorScheme: 'light' });
      expect(await bg()).toBe('rgb(255, 255, 255)');
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await bg()).toBe('rgb(13, 17, 23)');
      await page.close();
    });
  },
);
