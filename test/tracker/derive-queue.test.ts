// The derivation queue behind SessionStore sessions: debounced per session (at most one run per interval while
// appends keep coming, always one after the last), a few at a time, slow sessions wait longer, flushed on close.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { silentLogger } from '../../tracker/log.js';
import { createDeriveQueue } from '../../tracker/services/derive-queue.js';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

/** A run that records when it started and takes `ms` (fake time) to finish. */
function recorder(ms = 0) {
  const runs: Array<{ pk: number; at: number }> = [];
  let active = 0;
  let most = 0;
  const run = async (pk: number) => {
    runs.push({ pk, at: Date.now() });
    most = Math.max(most, ++active);
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
    active--;
  };
  return { runs, run, most: () => most };
}

it('appends every 100 ms for 3 s: one run per second, and one after the last append', async () => {
  const r = recorder();
  const q = createDeriveQueue({ run: r.run, intervalMs: 1000, logger: silentLogger });
  const t0 = Date.now();
  for (let i = 0; i < 30; i++) {
    q.schedule(7);
    await vi.advanceTimersByTimeAsync(100);
  }
  await vi.advanceTimersByTimeAsync(5000);
  const at = r.runs.map((x) => x.at - t0);
  expect(at).toEqual([1000, 2000, 3000]);
  // The last append (at 2900 ms) came before the last run (3000 ms).
  expect(r.runs.every((x) => x.pk === 7)).toBe(true);
});

it('an append while a run is in flight gets a run after it', async () => {
  const r = recorder(300);
  const q = createDeriveQueue({ run: r.run, intervalMs: 1000, logger: silentLogger });
  q.schedule(1);
  await vi.advanceTimersByTimeAsync(1100); // running since 1000
  q.schedule(1);
  await vi.advanceTimersByTimeAsync(10_000);
  expect(r.runs.length).toBe(2);
});

it('runs at most `concurrency` at once', async () => {
  const r = recorder(500);
  const q = createDeriveQueue({ run: r.run, intervalMs: 100, concurrency: 2, logger: silentLogger });
  for (let pk = 1; pk <= 10; pk++) q.schedule(pk);
  await vi.advanceTimersByTimeAsync(10_000);
  expect(r.runs.map((x) => x.pk).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(r.most()).toBe(2);
  const one = recorder(500);
  const q1 = createDeriveQueue({ run: one.run, intervalMs: 100, concurrency: 1, logger: silentLogger });
  for (let pk = 1; pk <= 3; pk++) q1.schedule(pk);
  await vi.advanceTimersByTimeAsync(10_000);
  expect(one.runs.length).toBe(3);
  expect(one.most()).toBe(1);
  // Each 500 ms run is followed by a 500 ms rest.
  expect(one.runs.map((x) => x.at - one.runs[0]!.at)).toEqual([0, 1000, 2000]);
});

it('a slow session waits ten times its last run before the next; the runner rests as long as it worked', async () => {
  const r = recorder(400);
  const q = createDeriveQueue({ run: r.run, intervalMs: 1000, logger: silentLogger });
  const t0 = Date.now();
  q.schedule(3);
  await vi.advanceTimersByTimeAsync(1100);
  q.schedule(3); // during the first run (1000-1400), then a 400 ms rest
  await vi.advanceTimersByTimeAsync(20_000);
  expect(r.runs.map((x) => x.at - t0)).toEqual([1000, 1800 + 4000]);
});

it('close runs what is pending at once, then takes no more', async () => {
  const r = recorder();
  const q = createDeriveQueue({ run: r.run, intervalMs: 60_000, logger: silentLogger });
  q.schedule(1);
  q.schedule(2);
  await q.close();
  expect(r.runs.map((x) => x.pk)).toEqual([1, 2]);
  q.schedule(3);
  await vi.advanceTimersByTimeAsync(120_000);
  expect(r.runs.length).toBe(2);
});

it('a failing run is logged and does not stop the queue', async () => {
  const warned: string[] = [];
  const logger = { ...silentLogger, warn: (m: string) => void warned.push(m) };
  let n = 0;
  const q = createDeriveQueue({
    run: () => (n++ === 0 ? Promise.reject(new Error('boom')) : Promise.resolve()),
    intervalMs: 10,
    logger,
  });
  q.schedule(1);
  await vi.advanceTimersByTimeAsync(50);
  q.schedule(1);
  await vi.advanceTimersByTimeAsync(50);
  expect(n).toBe(2);
  expect(warned).toEqual(['session derive failed']);
});
