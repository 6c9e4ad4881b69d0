// The HTML export in real Chromium: no payload runs, the CSP admits our script, code is highlighted in the page
// (lazily), search, layout and dark mode work.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderSession } from '../../src/core/export/index.js';
import type { Session, SessionEvent } from '../../src/core/model/session.js';
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

    it('highlights code in the page: visible blocks after load, folded ones when their <details> opens', async () => {
      const { page, console: msgs } = await open(sampleSession(), 'highlight');
      // The answer's ```ts block is on screen: the page turns it into highlight.js spans by itself.
      const answer = page.locator('pre code.language-typescript');
      await expect.poll(() => answer.locator('span.hljs-keyword').count()).toBeGreaterThan(0);
      expect(await answer.evaluate((c) => c.classList.contains('hljs'))).toBe(true);
      expect(await answer.innerText()).toBe('const greeting: string = "hi";');
      // The first tool call's JSON input is folded away: nothing is done to it until it is opened.
      const tool = page.locator('details.msg.tool').first();
      const input = tool.locator('pre code.language-json');
      expect(await input.locator('span').count()).toBe(0);
      await tool.locator('summary').click();
      await expect.poll(() => input.locator('span.hljs-attr').count()).toBeGreaterThan(0);
      expect(await input.innerText()).toBe('{\n  "a": 2,\n  "b": 3\n}');
      expect(msgs.filter((m) => /error|Content Security Policy/i.test(m))).toEqual([]);
      await page.close();
    });

    it('highlights only blocks near the viewport, and the rest as they are scrolled to', async () => {
      const s = sampleSession();
      const many: SessionEvent[] = Array.from({ length: 300 }, (_, i) => ({
        kind: 'text',
        uuid: `many-${i}`,
        text: `Block ${i}:\n\n\`\`\`python\ndef f${i}():\n    return ${i}\n\`\`\``,
      }));
      s.turns[0]!.events.push(...many);
      const { page } = await open(s, 'lazy');
      const blocks = page.locator('pre code.language-python');
      const painted = page.locator('pre code.language-python.hljs');
      await expect.poll(() => painted.count()).toBeGreaterThan(0);
      expect(await blocks.count()).toBe(300);
      expect(await painted.count()).toBeLessThan(100);
      const last = blocks.last();
      expect(await last.evaluate((c) => c.classList.contains('hljs'))).toBe(false);
      await last.scrollIntoViewIfNeeded();
      await expect.poll(() => last.locator('span.hljs-keyword').count()).toBeGreaterThan(0);
      await page.close();
    });

    it('renders XSS payloads inside highlighted code as text', async () => {
      const s = xssSession();
      const payloads = '<img src=x onerror="window.__pwned=30"><script>window.__pwned=31</script>';
      s.turns[0]!.events.push(
        { kind: 'text', uuid: 'x-html', text: `\`\`\`html\n${payloads}\n\`\`\`` },
        { kind: 'text', uuid: 'x-md', text: `\`\`\`markdown\n${payloads}\n\`\`\`` },
      );
      const { page, dialogs } = await open(s, 'xss-highlight');
      const html = page.locator('pre code.language-xml', { hasText: 'window.__pwned=30' });
      await html.scrollIntoViewIfNeeded();
      await expect.poll(() => html.locator('span.hljs-tag').count()).toBeGreaterThan(0);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      await expect.poll(() => page.locator('pre code.hljs').count()).toBeGreaterThan(1);
      expect(await html.innerText()).toBe(payloads);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      // Highlighting added spans only: no element of any other kind inside any code block.
      expect(await page.locator('pre code *:not(span):not(mark)').count()).toBe(0);
      expect(await page.locator('img, iframe, svg, a, base, link, form, textarea, math').count()).toBe(0);
      expect(await page.locator('script').count()).toBe(1);
      await page.close();
    });

    it('keeps search marks in a folded block it opens, and highlights the block once the search is cleared', async () => {
      const s = sampleSession();
      s.turns[2]!.events.push(
        {
          kind: 'tool_call',
          uuid: 'rd',
          toolUseId: 'read9',
          name: 'Read',
          input: { file_path: '/p/chain.ts' },
        },
        {
          kind: 'tool_result',
          uuid: 'rd-r',
          toolUseId: 'read9',
          content: 'export function zebraStripe(n: number) {\n  return n % 2;\n}\n',
          isError: false,
        },
      );
      const { page } = await open(s, 'search-highlight');
      const code = page.locator('pre code.language-typescript', { hasText: 'zebraStripe' });
      await page.fill('#q', 'zebrastripe');
      await page.waitForFunction(() => document.getElementById('cnt')!.textContent === '1 match');
      await page.press('#q', 'Enter');
      await expect.poll(() => page.textContent('#cnt')).toBe('1 / 1');
      // Opened by the search: the mark stays (highlighting would have replaced it).
      expect(await code.locator('mark.hit.cur').innerText()).toBe('zebraStripe');
      await page.fill('#q', '');
      await page.waitForFunction(() => document.getElementById('cnt')!.textContent === '');
      await expect.poll(() => code.locator('span.hljs-keyword').count()).toBeGreaterThan(0);
      expect(await code.locator('mark').count()).toBe(0);
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
