// One Server-Sent Events connection to a live stream: history first, then live events, resumable by Last-Event-ID.
import type { ServerResponse } from 'node:http';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context } from 'hono';
import type { LiveHelloData, LiveStatus, LiveStatusData, SeqRange } from '../../src/core/api/live.js';
import type { LiveHub } from './hub.js';
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

/** Where the bytes of one connection go: the Node socket directly, or a web ReadableStream (app.request, tests). */
interface SseSink {
  write(b: Uint8Array): void;
  /** Bytes accepted but not yet flushed to the client. */
  backlog(): number;
  end(): void;
}

const SSE_HEADERS: Record<string, string> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-store, no-transform',
  connection: 'keep-alive',
  // Tells nginx-style proxies not to buffer the stream.
  'x-accel-buffering': 'no',
};

/**
 * Opens the stream. Under @hono/node-server it writes straight to the Node response: no web-stream pump per
 * connection, which keeps thousands of idle viewers cheap and fan-out to a thousand viewers fast.
 */
export function openLiveSse(o: SseOptions, c?: Context): Response {
  const outgoing = (c?.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (outgoing && typeof outgoing.writeHead === 'function' && !outgoing.headersSent) {
    outgoing.writeHead(200, SSE_HEADERS);
    outgoing.socket?.setNoDelay(true);
    const session = runLiveSse(o, {
      write: (b) => void outgoing.write(b),
      backlog: () => outgoing.writableLength,
      end: () => outgoing.end(),
    });
    outgoing.once('close', session.close);
    return RESPONSE_ALREADY_SENT;
  }
  let session: { close(): void } | null = null;
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        session = runLiveSse(o, {
          write: (b) => controller.enqueue(b),
          backlog: () => -(controller.desiredSize ?? 0),
          end: () => {
            try {
              controller.close();
            } catch {
              // already closed or errored by the consumer
            }
          },
        });
        c?.req.raw.signal.addEventListener('abort', () => session?.close(), { once: true });
      },
      cancel() {
        session?.close();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );
  return new Response(body, { status: 200, headers: SSE_HEADERS });
}

function runLiveSse(o: SseOptions, sink: SseSink): { close(): void } {
  const now = o.now ?? Date.now;
  const maxBacklog = o.maxBacklogBytes ?? 16 * 1024 * 1024;
  let closed = false;
  let cursor = o.lastEventId;
  /** Seqs below the cursor that never arrived (producer gaps): filled in if they turn up later. */
  const missing: SeqRange[] = [];
  let buffering = true;
  const buffered: Array<() => void> = [];
  let heartbeat: NodeJS.Timeout | null = null;
  let expiry: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;
  let ending = false;

  const close = () => {
    if (closed) return;
    closed = true;
    if (heartbeat) clearInterval(heartbeat);
    if (expiry) clearTimeout(expiry);
    unsubscribe?.();
    sink.end();
    o.onClose?.();
  };
  const writeBytes = (b: Uint8Array) => {
    if (closed) return;
    sink.write(b);
    // A client that stopped reading is dropped; it reconnects with Last-Event-ID and resumes from the database.
    if (sink.backlog() > maxBacklog) close();
  };
  const write = (s: string) => writeBytes(encoder.encode(s));
  const takeMissing = (seq: number): boolean => {
    const i = missing.findIndex((r) => seq >= r.from && seq <= r.to);
    if (i < 0) return false;
    const r = missing[i]!;
    const parts: SeqRange[] = [];
    if (r.from < seq) parts.push({ from: r.from, to: seq - 1 });
    if (seq < r.to) parts.push({ from: seq + 1, to: r.to });
    missing.splice(i, 1, ...parts);
    return true;
  };
  const deliver = (events: StoredLiveEvent[]) => {
    const out: StoredLiveEvent[] = [];
    for (const e of events) {
      if (e.seq > cursor) {
        if (e.seq > cursor + 1) {
          missing.push({ from: cursor + 1, to: e.seq - 1 });
          if (missing.length > MAX_MISSING_RANGES) missing.shift();
        }
        cursor = e.seq;
      } else if (!takeMissing(e.seq)) continue;
      out.push(e);
    }
    if (out.length === 0) return;
    // The usual case (a caught-up viewer takes the whole batch) reuses the batch's shared encoding.
    if (out.length === events.length) writeBytes(batchBytes(events));
    else for (const e of out) writeBytes(frameBytes(e));
  };
  const catchUp = async () => {
    for (;;) {
      const page = await o.store.readAfter(o.row.id, cursor, HISTORY_PAGE);
      if (closed) return;
      deliver(page);
      if (page.length < HISTORY_PAGE) return;
    }
  };
  const end = async (data: LiveStatusData) => {
    if (ending) return;
    ending = true;
    // Events signalled before the status may still be in flight from another instance: drain the DB first.
    if (data.status === 'completed') await catchUp().catch(() => undefined);
    write(sseFrame('end', JSON.stringify(data)));
    close();
  };
  const onStatus = (data: LiveStatusData) => {
    const run = () => {
      if (TERMINAL.has(data.status)) void end(data);
      else write(sseFrame('status', JSON.stringify(data)));
    };
    if (buffering) buffered.push(run);
    else run();
  };

  // Subscribe before reading history so nothing that lands in between is lost; duplicates are filtered by seq.
  unsubscribe = o.hub.subscribe(o.row.id, {
    viewer: o.viewer,
    onEvents: (events) => (buffering ? buffered.push(() => deliver(events)) : deliver(events)),
    onStatus,
    onViewers: (count) => write(sseFrame('viewers', JSON.stringify({ count }))),
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
  write(`retry: 1000\n\n${sseFrame('hello', JSON.stringify(hello))}`);
  void (async () => {
    try {
      await catchUp();
    } catch {
      close();
      return;
    }
    buffering = false;
    for (const fn of buffered.splice(0)) fn();
    if (closed) return;
    if (TERMINAL.has(o.status)) {
      void end({
        status: o.status,
        reason: o.status === 'revoked' ? 'ended by owner' : o.status,
        postUrl: o.row.post_url,
      });
      return;
    }
    heartbeat = setInterval(() => write(`: heartbeat ${now()}\n\n`), o.heartbeatMs);
    heartbeat.unref();
    const untilExpiry = o.row.expires_at - now();
    expiry = setTimeout(
      () => void end({ status: 'expired', reason: 'expired' }),
      Math.min(Math.max(untilExpiry, 0), 2_147_000_000),
    );
    expiry.unref();
  })();
  return { close };
}
