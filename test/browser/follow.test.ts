// Follow mode in real Chromium on SQLite and PostgreSQL: a reader who scrolled up keeps their place and sees "N new
// events below"; "Jump to latest" follows again. On the live viewer page and the owner's page of an active session.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SessionEvent } from '../../src/core/model/session.js';
import { describeWithExternal } from '../helpers/externals.js';
import { forEachEngine } from '../tracker/helpers/harness.js';
import { chromiumUnavailable, eventually, login } from './browser.js';
import { makeSession, pushSession } from './fixtures.js';
import { shot } from './manage-shots.js';
import { replayWorld, type ReplayWorld } from './replay-helpers.js';

const say = (uuid: string, text: string): SessionEvent => ({ kind: 'text', uuid, text });
const long = (n: number, from = 1): Array<[number, SessionEvent]> =>
  Array.from({ length: n }, (_, i) => [
    from + i,
    say(`m${from + i}`, `message ${from + i}\n\nsecond paragraph`),
  ]);
const atBottom = (p: Page) =>
  p.evaluate(() => window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 5);
const received = (p: Page) => p.locator('#live').getAttribute('data-received').then(Number);

describeWithExternal('Chromium', chromiumUnavailable())('follow mode', () => {
  forEachEngine('follow mode', (engine) => {
    let w: ReplayWorld;
    beforeAll(async () => {
      w = await replayWorld(engine);
    }, 60_000);
    afterAll(async () => {
      await w?.close();
    });

    async function stream(): Promise<{
      viewUrl: string;
      push(e: Array<[number, SessionEvent]>): Promise<void>;
    }> {
      const r = await fetch(`${w.t.url}/api/v1/live`, {
        method: 'POST',
        headers: { authorization: `Bearer ${w.t.ownerKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Follow me' }),
      });
      const s = (await r.json()) as { liveId: string; producerToken: string; viewUrl: string };
      return {
        viewUrl: s.viewUrl,
        push: async (events) => {
          const res = await fetch(`${w.t.url}/api/v1/live/${s.liveId}`, {
            method: 'PATCH',
            headers: { authorization: `Bearer ${s.producerToken}`, 'content-type': 'application/json' },
            body: JSON.stringify({ events: events.map(([seq, event]) => ({ seq, event })) }),
          });
          expect(res.status).toBe(200);
        },
      };
    }

    it('live viewer: scrolled up, new events leave the page still and are counted; jump to latest follows again', async () => {
      const s = await stream();
      const page = await w.browser.newPage({ viewport: { width: 900, height: 600 } });
      await page.goto(s.viewUrl);
      await eventually(() => page.locator('#live-conn').textContent()).toBe('Connected');
      await s.push(long(30));
      await eventually(() => received(page)).toBe(30);
      // At the bottom, new events scroll into view and no marker shows.
      await eventually(() => atBottom(page)).toBe(true);
      expect(await page.locator('#follow').isVisible()).toBe(false);

      await page.evaluate(() => window.scrollTo(0, 200));
      // What the reader is looking at: the first event at the top of the viewport, and where it sits. Asserting on
      // this rather than on scrollY keeps the promise (the page does not jump) while content above may still settle
      // (presence bar, comment threads) and the browser's scroll anchoring moves scrollY to keep the view still.
      const inView = () =>
        page.evaluate(() => {
          const li = Array.from(document.querySelectorAll('#timeline > li[data-seq]')).find(
            (el) => el.getBoundingClientRect().bottom > 0,
          );
          return li
            ? { seq: li.getAttribute('data-seq'), top: Math.round(li.getBoundingClientRect().top) }
            : null;
        });
      const before = await inView();
      expect(before).not.toBeNull();
      await s.push(long(3, 31));
      await eventually(() => page.locator('#new-below').textContent()).toBe('3 new events below');
      expect(await page.locator('#follow').isVisible()).toBe(true);
      expect(await page.locator('#new-below').getAttribute('aria-live')).toBe('polite');
      expect(await inView()).toEqual(before);
      expect(await page.evaluate(() => window.scrollY)).toBeLessThan(400);
      await shot(engine, page, 'follow-marker');

      // Keyboard: focus the button and press Enter.
      await page.locator('#jump').focus();
      await page.keyboard.press('Enter');
      await eventually(() => atBottom(page)).toBe(true);
      expect(await page.locator('#follow').isVisible()).toBe(false);
      await s.push(long(2, 34));
      await eventually(() => received(page)).toBe(35);
      await eventually(() => atBottom(page)).toBe(true);
      expect(await page.locator('#follow').isVisible()).toBe(false);
      await page.close();
    });

    it("owner's page of an active session: the same marker, made by the live client", async () => {
      const pushed = await pushSession(
        w.t.url,
        w.t.ownerKey,
        makeSession({ prompts: ['a', 'b', 'c', 'd'] }),
        {
          status: 'active',
        },
      );
      const page = await w.browser.newPage({ viewport: { width: 900, height: 600 } });
      await login(page, w.t.url, w.t.ownerKey);
      await page.goto(`${w.t.url}/sessions/${encodeURIComponent(pushed.sessionId)}`);
      await eventually(() => page.locator('#live-conn').textContent()).toBe('Connected');
      // The reader is at the top of a page taller than the window: an event arriving must not move it.
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      const r = await fetch(`${w.t.url}/api/v1/sessions/${encodeURIComponent(pushed.sessionId)}/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${w.t.ownerKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          events: [{ seq: 21, turnIndex: 4, event: say('late-1', 'one more thing') }],
          status: 'active',
        }),
      });
      expect(r.status).toBeLessThan(300);
      await eventually(() => page.locator('#new-below').textContent()).toBe('1 new event below');
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await page.getByRole('button', { name: 'Jump to latest ↓' }).click();
      await eventually(() => atBottom(page)).toBe(true);
      expect(await page.locator('#follow').isVisible()).toBe(false);
      await page.close();
    });
  });
});
