// Debounced, off-request derivation: after entry appends, each session is re-derived at most once per interval per
// instance, and always once after its last append; pending work is flushed on shutdown. Derivations run a few at a
// time (they must not take the connections appends need), and a session whose derivation is slow (a long one
// re-derives every line) waits longer between runs, so derivation stays a bounded share of the tracker's time.
import type { Logger } from '../log.js';

export interface DeriveQueue {
  /** Asks for a derivation of the session (by pk) after the interval; repeated asks before it runs fold into one. */
  schedule(sessionPk: number): void;
  /** Runs everything pending now and waits until nothing is queued or running (shutdown, tests, the CLI). */
  flush(): Promise<void>;
  /** Flushes, then refuses new work. */
  close(): Promise<void>;
}

interface Slot {
  /** Waiting for its interval to pass. */
  timer: NodeJS.Timeout | null;
  /** Due, waiting for a free runner. */
  ready: boolean;
  running: boolean;
  /** An append landed while a run was reading: run once more after it. */
  again: boolean;
  /** How long the last run took (ms): the next one waits at least SLOWDOWN times that. */
  lastMs: number;
}

/** A session's derivations take at most about 1/SLOWDOWN of the time while it is being appended to. */
const SLOWDOWN = 10;
/** The longest wait a slow session's derivation gets while appends keep coming. */
const MAX_WAIT_MS = 30_000;

const rest = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, Math.min(ms, MAX_WAIT_MS)).unref();
  });

export function createDeriveQueue(opts: {
  run: (sessionPk: number) => Promise<void>;
  intervalMs?: number;
  /** Derivations at once (default 2: one may wait on the database while the other computes). */
  concurrency?: number;
  logger: Logger;
}): DeriveQueue {
  const interval = opts.intervalMs ?? 1000;
  const concurrency = opts.concurrency ?? 2;
  const slots = new Map<number, Slot>();
  const due: number[] = [];
  let active = 0;
  let closed = false;
  let idle: Array<() => void> = [];

  const settle = () => {
    if (active > 0 || due.length > 0 || [...slots.values()].some((s) => s.timer)) return;
    const waiting = idle;
    idle = [];
    for (const w of waiting) w();
  };

  const pump = () => {
    while (active < concurrency && due.length > 0) {
      const pk = due.shift()!;
      const slot = slots.get(pk)!;
      slot.ready = false;
      slot.running = true;
      active++;
      const began = performance.now();
      void opts
        .run(pk)
        .catch((err: unknown) =>
          opts.logger.warn('session derive failed', { sessionPk: pk, error: String(err) }),
        )
        .finally(async () => {
          slot.lastMs = performance.now() - began;
          // The runner rests as long as it worked, unless someone waits for the queue to drain: derivation takes
          // at most about half of the tracker's time, the rest is for requests.
          if (!closed && idle.length === 0 && slot.lastMs >= 1) await rest(slot.lastMs);
          slot.running = false;
          active--;
          if (slot.again) {
            slot.again = false;
            // While someone waits for the queue to drain (flush, shutdown), no interval: run it now.
            if (closed || idle.length > 0) makeDue(pk, slot);
            else arm(pk, slot);
          } else slots.delete(pk);
          pump();
          settle();
        });
    }
  };

  const makeDue = (pk: number, slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (slot.ready) return;
    slot.ready = true;
    due.push(pk);
  };

  const arm = (pk: number, slot: Slot) => {
    const wait = Math.min(MAX_WAIT_MS, Math.max(interval, SLOWDOWN * slot.lastMs));
    slot.timer = setTimeout(() => {
      makeDue(pk, slot);
      pump();
    }, wait);
    // A pending derivation must not keep a finished process alive; shutdown flushes it instead.
    slot.timer.unref();
  };

  const flush = () => {
    for (const [pk, slot] of slots) if (slot.timer) makeDue(pk, slot);
    pump();
    return new Promise<void>((resolve) => {
      idle.push(resolve);
      settle();
    });
  };

  return {
    schedule(pk) {
      if (closed) return;
      let slot = slots.get(pk);
      if (!slot) {
        slot = { timer: null, ready: false, running: false, again: false, lastMs: 0 };
        slots.set(pk, slot);
      }
      if (slot.running) slot.again = true;
      else if (!slot.timer && !slot.ready) arm(pk, slot);
    },
    flush,
    async close() {
      closed = true;
      await flush();
    },
  };
}
