// Sends merged live events to the tracker in order: producer seq numbers, batching, retries that never give up early.
import type { AppendLiveResponse, LiveEventInput } from '../../../core/api/live.js';
import { isBatonError } from '../../../core/errors.js';
import type { SessionEvent } from '../../../core/model/session.js';
import { retryWait } from '../retry-wait.js';
import type { Emitted } from './merge.js';

export type AppendFn = (events: LiveEventInput[]) => Promise<AppendLiveResponse>;

export interface LiveSinkOptions {
  append: AppendFn;
  /** The first seq to use (1 for a new stream; the tracker's lastSeq + 1 after a restart). */
  nextSeq: number;
  maxBatchEvents?: number;
  maxBatchBytes?: number;
  /** Longest string kept in one event field; the tracker caps one event at 512 KiB. */
  maxFieldChars?: number;
  sleep?: (ms: number) => Promise<void>;
  log?: (msg: string) => void;
}

/** Caps 200 ms, 400 ms, … up to 5 s: a live viewer should see events soon after the tracker is back. */
const SINK_BACKOFF = Object.freeze({ baseMs: 100, maxMs: 5000 });

/** Codes after which sending again cannot help: the stream ended, or the token no longer works. */
const FATAL = new Set(['gone', 'auth', 'forbidden', 'not_found', 'invalid_request', 'too_large']);

export class LiveSink {
  private queue: Array<{ event: SessionEvent; turnIndex: number; bytes: number }> = [];
  private seq: number;
  private readonly maxEvents: number;
  private readonly maxBytes: number;
  private readonly maxField: number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Events the tracker has acknowledged (accepted or already held) since start. */
  sent = 0;

  constructor(private readonly o: LiveSinkOptions) {
    this.seq = o.nextSeq;
    this.maxEvents = o.maxBatchEvents ?? 500;
    this.maxBytes = o.maxBatchBytes ?? 2 * 1024 * 1024;
    this.maxField = o.maxFieldChars ?? 64 * 1024;
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  get pending(): number {
    return this.queue.length;
  }

  get nextSeq(): number {
    return this.seq;
  }

  push(items: readonly Emitted[]): void {
    for (const { event, turnIndex } of items) {
      const capped = capEvent(event, this.maxField);
      this.queue.push({ event: capped, turnIndex, bytes: Buffer.byteLength(JSON.stringify(capped)) });
    }
  }

  /** Drops everything queued (pause: nothing captured while paused is streamed). */
  discard(): number {
    const n = this.queue.length;
    this.queue = [];
    return n;
  }

  /**
   * Sends until the queue is empty. Network trouble, 5xx and rate limits are waited out (backoff up to 5 s) for as
   * long as `isRunning()` says so; a fatal answer (stream gone, token refused) throws its BatonError.
   */
  async flush(isRunning: () => boolean = () => true): Promise<void> {
    let failures = 0;
    while (this.queue.length > 0 && isRunning()) {
      const batch = this.takeBatch();
      try {
        await this.sendBatch(batch);
        this.queue.splice(0, batch.length);
        failures = 0;
      } catch (err) {
        if (!isBatonError(err)) throw err;
        if (FATAL.has(err.code)) throw err;
        failures++;
        const wait = retryWait(err, failures, SINK_BACKOFF);
        this.o.log?.(`append failed (${err.code}): ${err.message}; retrying in ${wait} ms`);
        await this.sleep(wait);
      }
    }
  }

  private takeBatch(): typeof this.queue {
    let bytes = 0;
    let n = 0;
    while (n < this.queue.length && n < this.maxEvents) {
      const b = this.queue[n]!.bytes;
      if (n > 0 && bytes + b > this.maxBytes) break;
      bytes += b;
      n++;
    }
    return this.queue.slice(0, n);
  }

  /**
   * Seqs are assigned per attempt from `this.seq`, and a retried batch reuses them (idempotent). If another writer
   * took some of our seqs (the tracker's ingest fan-in writes into the same stream), the batch is re-sent above the
   * tracker's lastSeq: events already stored are dropped by uuid, the displaced ones land.
   */
  private async sendBatch(batch: typeof this.queue): Promise<void> {
    let first = this.seq;
    for (let attempt = 0; attempt < 3; attempt++) {
      const events: LiveEventInput[] = batch.map((b, i) => ({
        seq: first + i,
        turnIndex: b.turnIndex,
        event: b.event,
      }));
      const res = await this.o.append(events);
      const last = first + batch.length - 1;
      this.seq = Math.max(last, res.lastSeq) + 1;
      const displaced = res.accepted < batch.length && res.lastSeq > last;
      if (!displaced) {
        this.sent += batch.length;
        return;
      }
      first = this.seq;
    }
    this.sent += batch.length;
  }
}

/** Long fields are cut for the live view (the post made at the end is built from the full transcript). */
export function capEvent(event: SessionEvent, max: number): SessionEvent {
  const cut = (s: string) =>
    s.length > max ? `${s.slice(0, max)}\n… [${s.length - max} more characters not streamed]` : s;
  switch (event.kind) {
    case 'prompt':
    case 'text':
    case 'thinking':
    case 'system':
      return event.text.length > max ? { ...event, text: cut(event.text) } : event;
    case 'tool_result':
      return event.content.length > max ? { ...event, content: cut(event.content) } : event;
    case 'tool_call': {
      const json = JSON.stringify(event.input ?? null);
      return json.length > max ? { ...event, input: cut(json) } : event;
    }
  }
}
