// One Server-Sent Events connection to a live stream: history first, then live events, resumable by Last-Event-ID.
import type { Context } from 'hono';
import type { LiveHelloData, LiveStatus, LiveStatusData, SeqRange } from '../../src/core/api/live.js';
import type { LiveHub } from './hub.js';
import type { LivePresence, Watcher } from './presence.js';
import { openSseStream, type SseSink } from './sse-sink.js';
import type { LiveStore, LiveStreamRow, StoredLiveEvent } from './store.js';

export interface SseOptions {
  hub: LiveHub;
  store: LiveStore;
  row: LiveStreamRow;
  status: LiveStatus;
  /** The last seq the client already has (Last-Event-ID header or `?lastEventId=`), 0 for a fresh start. */
  lastEventId: number;
  viewer: boolean;
  heartbeatMs: number;
  now?: () => number;
  /** A slow client whose unsent backlog passes this many bytes is dropped; it reconnects and resumes from the DB. */
  maxBacklogBytes?: number;
  /** The room this connection counts in (see presence.ts), and as whom: null is an anonymous watcher. */
  presence?: { registry: LivePresence; room: string; who: Watcher | null };
  onOpen?: () => void;
  onClose?: () => void;
}

const encoder = new TextEncoder();
const TERMINAL = new Set<LiveStatus>(['completed', 'revoked', 'expired']);
const MAX_MISSING_RANGES = 1000;
const HISTORY_PAGE = 500;

export function parseLastEventId(
  header: string | undefined | null,
  query: string | undefined | null,
): number {
  const raw = header ?? query ?? '';
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) && n > 0 && n <= 2_147_483_647 ? n : 0;
}

export function sseFrame(event: string, data: string, id?: number): string {
  return `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${data}\n\n`;
}

export function eventFrame(e: StoredLiveEvent): string {
  return sseFrame('event', `{"seq":${e.seq},"turnIndex":${e.turnIndex ?? 'null'},"event":${e.body}}`, e.seq);
}

// Fan-out encodes each event once: 1,000 viewers of one stream share the same bytes instead of re-serializing.
const frameCache = new WeakMap<StoredLiveEvent, Uint8Array>();
const batchCache = new WeakMap<StoredLiveEvent[], Uint8Array>();

function frameBytes(e: StoredLiveEvent): Uint8Array {
  let b = frameCache.get(e);
  if (!b) {
    b = encoder.encode(eventFrame(e));
    frameCache.set(e, b);
  }
  return b;
}

function batchBytes(events: StoredLiveEvent[]): Uint8Array {
  let b = batchCache.get(events);
  if (!b) {
    b = events.length === 1 ? frameBytes(events[0]!) : encoder.encode(events.map(eventFrame).join(''));
    batchCache.set(events, b);
  }
  return b;
}

/** Opens the stream: history, then live events and statuses, and who is watching. */
export function openLiveSse(o: SseOptions, c?: Context): Response {
  return openSseStream(c, (sink) => runLiveSse(o, sink));
}

function runLiveSse(o: SseOptions, sink: SseSink): { close(): void } {
  const conn = new SseConnection(o, sink);
  conn.open();
  return { close: conn.close };
}

/** Removes `seq` from the gap ranges it falls in; false when it was not missing (a duplicate). */
function takeMissing(missing: SeqRange[], seq: number): boolean {
  const i = missing.findIndex((r) => seq >= r.from && seq <= r.to);
  if (i < 0) return false;
  const r = missing[i]!;
  const parts: SeqRange[] = [];
  if (r.from < seq) parts.push({ from: r.from, to: seq - 1 });
  if (seq < r.to) parts.push({ from: seq + 1, to: r.to });
  missing.splice(i, 1, ...parts);
  return true;
}

/** One client's connection: hello, history from its cursor, then live events and statuses until the end. */
class SseConnection {
  private readonly now: () => number;
  private readonly maxBacklog: number;
  private closed = false;
  private cursor: number;
  /** Seqs below the cursor that never arrived (producer gaps): filled in if they turn up later. */
  private readonly missing: SeqRange[] = [];
  /** While history is replayed, live events and statuses wait here, in order. */
  private buffering = true;
  private readonly buffered: Array<() => void> = [];
  private heartbeat: NodeJS.Timeout | null = null;
  private expiry: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private leave: (() => void) | null = null;
  private ending = false;

  constructor(
    private readonly o: SseOptions,
    private readonly sink: SseSink,
  ) {
    this.now = o.now ?? Date.now;
    this.maxBacklog = o.maxBacklogBytes ?? 16 * 1024 * 1024;
    this.cursor = o.lastEventId;
  }

  open(): void {
    const { o } = this;
    // Subscribe before reading history so nothing that lands in between is lost; duplicates are filtered by seq.
    this.unsubscribe = o.hub.subscribe(o.row.id, {
      viewer: o.viewer,
      onEvents: (events) =>
        this.buffering ? this.buffered.push(() => this.deliver(events)) : this.deliver(events),
      onStatus: (data) => this.onStatus(data),
      onViewers: (count) => this.write(sseFrame('viewers', JSON.stringify({ count }))),
    });
    if (o.presence)
      this.leave = o.presence.registry.join(o.presence.room, {
        who: o.presence.who,
        onPresence: (p) => this.write(sseFrame('presence', JSON.stringify(p))),
        owner: o.row.owner_id,
        onRoom: (event, data) => this.write(sseFrame(event, data)),
      });
    o.onOpen?.();
    const hello: LiveHelloData = {
      liveId: o.row.id,
      title: o.row.title,
      status: o.status,
      lastSeq: o.row.last_seq,
      expiresAt: new Date(o.row.expires_at).toISOString(),
      viewers: o.hub.viewerCount(o.row.id),
    };
    this.write(`retry: 1000\n\n${sseFrame('hello', JSON.stringify(hello))}`);
    void this.replay();
  }

  readonly close = (): void => {
    if (this.closed) return;
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.expiry) clearTimeout(this.expiry);
    this.unsubscribe?.();
    this.leave?.();
    this.sink.end();
    this.o.onClose?.();
  };

  /** History first; then what arrived meanwhile; then the end, or heartbeats until the stream expires. */
  private async replay(): Promise<void> {
    try {
      await this.catchUp();
    } catch {
      this.close();
      return;
    }
    this.buffering = false;
    for (const fn of this.buffered.splice(0)) fn();
    if (this.closed) return;
    const { o } = this;
    if (TERMINAL.has(o.status)) {
      void this.end({
        status: o.status,
        reason: o.status === 'revoked' ? 'ended by owner' : o.status,
        postUrl: o.row.post_url,
      });
      return;
    }
    this.heartbeat = setInterval(() => this.write(`: heartbeat ${this.now()}\n\n`), o.heartbeatMs);
    this.heartbeat.unref();
    const untilExpiry = o.row.expires_at - this.now();
    this.expiry = setTimeout(
      () => void this.end({ status: 'expired', reason: 'expired' }),
      Math.min(Math.max(untilExpiry, 0), 2_147_000_000),
    );
    this.expiry.unref();
  }

  private writeBytes(b: Uint8Array): void {
    if (this.closed) return;
    this.sink.write(b);
    // A client that stopped reading is dropped; it reconnects with Last-Event-ID and resumes from the database.
    if (this.sink.backlog() > this.maxBacklog) this.close();
  }

  private write(s: string): void {
    this.writeBytes(encoder.encode(s));
  }

  /** Sends the events past the cursor, and those that fill a gap below it; records new gaps. */
  private deliver(events: StoredLiveEvent[]): void {
    const out: StoredLiveEvent[] = [];
    for (const e of events) {
      if (e.seq > this.cursor) {
        if (e.seq > this.cursor + 1) {
          this.missing.push({ from: this.cursor + 1, to: e.seq - 1 });
          if (this.missing.length > MAX_MISSING_RANGES) this.missing.shift();
        }
        this.cursor = e.seq;
      } else if (!takeMissing(this.missing, e.seq)) continue;
      out.push(e);
    }
    if (out.length === 0) return;
    // The usual case (a caught-up viewer takes the whole batch) reuses the batch's shared encoding.
    if (out.length === events.length) this.writeBytes(batchBytes(events));
    else for (const e of out) this.writeBytes(frameBytes(e));
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const page = await this.o.store.readAfter(this.o.row.id, this.cursor, HISTORY_PAGE);
      if (this.closed) return;
      this.deliver(page);
      if (page.length < HISTORY_PAGE) return;
    }
  }

  private async end(data: LiveStatusData): Promise<void> {
    if (this.ending) return;
    this.ending = true;
    // Events signalled before the status may still be in flight from another instance: drain the DB first.
    if (data.status === 'completed') await this.catchUp().catch(() => undefined);
    this.write(sseFrame('end', JSON.stringify(data)));
    this.close();
  }

  private onStatus(data: LiveStatusData): void {
    const run = () => {
      if (TERMINAL.has(data.status)) void this.end(data);
      else this.write(sseFrame('status', JSON.stringify(data)));
    };
    if (this.buffering) this.buffered.push(run);
    else run();
  }
}
