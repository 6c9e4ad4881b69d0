// A tracker on one engine, Chromium, and a session whose events carry timestamps seconds apart (plus one idle hour).
import type { Browser, Page } from 'playwright-core';
import { addUser } from '../../tracker/services/users.js';
import { freshDatabase, type EngineName } from '../tracker/helpers/harness.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { eventually, launchBrowser } from './browser.js';
import { makeSession, pushSession } from './fixtures.js';

export interface ReplayWorld {
  t: WebTracker;
  browser: Browser;
  bobKey: string;
  close(): Promise<void>;
}

export async function replayWorld(engine: EngineName): Promise<ReplayWorld> {
  const db = await freshDatabase(engine);
  const t = await startWebTracker({ config: { db: db.target } });
  const bob = await addUser(t.store, { name: 'Bob' }, { now: Date.now(), defaultRate: 0 });
  const browser = await launchBrowser();
  return {
    t,
    browser,
    bobKey: bob.key.rawKey,
    close: async () => {
      await browser.close();
      await t.close();
      await db.drop();
    },
  };
}

/** Ten events 4 s apart, the second turn 12 minutes after the first (the replay skips that idle time). */
export async function pushTimedSession(
  t: WebTracker,
  key: string,
  visibility: 'private' | 'unlisted',
): Promise<{ sessionId: string; slug: string }> {
  const s = makeSession({ prompts: ['Fix the retry test', 'Now the backoff jitter'], title: 'Replay me' });
  for (const e of s.turns[1]!.events)
    e.timestamp = new Date(Date.parse(e.timestamp!) + 12 * 60_000).toISOString();
  const { sessionId } = await pushSession(t.url, key, s, { visibility, status: 'completed' });
  const row = await t.store.db
    .selectFrom('sessions')
    .select('share_slug')
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
  return { sessionId, slug: row.share_slug };
}

export const seqs = (p: Page): Promise<number[]> =>
  p
    .locator('#timeline li[data-seq]')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-seq'))));

/** The order the feed serves: what the replay must show, event by event. */
export async function feedSeqs(p: Page, url: string): Promise<number[]> {
  return p.evaluate(async (u) => {
    const r = await fetch(u, { credentials: 'same-origin' });
    const b = (await r.json()) as { events: Array<{ seq: number }> };
    return b.events.map((e) => e.seq);
  }, url);
}

/**
 * Plays the open replay page at 16× to its end and returns the seq of every timeline item in the order it was added
 * (a MutationObserver set up before Play), so a test sees the arrival order, not only the final list.
 */
export async function playRecorded(p: Page, timeout?: number): Promise<number[]> {
  await eventually(() => p.locator('#replay-play').isEnabled()).toBe(true);
  await p.evaluate(() => {
    const added: number[] = [];
    (window as unknown as { added: number[] }).added = added;
    new MutationObserver((records) => {
      for (const r of records)
        r.addedNodes.forEach((n) => added.push(Number((n as Element).getAttribute('data-seq'))));
    }).observe(document.getElementById('timeline')!, { childList: true });
  });
  await p.getByRole('button', { name: '16×' }).click();
  await p.getByRole('button', { name: 'Play' }).click();
  await eventually(() => p.locator('#replay').getAttribute('data-state'), timeout).toBe('ended');
  return p.evaluate(() => (window as unknown as { added: number[] }).added);
}
