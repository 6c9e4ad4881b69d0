// The session page's export buttons in real Chromium, on both engines: the owner's page and the share page offer
// every format, PDF and Word downloads arrive with their file name and type, hold the first prompt and not a secret
// the client's push redacted, a share viewer can download too, and another user's private session is a 404.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTrackerClient } from '../../src/client/index.js';
import { createEgressGate } from '../../src/core/egress/index.js';
import { describeWithExternal, externalsRequired } from '../helpers/externals.js';
import { fake } from '../helpers/fake-secrets.js';
import { forEachEngine } from '../tracker/helpers/harness.js';
import { chromiumUnavailable, launchBrowser, login } from './browser.js';
import { makeSession } from './fixtures.js';
import { startManageTracker, type ManageTracker } from './manage-helpers.js';

const SECRET = fake('ghp_', 36, 21);
const PROMPT = 'Trace the quokka deploy failure';
const FORMATS = ['MD', 'JSON', 'HTML', 'TXT', 'PDF', 'DOCX'];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const noPdftotext = spawnSync('pdftotext', ['-v']).error
  ? 'pdftotext is not installed (poppler-utils)'
  : null;

/** The PDF's text, or null (after a loud notice) where pdftotext is missing; under CI that is a failure. */
function pdfText(path: string): string | null {
  if (noPdftotext) {
    expect(externalsRequired, `${noPdftotext}; required under CI`).toBe(false);
    process.stderr.write(`\n!!! SKIPPING the PDF text checks: ${noPdftotext}\n`);
    return null;
  }
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

async function download(page: Page, name: string): Promise<{ file: Download; bytes: Buffer }> {
  const group = page.getByRole('group', { name: 'Export' });
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    group.getByRole('link', { name, exact: true }).click(),
  ]);
  return { file, bytes: readFileSync((await file.path())!) };
}

describeWithExternal('Chromium', chromiumUnavailable())('export buttons', () => {
  forEachEngine('export buttons', (engine) => {
    let t: ManageTracker;
    let browser: Browser;
    let owner: BrowserContext;
    let page: Page;
    let id: string;
    let slug: string;
    let privateId: string;

    beforeAll(async () => {
      t = await startManageTracker(engine);
      // The normal client push: the egress gate redacts the secret before it leaves.
      const client = createTrackerClient({ baseUrl: t.url, apiKey: t.ownerKey });
      const gate = createEgressGate({ redact: true });
      const session = makeSession({
        title: 'Quokka deploy',
        prompts: [`${PROMPT} with token ${SECRET}`, 'Now retry it'],
      });
      id = (await client.sessions.push(gate.body({ session, visibility: 'unlisted' }))).sessionId;
      await client.close();
      slug = (await t.api<{ session: { shareSlug: string } }>(`/api/v1/sessions/${id}?limit=0`)).body.session
        .shareSlug;
      const mine = makeSession({ prompts: ['Private walrus plans'] });
      privateId = (
        await t.api<{ sessionId: string }>('/api/v1/sessions', {
          method: 'POST',
          body: JSON.stringify({ session: mine }),
        })
      ).body.sessionId;
      browser = await launchBrowser();
      owner = await browser.newContext({ acceptDownloads: true });
      page = await owner.newPage();
      await login(page, t.url, t.ownerKey);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    it('the owner’s session page and the share page show a button per format', async () => {
      for (const path of [`/sessions/${id}`, `/share/${slug}`]) {
        await page.goto(t.url + path);
        const links = page.getByRole('group', { name: 'Export' }).getByRole('link');
        expect(await links.allTextContents()).toEqual(FORMATS);
      }
    });

    it('PDF downloads as <id>.pdf with the first prompt and without the redacted secret', async () => {
      await page.goto(`${t.url}/sessions/${id}`);
      const { file, bytes } = await download(page, 'PDF');
      expect(file.suggestedFilename()).toBe(`${id}.pdf`);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.toString('latin1')).not.toContain(SECRET);
      const res = await owner.request.get(`${t.url}/sessions/${id}/export?format=pdf`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('application/pdf');
      expect(res.headers()['content-disposition']).toBe(`attachment; filename="${id}.pdf"`);
      const text = pdfText((await file.path())!);
      if (text === null) return;
      expect(text.replace(/\s+/g, ' ')).toContain(PROMPT);
      expect(text).toContain('[REDACTED:github-token]');
      expect(text).not.toContain(SECRET);
    }, 120_000);

    it('DOCX downloads as <id>.docx with the first prompt and without the secret', async () => {
      await page.goto(`${t.url}/sessions/${id}`);
      const { file, bytes } = await download(page, 'DOCX');
      expect(file.suggestedFilename()).toBe(`${id}.docx`);
      const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);
      expect(xml).toContain(PROMPT);
      expect(xml).not.toContain(SECRET);
      const res = await owner.request.get(`${t.url}/sessions/${id}/export?format=docx`);
      expect(res.headers()['content-type']).toBe(DOCX_TYPE);
      expect(res.headers()['content-disposition']).toBe(`attachment; filename="${id}.docx"`);
    }, 120_000);

    it('an anonymous share viewer downloads the PDF from the share page', async () => {
      const viewer = await browser.newContext({ acceptDownloads: true });
      try {
        const vp = await viewer.newPage();
        await vp.goto(`${t.url}/share/${slug}`);
        const { file, bytes } = await download(vp, 'PDF');
        expect(file.suggestedFilename()).toBe(`${id}.pdf`);
        expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
        const res = await viewer.request.get(`${t.url}/share/${slug}/export?format=pdf`);
        expect(res.headers()['content-type']).toBe('application/pdf');
        const text = pdfText((await file.path())!);
        if (text !== null) expect(text.replace(/\s+/g, ' ')).toContain(PROMPT);
      } finally {
        await viewer.close();
      }
    }, 120_000);

    it("another user gets 404 for the owner's private session export in every format", async () => {
      const other = await browser.newContext();
      try {
        const op = await other.newPage();
        await login(op, t.url, t.otherKey);
        for (const f of ['pdf', 'docx', 'md']) {
          const res = await other.request.get(`${t.url}/sessions/${privateId}/export?format=${f}`);
          expect(res.status()).toBe(404);
          expect((await res.body()).toString()).not.toContain('walrus');
        }
        // The owner can: the 404 is about who asks, not a broken route.
        const mine = await owner.request.get(`${t.url}/sessions/${privateId}/export?format=md`);
        expect(mine.status()).toBe(200);
        expect(await mine.text()).toContain('Private walrus plans');
      } finally {
        await other.close();
      }
    });
  });
});
