// The tracker's pages in real headless Chromium: login, list/search/filters, detail, export, keys, screenshots.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithExternal } from '../helpers/externals.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { chromiumUnavailable, eventually, launchBrowser, login, screenshot } from './browser.js';
import { makeSession, pushSession } from './fixtures.js';

describeWithExternal('Chromium', chromiumUnavailable())('tracker pages in Chromium', () => {
  let t: WebTracker;
  let browser: Browser;
  let page: Page;
  let retryId: string;
  let parentId: string;

  beforeAll(async () => {
    t = await startWebTracker();
    const parent = await pushSession(
      t.url,
      t.ownerKey,
      makeSession({ title: 'Fix flaky retry test', prompts: ['Fix the flaky retry test in src/retry.ts'] }),
      {
        tags: ['tests', 'flaky'],
      },
    );
    parentId = parent.sessionId;
    const fork = await pushSession(
      t.url,
      t.ownerKey,
      makeSession({
        title: 'Retry test, second approach',
        parentSessionId: parentId,
        prompts: ['Try jittered backoff instead'],
        startedAt: '2026-11-21T10:00:00Z',
      }),
      { tags: ['tests'] },
    );
    retryId = fork.sessionId;
    await pushSession(
      t.url,
      t.ownerKey,
      makeSession({
        title: 'Add cursor pagination',
        project: 'api-server',
        branch: 'feat/pages',
        prompts: ['Add cursor pagination to GET /items', 'Now write the tests'],
        reply: 'Pagination uses an opaque **cursor**.',
        startedAt: '2026-11-22T14:00:00Z',
      }),
      { status: 'active' },
    );
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('redirects to /login, refuses a wrong key, and logs in with a real one', async () => {
    await page.goto(t.url + '/');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('API key').fill('bt_' + 'x'.repeat(43));
    await page.getByRole('button', { name: 'Log in' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('not a valid API key');
    await screenshot(page, 'login');
    await login(page, t.url, t.ownerKey);
    expect(new URL(page.url()).pathname).toBe('/');
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'baton_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    expect(session?.value).not.toContain(t.ownerKey.slice(3));
  });

  it('lists sessions and narrows them with search and filters', async () => {
    await page.goto(t.url + '/');
    await eventually(() => page.locator('.cards > li').count()).toBe(3);
    await screenshot(page, 'sessions-list');
    await page.getByRole('searchbox', { name: 'Search' }).fill('pagination');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/search=pagination/);
    expect(await page.locator('.cards > li h2').allTextContents()).toEqual(['Add cursor pagination']);
    await page.goto(t.url + '/');
    await page.getByLabel('Status').selectOption('active');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/status=active/);
    expect(await page.locator('.cards > li h2').allTextContents()).toEqual(['Add cursor pagination']);
    await page.goto(t.url + '/?tag=flaky');
    expect(await page.locator('.cards > li h2').allTextContents()).toEqual(['Fix flaky retry test']);
    await page.goto(t.url + '/');
    await page.getByLabel('Project').selectOption({ label: 'retry-lib' });
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/project=/);
    expect((await page.locator('.cards > li h2').allTextContents()).sort()).toEqual([
      'Fix flaky retry test',
      'Retry test, second approach',
    ]);
  });

  it('shows a session: metadata, timeline with collapsible tool calls and thinking, metrics, fork lineage', async () => {
    await page.goto(`${t.url}/sessions/${encodeURIComponent(retryId)}`);
    await eventually(() => page.locator('h1').textContent()).toBe('Retry test, second approach');
    expect(await page.locator('.facts').first().textContent()).toContain('Branch: main');
    const tool = page.locator('li.msg.tool details');
    expect(await tool.getAttribute('open')).toBeNull();
    await tool.locator('summary').click();
    expect(await tool.locator('pre').textContent()).toContain('npx vitest run test/retry.test.ts');
    expect(await page.locator('li.msg.thinking details').count()).toBe(1);
    expect(await page.locator('li.msg.text pre code .hljs-keyword').count()).toBeGreaterThan(0);
    expect(await page.locator('aside').textContent()).toContain('$0.42');
    const lineage = page.getByRole('navigation', { name: 'Fork lineage' });
    await lineage.getByRole('link', { name: 'Fix flaky retry test' }).click();
    await page.waitForURL(new RegExp(encodeURIComponent(parentId)));
    expect(await page.getByRole('navigation', { name: 'Fork lineage' }).textContent()).toContain(
      'Retry test, second approach',
    );
    await screenshot(page, 'session-detail');
  });

  it('downloads exports in all four formats', async () => {
    await page.goto(`${t.url}/sessions/${encodeURIComponent(parentId)}`);
    for (const f of ['md', 'json', 'html', 'txt']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: f.toUpperCase(), exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${parentId}.${f}`);
      const text = readFileSync((await download.path())!, 'utf8');
      expect(text).toContain('Fix the flaky retry test');
      if (f === 'json') expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it('shows projects with their stats', async () => {
    await page.goto(t.url + '/projects');
    await page.getByRole('link', { name: 'retry-lib' }).click();
    await eventually(() => page.locator('h1').textContent()).toBe('retry-lib');
    const stats = await page.locator('.stats').textContent();
    expect(stats?.replace(/\s+/g, ' ')).toContain('Sessions 2');
    await screenshot(page, 'project-detail');
  });

  it('creates a key shown exactly once, and revoking it takes effect', async () => {
    await page.goto(t.url + '/settings');
    await page.getByLabel('New key name').fill('laptop');
    await page.getByRole('button', { name: 'Create key' }).click();
    const raw = (await page.locator('#new-key').textContent())!.trim();
    expect(raw).toMatch(/^bt_[A-Za-z0-9_-]{43}$/);
    await screenshot(page, 'settings-new-key');
    const me = await fetch(`${t.url}/api/v1/me`, { headers: { authorization: `Bearer ${raw}` } });
    expect(me.status).toBe(200);
    await page.goto(t.url + '/settings');
    expect(await page.content()).not.toContain(raw);
    expect(await page.locator('#new-key').count()).toBe(0);
    await page.getByRole('link', { name: 'Revoke key laptop' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
    await page.waitForURL(/revoked=1/);
    expect(await page.getByRole('status').first().textContent()).toContain('revoked');
    expect((await fetch(`${t.url}/api/v1/me`, { headers: { authorization: `Bearer ${raw}` } })).status).toBe(
      401,
    );
  });

  it('ends the browser session when its own key is revoked, and on logout', async () => {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    const created = await fetch(`${t.url}/api/v1/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'temp' }),
    });
    const { rawKey, key } = (await created.json()) as { rawKey: string; key: { id: string } };
    await login(p, t.url, rawKey);
    await fetch(`${t.url}/api/v1/keys/${key.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${t.ownerKey}` },
    });
    await p.goto(t.url + '/');
    expect(new URL(p.url()).pathname).toBe('/login');
    await login(p, t.url, t.ownerKey);
    await p.getByRole('button', { name: 'Log out' }).click();
    await p.waitForURL(/\/login/);
    await p.goto(t.url + '/settings');
    expect(new URL(p.url()).pathname).toBe('/login');
    await ctx.close();
  });

  it('renders at phone width in dark mode, and diagnostics', async () => {
    await page.goto(t.url + '/diagnostics');
    expect(await page.locator('main').textContent()).toContain('SQLite');
    await screenshot(page, 'diagnostics');
    const phone = await browser.newContext({ viewport: { width: 375, height: 760 }, colorScheme: 'dark' });
    const p = await phone.newPage();
    await login(p, t.url, t.ownerKey);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(p, 'sessions-list-phone-dark');
    await p.goto(`${t.url}/sessions/${encodeURIComponent(parentId)}`);
    expect(
      await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await screenshot(p, 'session-detail-phone-dark');
    await phone.close();
  });
});
