// The live viewer in real Chromium: events pushed through the API appear, a tracker restart loses and doubles nothing.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SessionEvent } from '../../src/core/model/session.js';
import { describeWithExternal } from '../helpers/externals.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { chromiumUnavailable, eventually, launchBrowser, login, screenshot } from './browser.js';
import { makeSession, pushSession } from './fixtures.js';

interface Stream {
  liveId: string;
  producerToken: string;
  viewUrl: string;
}

describeWithExternal('Chromium', chromiumUnavailable())('live viewer in Chromium', () => {
  let t: WebTracker;
  let browser: Browser;
  const lastEventIds: string[] = [];

  beforeAll(async () => {
    t = await startWebTracker({
      onRequest: (req) => {
        if (/\/live\/[^/]+\/events/.test(new URL(req.url).pathname))
          lastEventIds.push(req.headers.get('last-event-id') ?? '');
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function create(body: Record<string, unknown> = {}): Promise<Stream> {
    const r = await fetch(`${t.url}/api/v1/live`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(r.status).toBe(201);
    return (await r.json()) as Stream;
  }
  async function push(s: Stream, events: Array<[number, SessionEvent]>): Promise<void> {
    const r = await fetch(`${t.url}/api/v1/live/${s.liveId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${s.producerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: events.map(([seq, event]) => ({ seq, event })) }),
    });
    expect(r.status).toBe(200);
  }
  async function post(s: Stream, action: string, body: unknown = {}): Promise<{ postUrl?: string }> {
    const r = await fetch(`${t.url}/api/v1/live/${s.liveId}${action}`, {
      method: action === '' ? 'DELETE' : 'POST',
      headers: { authorization: `Bearer ${s.producerToken}`, 'content-type': 'application/json' },
      body: action === '' ? undefined : JSON.stringify(body),
    });
    expect(r.status).toBe(200);
    return (await r.json()) as { postUrl?: string };
  }
  const seqs = (p: Page) =>
    p
      .locator('#timeline li[data-seq]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-seq'))));
  const prompt = (uuid: string, text: string): SessionEvent => ({ kind: 'prompt', uuid, text });
  const say = (uuid: string, text: string): SessionEvent => ({ kind: 'text', uuid, text });

  it('shows events as they are pushed, the working indicator, viewers, pause and completion (no login needed)', async () => {
    const s = await create({ title: 'Refactor the parser' });
    const ctx = await browser.newContext({ viewport: { width: 1100, height: 700 } });
    const page = await ctx.newPage();
    await page.goto(s.viewUrl);
    await eventually(() => page.locator('#live-conn').textContent()).toBe('Connected');
    expect(await page.locator('#live-badge').textContent()).toBe('LIVE');
    await push(s, [[1, prompt('p1', 'Refactor the parser into small functions')]]);
    await eventually(() => page.locator('#working').isVisible()).toBe(true);
    await push(s, [
      [
        2,
        {
          kind: 'tool_call',
          uuid: 'c1',
          toolUseId: 't1',
          name: 'Read',
          input: { file_path: 'src/parser.ts' },
        },
      ],
    ]);
    await eventually(() => page.locator('#working').textContent()).toBe('Claude is working… running Read');
    await screenshot(page, 'live-viewer-working');
    await push(s, [
      [
        3,
        {
          kind: 'tool_result',
          uuid: 'r1',
          toolUseId: 't1',
          content: 'export function parse() {}',
          isError: false,
        },
      ],
      [4, say('t1', 'I split `parse` into three functions.')],
    ]);
    await eventually(() => seqs(page)).toEqual([1, 2, 3, 4]);
    await eventually(() => page.locator('#working').isVisible()).toBe(false);
    const second = await ctx.newPage();
    await second.goto(s.viewUrl);
    await eventually(() => page.locator('#viewers').textContent()).toBe('2');
    await eventually(() => seqs(second)).toEqual([1, 2, 3, 4]);
    await second.close();
    await eventually(() => page.locator('#viewers').textContent()).toBe('1');
    await screenshot(page, 'live-viewer');

    await post(s, '/pause');
    await eventually(() => page.locator('#live-badge').textContent()).toBe('PAUSED');
    expect(await page.locator('#end-notice').textContent()).toContain('paused');
    await post(s, '/resume');
    await eventually(() => page.locator('#live-badge').textContent()).toBe('LIVE');

    const done = await post(s, '/complete', { createPost: true, title: 'Parser refactor' });
    expect(done.postUrl).toMatch(/\/share\//);
    await eventually(() => page.locator('#end-notice').textContent()).toContain('The session has ended.');
    expect(await page.locator('#live-badge').textContent()).toBe('ENDED');
    await page.getByRole('link', { name: 'Read the saved session' }).click();
    await page.waitForURL(/\/share\//);
    expect(await page.locator('h1').textContent()).toBe('Parser refactor');
    expect(await page.locator('.timeline').textContent()).toContain('I split parse into three functions.');
    await ctx.close();
  });

  it('auto-scrolls, can pause auto-scroll and jump to the latest message', async () => {
    const s = await create({ title: 'Long stream' });
    const page = await browser.newPage({ viewport: { width: 900, height: 500 } });
    await page.goto(s.viewUrl);
    await eventually(() => page.locator('#live-conn').textContent()).toBe('Connected');
    await push(
      s,
      Array.from(
        { length: 30 },
        (_, i) =>
          [i + 1, say(`s${i + 1}`, `message ${i + 1}\n\nwith a second paragraph`)] as [number, SessionEvent],
      ),
    );
    await eventually(() => seqs(page).then((x) => x.length)).toBe(30);
    const atBottom = () =>
      page.evaluate(() => window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 5);
    await eventually(atBottom).toBe(true);
    await page.getByRole('button', { name: 'Pause auto-scroll' }).click();
    expect(await page.locator('#autoscroll').getAttribute('aria-pressed')).toBe('false');
    await page.evaluate(() => window.scrollTo(0, 0));
    await push(s, [[31, say('s31', 'one more')]]);
    await eventually(() => page.locator('#jump').isVisible()).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.getByRole('button', { name: 'Jump to latest ↓' }).click();
    await eventually(atBottom).toBe(true);
    await page.close();
  });

  it('survives a tracker restart: reconnects with Last-Event-ID, nothing missing or doubled', async () => {
    const s = await create({ title: 'Restart me' });
    const page = await browser.newPage();
    await page.goto(s.viewUrl);
    await eventually(() => page.locator('#live-conn').textContent()).toBe('Connected');
    await push(
      s,
      [1, 2, 3].map((n) => [n, say(`x${n}`, `before restart ${n}`)] as [number, SessionEvent]),
    );
    await eventually(() => seqs(page)).toEqual([1, 2, 3]);
    lastEventIds.length = 0;
    await t.restart();
    // Written before the browser is back: they must arrive through the resumed history, not be lost.
    await push(
      s,
      [4, 5].map((n) => [n, say(`x${n}`, `after restart ${n}`)] as [number, SessionEvent]),
    );
    await expect.poll(() => seqs(page), { timeout: 20_000 }).toEqual([1, 2, 3, 4, 5]);
    await eventually(() => page.locator('#live-conn').textContent()).toBe('Connected');
    expect(lastEventIds).toContain('3');
    await push(s, [[6, say('x6', 'live again')]]);
    await eventually(() => seqs(page)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await page.locator('#timeline li[data-uuid]').count()).toBe(6);
    await post(s, '/complete');
    await eventually(() => page.locator('#end-notice').textContent()).toContain('The session has ended.');
    await page.close();
  });

  it('shows "ended by owner" when the link is revoked, and 404/410 pages for dead links', async () => {
    const s = await create({ title: 'Revoke me' });
    const page = await browser.newPage();
    await page.goto(s.viewUrl);
    await eventually(() => page.locator('#live-conn').textContent()).toBe('Connected');
    await post(s, '');
    await expect
      .poll(() => page.locator('#end-notice').textContent())
      .toBe('This live stream was ended by its owner.');
    const again = await page.goto(s.viewUrl);
    expect(again?.status()).toBe(410);
    expect(await page.locator('h1').textContent()).toBe('Gone');
    expect(await page.locator('main').textContent()).toContain('ended by its owner');
    const unknown = await page.goto(`${t.url}/live/btv_${'A'.repeat(43)}`);
    expect(unknown?.status()).toBe(404);
    const exp = await create({ expiresIn: 60 });
    await t.store.db
      .updateTable('live_streams' as never)
      .set({ expires_at: Date.now() - 1 } as never)
      .where('id' as never, '=', exp.liveId as never)
      .execute();
    const expired = await page.goto(exp.viewUrl);
    expect(expired?.status()).toBe(410);
    expect(await page.locator('main').textContent()).toContain('expired');
    await page.close();
  });

  it('a private stream is visible to its owner only', async () => {
    const s = await create({ title: 'Private', visibility: 'private' });
    const anon = await browser.newPage();
    expect((await anon.goto(s.viewUrl))?.status()).toBe(404);
    await anon.close();
    const ctx = await browser.newContext();
    const owner = await ctx.newPage();
    await login(owner, t.url, t.ownerKey);
    await owner.goto(s.viewUrl);
    await eventually(() => owner.locator('#live-conn').textContent()).toBe('Connected');
    await push(s, [[1, say('pv1', 'for my eyes')]]);
    await eventually(() => seqs(owner)).toEqual([1]);
    await ctx.close();
  });

  it("updates the owner's page of an active session as events are synced", async () => {
    const pushed = await pushSession(t.url, t.ownerKey, makeSession({ title: 'Still running' }), {
      status: 'active',
    });
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await login(page, t.url, t.ownerKey);
    await page.goto(`${t.url}/sessions/${encodeURIComponent(pushed.sessionId)}`);
    await eventually(() => page.locator('#live-conn').textContent()).toBe('Connected');
    const before = await page.locator('#timeline li[data-uuid]').count();
    const r = await fetch(`${t.url}/api/v1/sessions/${encodeURIComponent(pushed.sessionId)}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        events: [{ seq: 5, turnIndex: 1, event: prompt('follow-1', 'And now the docs, please') }],
        status: 'active',
      }),
    });
    expect(r.status).toBeLessThan(300);
    await expect
      .poll(() => page.locator('li[data-uuid="follow-1"]').textContent())
      .toContain('And now the docs, please');
    expect(await page.locator('#timeline li[data-uuid]').count()).toBe(before + 1);
    await eventually(() => page.locator('#working').isVisible()).toBe(true);
    await ctx.close();
  });

  it('an event appended live looks as the server renders it on reload (one renderer, issue 11)', async () => {
    const pushed = await pushSession(t.url, t.ownerKey, makeSession({ title: 'Same everywhere' }), {
      status: 'active',
    });
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await login(page, t.url, t.ownerKey);
    const url = `${t.url}/sessions/${encodeURIComponent(pushed.sessionId)}`;
    await page.goto(url);
    await eventually(() => page.locator('#live-conn').textContent()).toBe('Connected');
    const events: SessionEvent[] = [
      { kind: 'prompt', uuid: 'same-p', timestamp: '2026-11-20T10:00:00Z', text: 'Check the <b>docs</b>' },
      { kind: 'thinking', uuid: 'same-th', text: 'Look at README first', agentId: 'agent-1234567890abcdef' },
      {
        kind: 'tool_call',
        uuid: 'same-c',
        toolUseId: 'same-t',
        name: 'Bash',
        input: { command: 'cat README.md <x>', description: 'Read the docs' },
      },
      { kind: 'tool_result', uuid: 'same-r', toolUseId: 'same-t', content: 'no such file', isError: true },
      { kind: 'system', uuid: 'same-s', subtype: 'note', text: 'compacted' },
    ];
    const r = await fetch(`${t.url}/api/v1/sessions/${encodeURIComponent(pushed.sessionId)}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        events: events.map((event, i) => ({ seq: 10 + i, turnIndex: 1, event })),
        status: 'active',
      }),
    });
    expect(r.status).toBeLessThan(300);
    // Class, attributes, summary line and text of each item; Markdown and code differ only in being highlighted.
    const shape = () =>
      page.locator('#timeline li[data-uuid^="same-"]').evaluateAll((els) =>
        els.map((el) => ({
          uuid: el.getAttribute('data-uuid'),
          cls: el.className,
          attrs: el.getAttributeNames().sort().join(' '),
          summary: el.querySelector('summary')?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
          tags: Array.from(el.querySelectorAll('*'))
            .filter((c) => !c.parentElement?.closest('code'))
            .map((c) => c.tagName)
            .join(','),
          text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
        })),
      );
    await expect.poll(async () => (await shape()).length, { timeout: 15_000 }).toBe(5);
    // The page orders sidechain events on its own; the items themselves must match.
    const byUuid = (xs: Awaited<ReturnType<typeof shape>>) =>
      [...xs].sort((a, b) => String(a.uuid).localeCompare(String(b.uuid)));
    const live = byUuid(await shape());
    await page.reload();
    const served = byUuid(await shape());
    expect(live).toEqual(served);
    expect(live.find((x) => x.uuid === 'same-c')!.summary).toBe('Tool: Bash — cat README.md <x>');
    expect(live.find((x) => x.uuid === 'same-th')!.summary).toBe('Thinking subagent agent-123456');
    await ctx.close();
  });
});
