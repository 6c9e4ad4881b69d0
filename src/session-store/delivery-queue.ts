// In-order delivery of a SessionStore's append batches, per transcript file, retried with backoff while the tracker
// is unreachable. The Agent SDK retries a rejected append only three times and then drops the batch, so a transient
// failure must not reject: the batch waits here instead, and only a permanent refusal reaches the caller.
import { backoffDelay, retryAfterMsOf } from '../client/index.js';
import { BatonError, httpFailureOf } from '../core/errors.js';
import { fileId, type TrackerKey } from './key.js';

interface Batch {
  body: object;
  count: number;
  /** The `append` call waiting on this batch's first attempt; null once it was answered. */
  caller: { resolve(): void; reject(err: unknown): void } | null;
}

interface FileQueue {
  key: TrackerKey;
  batches: Batch[];
  count: number;
  running: boolean;
  inFlight: boolean;
  /** The last attempt failed transiently: later batches are answered at once (they wait behind it anyway). */
  failing: boolean;
  lastError: unknown;
  attempt: number;
  /** Ends the current backoff wait early (flush, close). */
  wake: (() => void) | null;
}

export interface DeliveryQueueOptions {
  send(key: TrackerKey, body: object): Promise<unknown>;
  /** A batch refused for good after its `append` call had returned. */
  onDropped(err: unknown, key: TrackerKey): void;
  maxPendingEntries: number;
}

export interface DeliveryQueue {
  /** Resolves once the batch is stored, or queued behind a transient failure; rejects on a permanent refusal. */
  enqueue(key: TrackerKey, body: object, count: number): Promise<void>;
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

export function createDeliveryQueue(opts: DeliveryQueueOptions): DeliveryQueue {
  const queues = new Map<string, FileQueue>();
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
  const idle = (q: FileQueue | undefined) => q === undefined || (q.batches.length === 0 && !q.running);

  function sleep(q: FileQueue, ms: number): Promise<void> {
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

  function shift(q: FileQueue): Batch {
    const b = q.batches.shift()!;
    q.count -= b.count;
    q.attempt = 0;
    return b;
  }

  async function pump(q: FileQueue): Promise<void> {
    if (q.running) return;
    q.running = true;
    try {
      while (q.batches.length > 0 && !closed) {
        const head = q.batches[0]!;
        try {
          q.inFlight = true;
          await opts.send(q.key, head.body);
          q.inFlight = false;
          q.failing = false;
          if (q.batches[0] === head) shift(q);
          head.caller?.resolve();
        } catch (err) {
          q.inFlight = false;
          if (q.batches[0] !== head) continue; // cancelled while in flight
          if (!isTransient(err)) {
            shift(q);
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
      q.inFlight = false;
      if (q.batches.length === 0 && queues.get(fileId(q.key)) === q) queues.delete(fileId(q.key));
      changed();
    }
  }

  return {
    enqueue(key, body, count) {
      if (closed) return Promise.reject(new BatonError('invalid_input', 'session store: closed'));
      const id = fileId(key);
      let q = queues.get(id);
      if (q === undefined) {
        q = {
          key,
          batches: [],
          count: 0,
          running: false,
          inFlight: false,
          failing: false,
          lastError: undefined,
          attempt: 0,
          wake: null,
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
        queue.batches.push({ body, count, caller: queue.failing ? null : { resolve, reject } });
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
        // An attempt in flight cannot be called back: it is awaited, then the session is deleted after it.
        const keep = q.inFlight ? q.batches.slice(0, 1) : [];
        for (const b of q.batches.slice(keep.length)) b.caller?.resolve();
        q.batches = keep;
        q.count = keep.reduce((n, b) => n + b.count, 0);
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
