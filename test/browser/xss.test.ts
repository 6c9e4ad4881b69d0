// 50 XSS payloads through every place session content reaches a page; real Chromium proves no script ever runs.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SessionEvent } from '../../src/core/model/session.js';
import { CONTENT_SECURITY_POLICY } from '../../tracker/web/security.js';
import { addUser } from '../../tracker/services/users.js';
import { describeWithExternal } from '../helpers/externals.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { chromiumUnavailable, launchBrowser, login } from './browser.js';
import { makeSession, pushSession } from './fixtures.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

describeWithExternal('Chromium', chromiumUnavailable())('XSS: session content never runs as script', () => {
  let t: WebTracker;
  let browser: Browser;
  let beacon: http.Server;
  const beaconHits: string[] = [];
  const dialogs: string[] = [];
  const markers: string[] = [];
  const cspViolations: string[] = [];
  let payloads: string[];
  const pages: string[] = [];
  let viewUrl = '';
  let liveSessionPage = '';

  beforeAll(async () => {
    beacon = http.createServer((req, res) => {
      beaconHits.push(req.url ?? '');
      res.end('x');
    });
    beacon.listen(0, '127.0.0.1');
    await once(beacon, 'listening');
    const beaconUrl = `http://127.0.0.1:${(beacon.address() as AddressInfo).port}`;
    payloads = XSS_PAYLOADS.map((p) => p.replaceAll('BEACON', beaconUrl));
    expect(payloads).toHaveLength(50);

    t = await startWebTracker();
    // Comments (issue 14) carry each payload as text, reply and author name: stored directly, past the rate limit.
    const evil = await addUser(
      t.store,
      { name: payloads[2]!.slice(0, 60) },
      { now: Date.now(), defaultRate: 0 },
    );
    const plantComments = async (sessionId: string, eventUuid: string, p: string, i: number) => {
      const row = await t.store.db
        .selectFrom('sessions')
        .select(['pk', 'user_id'])
        .where('id', '=', sessionId)
        .executeTakeFirstOrThrow();
      const base = { session_pk: Number(row.pk), event_uuid: eventUuid, text: p, created_at: Date.now() };
      await t.store.comments.insert({ ...base, id: `xc-${i}`, parent_id: null, user_id: evil.user.id });
      await t.store.comments.insert({ ...base, id: `xr-${i}`, parent_id: `xc-${i}`, user_id: row.user_id });
    };
    const auth = { authorization: `Bearer ${t.ownerKey}`, 'content-type': 'application/json' };
    for (const [i, p] of payloads.entries()) {
      const s = makeSession({
        title: p.slice(0, 300),
        project: i % 10 === 0 ? p.slice(0, 200) : `proj-${i % 3}`,
        branch: p.slice(0, 100),
        prompts: [p],
        reply: `Reply with payload: ${p}`,
        toolOutput: p,
        startedAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
      });
      // Payloads in every free-text field a page shows: thinking, tool input, sidechain, system notes, cwd.
      s.turns[0]!.events.push(
        { kind: 'system', uuid: `sys-${i}`, subtype: p.slice(0, 40), text: p },
        { kind: 'thinking', uuid: `th-${i}`, text: p },
        {
          kind: 'tool_call',
          uuid: `tc-${i}`,
          toolUseId: `tu-${i}`,
          name: p.slice(0, 60),
          input: { command: p, description: p },
        },
        { kind: 'tool_result', uuid: `tr-${i}`, toolUseId: `tu-${i}`, content: p, isError: true },
      );
      s.meta.cwd = `/tmp/${p}`;
      s.meta.models = [p.slice(0, 80)];
      s.totals.tools = { [p.slice(0, 60)]: 1 };
      s.totals.filesTouched = [p];
      const pushed = await pushSession(t.url, t.ownerKey, s, {
        tags: [p.trim().slice(0, 50) || 'x', `t${i}`],
        visibility: i % 2 === 0 ? 'unlisted' : 'private',
        ...(i % 5 === 0 ? { createPost: true, title: p.slice(0, 300) } : {}),
      });
      await plantComments(pushed.sessionId, s.turns[0]!.events[0]!.uuid, p, i);
      pages.push(`/sessions/${encodeURIComponent(pushed.sessionId)}`);
      if (i % 2 === 0) pages.push(new URL(pushed.url).pathname);
      if (pushed.postUrl) pages.push(new URL(pushed.postUrl).pathname);
      if (i < 10) {
        const h = await fetch(`${t.url}/api/v1/handoffs`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({
            sessionId: pushed.sessionId,
            title: p.slice(0, 300),
            markdown: `# Handoff\n\n${p}\n\n- ${p}`,
          }),
        });
        expect(h.status).toBeLessThan(300);
        pages.push(new URL(((await h.json()) as { url: string }).url).pathname);
      }
      if (i < 20) {
        const k = await fetch(`${t.url}/api/v1/keys`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ name: p.slice(0, 100) }),
        });
        expect(k.status).toBeLessThan(300);
      }
    }
    // A live stream carrying every payload as title, prompt, response, tool call/result and status note.
    const live = (await (
      await fetch(`${t.url}/api/v1/live`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ title: payloads[0], sessionId: 'xss-live' }),
      })
    ).json()) as {
      liveId: string;
      producerToken: string;
      viewUrl: string;
    };
    viewUrl = live.viewUrl;
    const events: Array<{ seq: number; event: SessionEvent }> = [];
    for (const [i, p] of payloads.entries()) {
      const kinds: SessionEvent[] = [
        { kind: 'prompt', uuid: `lp${i}`, text: p },
        { kind: 'text', uuid: `lt${i}`, text: p },
        {
          kind: 'tool_call',
          uuid: `lc${i}`,
          toolUseId: `x${i}`,
          name: p.slice(0, 40),
          input: { command: p },
        },
        { kind: 'tool_result', uuid: `lr${i}`, toolUseId: `x${i}`, content: p, isError: false },
        { kind: 'system', uuid: `ls${i}`, subtype: 'live_status', text: p },
      ];
      for (const e of kinds) events.push({ seq: events.length + 1, event: e });
    }
    const r = await fetch(`${t.url}/api/v1/live/${live.liveId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${live.producerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
    });
    expect(r.status).toBe(200);
    const liveSession = makeSession({ id: 'xss-live', title: payloads[1] });
    await pushSession(t.url, t.ownerKey, liveSession, {
      status: 'active',
    });
    liveSessionPage = '/sessions/xss-live';
    await plantComments('xss-live', liveSession.turns[0]!.events[0]!.uuid, payloads[3]!, 1000);

    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    beacon?.close();
  });

  function watch(page: Page): void {
    page.on('dialog', (d) => {
      dialogs.push(`${page.url()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('console', (m) => {
      const text = m.text();
      if (text.includes('BATON_XSS')) markers.push(`${page.url()}: ${text}`);
      if (/Content Security Policy/i.test(text)) cspViolations.push(`${page.url()}: ${text}`);
    });
    page.on('pageerror', (e) => markers.push(`pageerror ${page.url()}: ${e.message}`));
  }

  async function visit(page: Page, path: string): Promise<void> {
    const res = await page.goto(path.startsWith('http') ? path : t.url + path, { waitUntil: 'load' });
    expect(res?.status(), path).toBeLessThan(400);
    // Defence in depth must really be there: the strict CSP on every page (over a real socket, not app.request).
    expect(res?.headers()['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
    // Open every collapsible and fire pointer/focus events at every element: handlers behind interaction fire now.
    await page.evaluate(() => {
      document.querySelectorAll('details').forEach((d) => (d.open = true));
      for (const el of Array.from(document.querySelectorAll('main *'))) {
        for (const type of ['mouseover', 'mouseenter', 'focus', 'animationstart'])
          el.dispatchEvent(new Event(type));
      }
    });
  }

  it(
    'opens every page with the payloads: no dialog, no console marker, no beacon, no CSP violation',
    { timeout: 300_000 },
    async () => {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      watch(page);
      await login(page, t.url, t.ownerKey);
      const all = [
        '/',
        '/?page=2',
        '/?page=3',
        '/?search=script',
        '/?tag=t3',
        '/projects',
        '/settings',
        '/diagnostics',
        ...pages,
      ];
      const projects = (await (
        await fetch(`${t.url}/api/v1/projects`, { headers: { authorization: `Bearer ${t.ownerKey}` } })
      ).json()) as { projects: Array<{ id: string }> };
      for (const p of projects.projects) all.push(`/projects/${encodeURIComponent(p.id)}`);
      for (const path of all) await visit(page, path);
      // The live viewer renders in the browser from SSE data, and the owner's live session page does too.
      await visit(page, viewUrl);
      // 250 pushed events + the 5 of the session pushed afterwards (the ingest hook forwards them to its open stream).
      await expect.poll(() => page.locator('#timeline li[data-seq]').count(), { timeout: 15_000 }).toBe(255);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      await visit(page, liveSessionPage);
      await expect
        .poll(() => page.locator('#timeline li[data-uuid^="l"]').count(), { timeout: 15_000 })
        .toBe(250);
      // Payloads in the URL itself: login redirect target and unknown paths.
      await page.goto(`${t.url}/login?next=${encodeURIComponent('javascript:alert(1)')}`);
      await page.goto(`${t.url}/share/${encodeURIComponent('<script>alert(1)</script>')}`);
      await ctx.close();
      // Anonymous visitors: the shared pages and the live viewer without a login.
      const anon = await browser.newContext();
      const ap = await anon.newPage();
      watch(ap);
      for (const path of pages.filter((p) => p.startsWith('/share/'))) await visit(ap, path);
      await visit(ap, viewUrl);
      await expect.poll(() => ap.locator('#timeline li[data-seq]').count(), { timeout: 15_000 }).toBe(255);
      await anon.close();

      await new Promise((r) => setTimeout(r, 300));
      expect(all.length + pages.length).toBeGreaterThan(100);
      expect(dialogs).toEqual([]);
      expect(markers).toEqual([]);
      expect(beaconHits).toEqual([]);
      expect(cspViolations).toEqual([]);
    },
  );

  it('the payload text is shown literally, as text', async () => {
    const page = await browser.newPage();
    await visit(
      page,
      pages.find((p) => p.startsWith('/share/'))!,
    );
    const text = await page.locator('main').textContent();
    expect(text).toContain('<script>alert(1)</script>');
    // The comments under the first prompt: text and author name as typed, nothing parsed.
    await expect
      .poll(() => page.locator('.comment-text').allTextContents(), { timeout: 15_000 })
      .toEqual(['<script>alert(1)</script>', '<script>alert(1)</script>']);
    expect(await page.locator('.comment-author').first().textContent()).toBe(payloads[2]!.slice(0, 60));
    expect(
      await page.locator('main script, main iframe, main img, main svg, main object, main embed').count(),
    ).toBe(0);
    await page.close();
  });
});
