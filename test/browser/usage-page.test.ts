// issue #14: the /usage page in real Chromium: SVG charts with titles and table fallbacks, the filter form, links to
// the costliest sessions, no request leaving the tracker, the strict CSP intact, light and dark screenshots; on
// SQLite and PostgreSQL.
import { copyFileSync, mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithExternal } from '../helpers/externals.js';
import { forEachEngine } from '../tracker/helpers/harness.js';
import type { WebTracker } from '../tracker/web-harness.js';
import { startManageTracker } from './manage-helpers.js';
import { chromiumUnavailable, launchBrowser, login, screenshot } from './browser.js';
import { makeSession, pushSession } from './fixtures.js';

/** A session of the page fixtures with its own day, project, model, cost and tools. */
function priced(o: {
  title: string;
  project: string;
  startedAt: string;
  model: string;
  cost: number;
  tools: Record<string, number>;
}) {
  const s = makeSession({ title: o.title, project: o.project, startedAt: o.startedAt });
  s.meta.models = [o.model];
  s.totals.costUsd = o.cost;
  s.totals.tokens = {
    input: Math.round(o.cost * 20_000),
    output: Math.round(o.cost * 6_000),
    cacheRead: Math.round(o.cost * 150_000),
    cacheWrite: Math.round(o.cost * 9_000),
  };
  s.totals.tools = o.tools;
  s.totals.toolCalls = Object.values(o.tools).reduce((a, b) => a + b, 0);
  return s;
}

async function shot(page: Page, name: string): Promise<void> {
  const path = await screenshot(page, name);
  mkdirSync('docs/screenshots', { recursive: true });
  copyFileSync(path, `docs/screenshots/${name}.png`);
}

describeWithExternal('Chromium', chromiumUnavailable())('the /usage page in Chromium', () => {
  forEachEngine('the /usage page', (engine) => {
    let t: WebTracker;
    let browser: Browser;
    const costliest = 'Migrate the billing tables';
    const range = '?from=2026-11-01&to=2026-11-30';

    beforeAll(async () => {
      t = await startManageTracker(engine);
      const days = ['02', '03', '05', '09', '10', '11', '16', '18', '19', '23', '24', '26'];
      const projects = ['retry-lib', 'api-server', 'billing', 'docs-site'];
      const models = ['claude-sonnet-4-5', 'claude-opus-4-1', 'claude-haiku-4-5'];
      for (const [i, d] of days.entries()) {
        await pushSession(
          t.url,
          t.ownerKey,
          priced({
            title: i === 7 ? costliest : `Session ${i + 1}`,
            project: projects[i % projects.length]!,
            startedAt: `2026-11-${d}T${String(8 + (i % 9)).padStart(2, '0')}:15:00Z`,
            model: models[i % models.length]!,
            cost: i === 7 ? 6.4 : 0.3 + ((i * 37) % 11) / 5,
            tools: {
              Bash: 3 + (i % 4),
              Read: 5 + (i % 6),
              Edit: 2 + (i % 3),
              ...(i % 3 === 0 ? { Grep: 4 } : {}),
            },
          }),
        );
      }
      browser = await launchBrowser();
    });

    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    async function open(colorScheme: 'light' | 'dark') {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
      const page = await context.newPage();
      await login(page, t.url, t.ownerKey);
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      return { context, page, requests, violations };
    }

    it('draws the charts, tables, tools and costliest sessions from the tracker alone, under the strict CSP', async () => {
      const { context, page, requests, violations } = await open('light');
      const res = await page.goto(`${t.url}/usage${range}`);
      expect(res?.status()).toBe(200);
      const csp = res?.headers()['content-security-policy'] ?? '';
      expect(csp).toMatch(/default-src 'none'|default-src 'self'/);
      expect(csp).not.toMatch(/unsafe-inline/);
      await expect(page.getByRole('link', { name: 'Usage' }).getAttribute('aria-current')).resolves.toBe(
        'page',
      );
      // Three day charts, by project, by model and tools: each an SVG image named by its caption, with a <title>.
      const charts = page.locator('figure.chart svg[role="img"]');
      expect(await charts.count()).toBe(6);
      for (const name of [
        'Tokens by day',
        'Cost by day',
        'Sessions by day',
        'By project',
        'By model',
        'Most used tools',
      ])
        await expect(page.getByRole('img', { name }).locator(':scope > title').textContent()).resolves.toBe(
          name,
        );
      // One column per day of the range, bars only where sessions started.
      const sessionsChart = page.getByRole('img', { name: 'Sessions by day' });
      expect(await sessionsChart.locator('rect.bar').count()).toBe(30);
      expect(await sessionsChart.locator('rect.bar[height="0.00"]').count()).toBe(30 - 12);
      // The table fallback holds the same figures.
      const table = page.locator('details', { hasText: 'Table: Sessions by day' });
      await table.locator('summary').click();
      await expect(table.getByRole('row', { name: /2026-11-18/ }).textContent()).resolves.toMatch(
        /2026-11-18\s*1/,
      );
      // Bars are coloured by a class (no style attribute anywhere: the CSP would block it).
      expect(await page.locator('[style]').count()).toBe(0);
      const fill = await sessionsChart
        .locator('rect.bar')
        .first()
        .evaluate((el) => getComputedStyle(el).fill);
      expect(fill).not.toBe('rgb(0, 0, 0)');
      await expect(page.locator('.bar-labels').first().textContent()).resolves.toMatch(/billing/);
      await expect(
        page.getByRole('img', { name: 'Most used tools' }).locator('rect.bar').count(),
      ).resolves.toBe(4);
      // The costliest session is first and links to its page.
      const first = page.getByRole('table').filter({ hasText: 'Started' }).getByRole('link').first();
      await expect(first.textContent()).resolves.toBe(costliest);
      await first.click();
      await page.waitForURL(/\/sessions\//);
      expect(requests.length).toBeGreaterThan(2);
      expect(requests.filter((u) => !u.startsWith(t.url))).toEqual([]);
      expect(violations).toEqual([]);
      await context.close();
    });

    it('filters by project and dates through its GET form', async () => {
      const { context, page } = await open('light');
      await page.goto(`${t.url}/usage${range}`);
      await page.getByLabel('Project', { exact: true }).selectOption({ label: 'billing' });
      await page.getByLabel('From (UTC)').fill('2026-11-10');
      await page.getByLabel('To (UTC)').fill('2026-11-20');
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.waitForURL(/project=/);
      const url = new URL(page.url());
      expect(url.searchParams.get('from')).toBe('2026-11-10');
      // billing sessions are i = 2, 6, 10: only i = 6 (the 16th) is in 10–20 November.
      await expect(page.locator('.stat .value').first().textContent()).resolves.toBe('1');
      expect(await page.getByRole('img', { name: 'Sessions by day' }).locator('rect.bar').count()).toBe(11);
      const bad = await page.goto(`${t.url}/usage?from=2026-11-20&to=2026-11-10`);
      expect(bad?.status()).toBe(400);
      await expect(page.locator('main').textContent()).resolves.toMatch(/from is after to/);
      await context.close();
    });

    it('reads in light and dark mode (screenshots for docs/screenshots)', async () => {
      for (const scheme of ['light', 'dark'] as const) {
        const { context, page, violations } = await open(scheme);
        await page.goto(`${t.url}/usage${range}`);
        const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        expect(bg).toBe(scheme === 'dark' ? 'rgb(17, 19, 23)' : 'rgb(247, 247, 248)');
        const bar = await page
          .getByRole('img', { name: 'Tokens by day' })
          .locator('rect.bar')
          .first()
          .evaluate((el) => getComputedStyle(el).fill);
        expect(bar).toBe(scheme === 'dark' ? 'rgb(138, 180, 248)' : 'rgb(11, 87, 208)');
        // One engine's pictures for the docs: the page is the same on both.
        if (engine === 'sqlite') await shot(page, `usage-${scheme}`);
        expect(violations).toEqual([]);
        await context.close();
      }
    });
  });
});
