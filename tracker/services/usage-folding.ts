// The tracker's background fold of usage deltas (migration 13): a report folds its own user's deltas, this keeps the
// log short for users who never open one. A failed fold loses nothing: the deltas stay for the next.
import type { Logger } from '../log.js';
import type { Store } from '../db/store.js';

export interface UsageFolding {
  close(): Promise<void>;
}

export function startUsageFolding(store: Store, logger: Logger, everyMs = 60_000): UsageFolding {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = store.usage
      .fold()
      .catch((err: unknown) => logger.warn('usage fold failed', { error: String(err) }));
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
