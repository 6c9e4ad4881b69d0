// In-order delivery of a SessionStore's append batches, per transcript file, retried with backoff while the tracker
// is unreachable. The Agent SDK retries a rejected append only three times and then drops the batch, so a transient
// failure must not reject: the batch waits here instead, and only a permanent refusal reaches the caller. Batches
// that queue up behind a request in flight go together in the next one, so a slow tracker means bigger requests,
// not a longer queue.
import { backoffDelay, retryAfterMsOf } from '../client/index.js';
import { BatonError, httpFailureOf } from '../core/errors.js';
import { fileId, type TrackerKey } from './key.js';

interface Batch<I> {
  items: I[];
  /** The `append` call waiting on this batch's first attempt; null once it was answered. */
  caller: { resolve(): void; reject(err: unknown): void } | null;
}

interface FileQueue<I> {
  key: TrackerKey;
  batches: Batch<I>[];
  count: number;
  running: boolean;
  /** The last attempt failed transiently: later batches are answered at once (they wait behind it anyway). */
  failing: boolean;
  lastError: unknown;
  attempt: number;
  /** Ends the current backoff wait early (flush, close). */
  wake: (() => void) | null;
  /** The last merged request was refused for good: send the head alone, to find the batch at fault. */
  alone: boolean;
}

export interface DeliveryQueueOptions<I> {
  /** Stores `items` (one or more queued batches, in order) in the file `key`. */
  send(key: TrackerKey, items: I[]): Promise<unknown>;
  /** A batch refused for good after its `append` call had returned. */
  onDropped(err: unknown, key: TrackerKey): void;
  maxPendingEntries: number;
  /** Most items one request carries when batches are merged (a single batch may hold more). */
  maxItemsPerSend: number;
}

export interface DeliveryQueue<I> {
  /** Resolves once the batch is stored, or queued behind a transient failure; rejects on a permanent refusal. */
  enqueue(key: TrackerKey, items: I[]): Promise<void>;
  pending(): number;
  /** Retries now; resolves when every queue is empty (rejects with code `timeout` after `timeoutMs`). */
  flush(timeoutMs?: number): Promise<void>;
  /** Resolves when this file has nothing queued (a read after a write sees the write). */
  drained(key: TrackerKey): Promise<void>;
  /** Drops what is queued for a session and waits for an attempt in flight (the session is being deleted). */
  cancelSession(sessionId: string): Promise<void>;
  close(): void;
}

/** Worth retrying: the tracker was unreachable, slow, failing or rate limiting (408 and 429 included). */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof BatonError)) return false;
  if (['network', 'timeout', 'server', 'rate_limited'].includes(err.code)) return true;
  return httpFailureOf(err)?.status === 408;
}

export function createDeliveryQueue<I>(opts: DeliveryQueueOptions<I>): DeliveryQueue<I> {
  type Queue = FileQueue<I>;
  const queues = new Map<string, Queue>();
  const watchers = new Set<() => void>();
  let closed = false;

  const changed = () => {
    for (const w of [...watchers]) w();
  };
  /** Resolves when `done()` holds, checked after every change. */
  const until = (done: () => boolean): Promise<void> =>
    new Promise((resolve) => {
      if (done()) return resolve();
      const w = () => {
        if (!done()) return;
        watchers.delete(w);
        resolve();
      };
      watchers.add(w);
    });
  const pending = (): number => {
    let n = 0;
    for (const q of queues.values()) n += q.count;
    return n;
  };
  const idle = (q: Queue | undefined) => q === undefined || (q.batches.length === 0 && !q.running);

  function sleep(q: Queue, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        q.wake = null;
        resolve();
      };
      // Unref'd: a queue waiting on a dead tracker does not keep the process alive (flush() does, when called).
      const timer = setTimeout(done, ms);
      timer.unref?.();
      q.wake = done;
    });
  }

  function shift(q: Queue, n: number): Batch<I>[] {
    const out = q.batches.splice(0, n);
    for (const b of out) q.count -= b.items.length;
    q.attempt = 0;
    return out;
  }

  /** How many batches from the head the next request carries. */
  function take(q: Queue): number {
    if (q.alone) return 1;
    let n = 0;
    let items = 0;
    for (const b of q.batches) {
      if (n > 0 && items + b.items.length > opts.maxItemsPerSend) break;
      n++;
      items += b.items.length;
    }
    return n;
  }

  async function pump(q: Queue): Promise<void> {
    if (q.running) return;
    q.running = true;
    try {
      while (q.batches.length > 0 && !closed) {
        const sending = q.batches.slice(0, take(q));
        const head = sending[0]!;
        try {
          await opts.send(
            q.key,
            sending.flatMap((b) => b.items),
          );
          q.failing = false;
          q.alone = false;
          // Unless cancelSession emptied the queue meanwhile (and answered the callers itself).
          if (q.batches[0] === head) for (const b of shift(q, sending.length)) b.caller?.resolve();
        } catch (err) {
          if (q.batches[0] !== head) continue; // cancelled while in flight
          if (!isTransient(err)) {
            if (sending.length > 1) {
              q.alone = true;
              continue;
            }
            q.alone = false;
            shift(q, 1);
            if (head.caller) head.caller.reject(err);
            else opts.onDropped(err, q.key);
            continue;
          }
          q.failing = true;
          q.lastError = err;
          for (const b of q.batches) {
            b.caller?.resolve();
            b.caller = null;
          }
          changed();
          await sleep(q, retryAfterMsOf(err) ?? backoffDelay(q.attempt++));
        }
        changed();
      }
    } finally {
      q.running = false;
      if (q.batches.length === 0 && queues.get(fileId(q.key)) === q) queues.delete(fileId(q.key));
      changed();
    }
  }

  return {
    enqueue(key, items) {
      const count = items.length;
      if (closed) return Promise.reject(new BatonError('invalid_input', 'session store: closed'));
      const id = fileId(key);
      let q = queues.get(id);
      if (q === undefined) {
        q = {
          key,
          batches: [],
          count: 0,
          running: false,
          failing: false,
          lastError: undefined,
          attempt: 0,
          wake: null,
          alone: false,
        };
        queues.set(id, q);
      }
      if (q.count + count > opts.maxPendingEntries) {
        const last = q.lastError instanceof BatonError ? q.lastError : undefined;
        return Promise.reject(
          new BatonError(
            last?.code ?? 'too_large',
            `session store: ${q.count} entries of ${key.sessionId}${key.subKey ? `/${key.subKey}` : ''} are still ` +
              `waiting for the tracker (limit ${opts.maxPendingEntries})${last ? `: ${last.message}` : ''}`,
            { cause: last },
          ),
        );
      }
      const queue = q;
      return new Promise<void>((resolve, reject) => {
        queue.batches.push({ items, caller: queue.failing ? null : { resolve, reject } });
        queue.count += count;
        if (queue.failing) resolve();
        void pump(queue);
      });
    },

    pending,

    async flush(timeoutMs) {
      for (const q of queues.values()) q.wake?.();
      const empty = until(() => [...queues.values()].every(idle));
      if (timeoutMs === undefined) return empty;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new BatonError(
                'timeout',
                `session store: ${pending()} entries still waiting for the tracker after ${timeoutMs} ms`,
                { details: { timeoutMs } },
              ),
            ),
          timeoutMs,
        );
      });
      try {
        await Promise.race([empty, late]);
      } finally {
        clearTimeout(timer);
      }
    },

    drained(key) {
      return until(() => idle(queues.get(fileId(key))));
    },

    async cancelSession(sessionId) {
      const mine = [...queues.values()].filter((q) => q.key.sessionId === sessionId);
      for (const q of mine) {
        // A request in flight cannot be called back: it is awaited (idle below), and the session deleted after it.
        for (const b of q.batches) b.caller?.resolve();
        q.batches = [];
        q.count = 0;
        q.wake?.();
      }
      changed();
      await Promise.all(mine.map((q) => until(() => idle(q))));
    },

    close() {
      closed = true;
      for (const q of queues.values()) {
        for (const b of q.batches) b.caller?.resolve();
        q.batches = [];
        q.count = 0;
        q.wake?.();
      }
      queues.clear();
      changed();
    },
  };
}
