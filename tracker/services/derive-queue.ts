// Debounced, off-request derivation: after entry appends, each session is re-derived at most once per interval per
// instance, and always once after its last append; pending work is flushed on shutdown.
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
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  /** An append landed while a run was reading: run once more after it. */
  again: boolean;
}

export function createDeriveQueue(opts: {
  run: (sessionPk: number) => Promise<void>;
  intervalMs?: number;
  logger: Logger;
}): DeriveQueue {
  const interval = opts.intervalMs ?? 1000;
  const slots = new Map<number, Slot>();
  let closed = false;

  const start = (pk: number, slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.running = opts
      .run(pk)
      .catch((err: unknown) =>
        opts.logger.warn('session derive failed', { sessionPk: pk, error: String(err) }),
      )
      .finally(() => {
        slot.running = null;
        if (slot.again && !closed) {
          slot.again = false;
          arm(pk, slot);
        } else if (!slot.timer) slots.delete(pk);
      });
  };
  const arm = (pk: number, slot: Slot) => {
    slot.timer = setTimeout(() => start(pk, slot), interval);
    // A pending derive must not keep a finished process alive; shutdown flushes it instead.
    slot.timer.unref();
  };

  const flush = async () => {
    for (;;) {
      const busy: Array<Promise<void>> = [];
      for (const [pk, slot] of slots) {
        if (slot.running) busy.push(slot.running);
        else if (slot.timer) {
          start(pk, slot);
          busy.push(slot.running!);
        }
      }
      if (busy.length === 0) return;
      await Promise.all(busy);
    }
  };

  return {
    schedule(pk) {
      if (closed) return;
      let slot = slots.get(pk);
      if (!slot) slots.set(pk, (slot = { timer: null, running: null, again: false }));
      if (slot.running) slot.again = true;
      else if (!slot.timer) arm(pk, slot);
    },
    flush,
    async close() {
      await flush();
      closed = true;
    },
  };
}
