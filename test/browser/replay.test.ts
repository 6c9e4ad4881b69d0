// Replay in real Chromium on SQLite and PostgreSQL: every event in order, pause, seek, speeds, keys and access rules.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithExternal } from '../helpers/externals.js';
import { forEachEngine } from '../tracker/helpers/harness.js';
import { chromiumUnavailable, eventually, login } from './browser.js';
import { makeSession, pushSession } from './fixtures.js';
import { shot } from './manage-shots.js';
import {
  feedSeqs,
  playRecorded,
  pushTimedSession,
  replayWorld,
  seqs,
  type ReplayWorld,
} from './replay-helpers.js';

const shown = (p: Page) => p.locator('#replay').getAttribute('data-shown').then(Number);

describeWithExternal('Chromium', chromiumUnavailable())('replay', () => {
  forEachEngine('replay', (engine) => {
    let w: ReplayWorld;
    beforeAll(async () => {
      w = await replayWorld(engine);
    }, 60_000);
    afterAll(async () => {
      await w?.close();
    });

    it('plays every event in order at 16×, skipping the idle gap in words', async () => {
      const { sessionId } = await pushTimedSession(w.t, w.t.ownerKey, 'private');
      const page = await w.browser.newPage({ viewport: { width: 1100, height: 800 } });
      await login(page, w.t.url, w.t.ownerKey);
      await page.goto(`${w.t.url}/sessions/${sessionId}`);
      await page
        .getByRole('navigation', { name: 'Session views' })
        .getByRole('link', { name: 'Replay' })
        .click();
      await page.waitForURL(/\/replay$/);
      const expected = await feedSeqs(page, `/sessions/${sessionId}/replay/events`);
      expect(expected).toHaveLength(10);
      // Every item added to the timeline, in the order it arrived.
      expect(await playRecorded(page)).toEqual(expected);
      expect(await seqs(page)).toEqual(expected);
      expect(await page.locator('#replay-status').textContent()).toBe('Skipped 12 min idle');
      expect(await page.locator('#replay-time').textContent()).toBe('10 / 10 · 12:36');
      await shot(engine, page, 'replay');
      await page.close();
    });

    it('pauses, seeks to exactly the first N events, and paces 1× against 16× (fake clock)', async () => {
      const { sessionId } = await pushTimedSession(w.t, w.t.ownerKey, 'private');
      const page = await w.browser.newPage();
      await login(page, w.t.url, w.t.ownerKey);
      await page.clock.install();
      await page.goto(`${w.t.url}/sessions/${sessionId}/replay`);
      const expected = await feedSeqs(page, `/sessions/${sessionId}/replay/events`);
      await eventually(() => page.locator('#replay-play').isEnabled()).toBe(true);
      // The page's time stands still from here, and moves only by runFor.
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
      await page.getByRole('button', { name: 'Play' }).click();
      await page.clock.runFor(1);
      expect(await shown(page)).toBe(1);
      // 1×: events 4 s apart play 3 s apart (gaps are capped at 3 s).
      await page.clock.runFor(2990);
      expect(await shown(page)).toBe(1);
      await page.clock.runFor(20);
      expect(await shown(page)).toBe(2);
      // 16×: the next event is 3 s / 16 away, and the one after as well.
      await page.getByRole('button', { name: '16×' }).click();
      await page.clock.runFor(200);
      expect(await shown(page)).toBe(3);
      await page.clock.runFor(200);
      expect(await shown(page)).toBe(4);
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.clock.runFor(60_000);
      expect(await shown(page)).toBe(4);
      expect(await page.locator('#replay').getAttribute('data-state')).toBe('paused');
      // Scrubbing forward and back shows exactly the events up to that point.
      for (const n of [7, 2, 10, 0]) {
        await page.locator('#replay-seek').evaluate((el, v) => {
          (el as HTMLInputElement).value = String(v);
          el.dispatchEvent(new Event('input', { bubbles: true }));
        }, n);
        expect(await seqs(page)).toEqual(expected.slice(0, n));
      }
      // Keys: arrows step one event, space plays.
      await page.locator('h1').click();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await seqs(page)).toEqual(expected.slice(0, 2));
      await page.keyboard.press('ArrowLeft');
      expect(await seqs(page)).toEqual(expected.slice(0, 1));
      await page.keyboard.press(' ');
      expect(await page.locator('#replay').getAttribute('data-state')).toBe('playing');
      await page.close();
    });

    it('events without timestamps play at a fixed pace (1 s at 1×)', async () => {
      const bare = makeSession({ title: 'No clocks' });
      for (const e of bare.turns[0]!.events) delete e.timestamp;
      const { sessionId } = await pushSession(w.t.url, w.t.ownerKey, bare);
      const page = await w.browser.newPage();
      await login(page, w.t.url, w.t.ownerKey);
      await page.clock.install();
      await page.goto(`${w.t.url}/sessions/${sessionId}/replay`);
      await eventually(() => page.locator('#replay-play').isEnabled()).toBe(true);
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
      await page.getByRole('button', { name: 'Play' }).click();
      await page.clock.runFor(1);
      expect(await shown(page)).toBe(1);
      await page.clock.runFor(990);
      expect(await shown(page)).toBe(1);
      await page.clock.runFor(20);
      expect(await shown(page)).toBe(2);
      await page.getByRole('button', { name: '4×' }).click();
      await page.clock.runFor(260);
      expect(await shown(page)).toBe(3);
      await page.close();
    });

    it("a finished live stream's viewer page links its replay", async () => {
      const r = await fetch(`${w.t.url}/api/v1/live`, {
        method: 'POST',
        headers: { authorization: `Bearer ${w.t.ownerKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Streamed then replayed', visibility: 'unlisted' }),
      });
      const s = (await r.json()) as { liveId: string; producerToken: string; viewUrl: string };
      const producer = (path: string, method: string, body: unknown) =>
        fetch(`${w.t.url}/api/v1/live/${s.liveId}${path}`, {
          method,
          headers: { authorization: `Bearer ${s.producerToken}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const page = await w.browser.newPage();
      await page.goto(s.viewUrl);
      await eventually(() => page.locator('#live-conn').textContent()).toBe('Connected');
      const t0 = Date.parse('2026-11-20T09:00:00Z');
      const events = [1, 2, 3].map((seq) => ({
        seq,
        event: {
          kind: 'text',
          uuid: `lr${seq}`,
          text: `live ${seq}`,
          timestamp: new Date(t0 + seq * 2000).toISOString(),
        },
      }));
      expect((await producer('', 'PATCH', { events })).status).toBe(200);
      await eventually(() => seqs(page)).toEqual([1, 2, 3]);
      expect((await producer('/complete', 'POST', { createPost: true, title: 'Replayable' })).status).toBe(
        200,
      );
      await page.getByRole('link', { name: 'Replay it' }).click();
      await page.waitForURL(/\/replay$/);
      await page.getByRole('button', { name: '16×' }).click();
      await eventually(() => page.locator('#replay-play').isEnabled()).toBe(true);
      await page.getByRole('button', { name: 'Play' }).click();
      await eventually(() => page.locator('#replay').getAttribute('data-state')).toBe('ended');
      expect(await page.locator('#timeline').textContent()).toContain('live 3');
      // The saved session's own page (a post's session, under /s/) has the Replay tab too.
      await page.goto(page.url().replace(/\/replay$/, ''));
      await page
        .getByRole('navigation', { name: 'Session views' })
        .getByRole('link', { name: 'Replay' })
        .click();
      await page.waitForURL(/\/s\/[^/]+\/replay$/);
      await page.getByRole('button', { name: '16×' }).click();
      await eventually(() => page.locator('#replay-play').isEnabled()).toBe(true);
      await page.getByRole('button', { name: 'Play' }).click();
      await eventually(() => page.locator('#replay').getAttribute('data-state')).toBe('ended');
      expect(await page.locator('#timeline li[data-seq]').allTextContents()).toEqual([
        expect.stringContaining('live 1'),
        expect.stringContaining('live 2'),
        expect.stringContaining('live 3'),
      ]);
      await page.close();
    });

    it('a shared replay obeys the share rules: unlisted plays for anyone, private and other users are 404', async () => {
      const open = await pushTimedSession(w.t, w.t.ownerKey, 'unlisted');
      const closed = await pushTimedSession(w.t, w.t.ownerKey, 'private');
      const anon = await w.browser.newPage();
      const r = await anon.goto(`${w.t.url}/share/${open.slug}/replay`);
      expect(r?.status()).toBe(200);
      await anon.getByRole('button', { name: '16×' }).click();
      await eventually(() => anon.locator('#replay-play').isEnabled()).toBe(true);
      await anon.getByRole('button', { name: 'Play' }).click();
      await eventually(() => seqs(anon).then((s) => s.length)).toBe(10);
      for (const path of [`/share/${closed.slug}/replay`, `/share/${closed.slug}/replay/events`])
        expect((await anon.goto(`${w.t.url}${path}`))?.status(), path).toBe(404);
      await anon.close();
      // Signed in as someone else: the owner's private session is missing, by id and by its (private) slug.
      const bob = await w.browser.newPage();
      await login(bob, w.t.url, w.bobKey);
      for (const path of [
        `/sessions/${closed.sessionId}/replay`,
        `/sessions/${closed.sessionId}/replay/events`,
        `/share/${closed.slug}/replay`,
      ])
        expect((await bob.goto(`${w.t.url}${path}`))?.status(), path).toBe(404);
      await bob.close();
    });
  });
});
