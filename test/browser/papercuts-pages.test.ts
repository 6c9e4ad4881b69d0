// Issue 13 papercuts in real Chromium: the handoff page (frontmatter as a details list, the title once), Settings'
// "Connect Claude Code" (real commands, the plugin's options prefilled) and key revocation behind a confirmation.
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithExternal } from '../helpers/externals.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { chromiumUnavailable, launchBrowser, login, screenshot } from './browser.js';
import { makeSession, pushSession } from './fixtures.js';

// What the plugin sends (src/handoff/steps/sync.ts): the whole document, YAML block and `# title` included, plus
// the frontmatter as an object.
const TITLE = 'Retry test handoff';
const MARKDOWN = `---
contextId: ctx-20261120-retry
topic: retry test
sessionId: SESSION
cwd: /home/dev/retry-lib
claudeVersion: 2.1.330
---

# ${TITLE}

## Session summary

The deadline check moved before the sleep.
`;

/** Keeps a screenshot the docs show (docs/screenshots) besides the test artifact. */
async function docScreenshot(page: Page, name: string): Promise<void> {
  const path = await screenshot(page, name);
  mkdirSync(join(process.cwd(), 'docs', 'screenshots'), { recursive: true });
  cpSync(path, join(process.cwd(), 'docs', 'screenshots', `${name}.png`));
}

describeWithExternal('Chromium', chromiumUnavailable())('issue 13 papercuts in Chromium', () => {
  let t: WebTracker;
  let browser: Browser;
  let page: Page;
  let handoffPath: string;

  beforeAll(async () => {
    t = await startWebTracker();
    const pushed = await pushSession(t.url, t.ownerKey, makeSession({ title: 'Fix flaky retry test' }));
    const markdown = MARKDOWN.replace('SESSION', pushed.sessionId);
    const res = await fetch(`${t.url}/api/v1/handoffs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        sessionId: pushed.sessionId,
        title: TITLE,
        markdown,
        frontmatter: { contextId: 'ctx-20261120-retry', topic: 'retry test', cwd: '/home/dev/retry-lib' },
      }),
    });
    expect(res.status).toBe(201);
    handoffPath = new URL(((await res.json()) as { url: string }).url).pathname;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, t.url, t.ownerKey);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the handoff page shows the frontmatter as a details list, not a paragraph, and the title once', async () => {
    await page.goto(t.url + handoffPath);
    const article = page.locator('article');
    expect(await article.getByText(TITLE, { exact: true }).count()).toBe(1);
    const meta = page.locator('dl.handoff-meta');
    expect(await meta.locator('dt').allTextContents()).toEqual(['contextId', 'topic', 'cwd']);
    expect(await meta.locator('dd').first().textContent()).toBe('ctx-20261120-retry');
    const body = (await page.locator('article .body').textContent()) ?? '';
    expect(body).not.toContain('contextId');
    expect(body).not.toContain('---');
    expect(body).toContain('The deadline check moved before the sleep.');
    await docScreenshot(page, 'handoff-page');
  });

  it("Settings' Connect Claude Code names real commands and the plugin's options with this tracker's URL", async () => {
    await page.goto(t.url + '/settings');
    const text = (await page.locator('section[aria-labelledby="connect-h"]').textContent()) ?? '';
    expect(text).not.toContain('<owner>');
    expect(text).toContain('claude plugin marketplace add ./baton');
    expect(text).toContain('claude plugin install baton@baton');
    const options = page.locator('#connect-options');
    expect(await options.locator('dt').allTextContents()).toEqual(['tracker_url', 'api_key']);
    expect(await options.locator('dd').first().textContent()).toBe(t.url);
    expect(text).toContain(`--config tracker_url=${t.url}`);
    // `baton login` is the alternative for people with the CLI, after the plugin's own options.
    expect(text.indexOf('baton login')).toBeGreaterThan(text.indexOf('tracker_url'));
    await page.locator('#connect-h').scrollIntoViewIfNeeded();
    await docScreenshot(page, 'settings-connect');
  });

  it('one click on Revoke does not revoke; confirming does (dialog, and the page without JavaScript)', async () => {
    const keyFor = async (name: string) => {
      const r = await fetch(`${t.url}/api/v1/keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.ownerKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      });
      return ((await r.json()) as { rawKey: string }).rawKey;
    };
    const works = async (raw: string) =>
      (await fetch(`${t.url}/api/v1/me`, { headers: { authorization: `Bearer ${raw}` } })).status;

    const raw = await keyFor('desk');
    await page.goto(t.url + '/settings');
    await page.getByRole('link', { name: 'Revoke key desk' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await works(raw)).toBe(200);
    await dialog.getByRole('button', { name: 'Revoke key' }).click();
    await page.waitForURL(/revoked=1/);
    expect(await works(raw)).toBe(401);

    // Without JavaScript the link opens the confirm page; Cancel leaves the key alone.
    const raw2 = await keyFor('tablet');
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    await login(p, t.url, t.ownerKey);
    await p.goto(t.url + '/settings');
    await p.getByRole('link', { name: 'Revoke key tablet' }).click();
    await p.waitForURL(/\/settings\/keys\/.+\/revoke$/);
    expect(await works(raw2)).toBe(200);
    await p.getByRole('link', { name: 'Cancel' }).click();
    expect(await works(raw2)).toBe(200);
    await p.getByRole('link', { name: 'Revoke key tablet' }).click();
    await p.getByRole('button', { name: 'Revoke key' }).click();
    await p.waitForURL(/revoked=1/);
    expect(await works(raw2)).toBe(401);
    await noJs.close();
  });
});
