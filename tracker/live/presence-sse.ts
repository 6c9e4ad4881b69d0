// A presence-only SSE connection (session and share pages): `presence` events and heartbeats, nothing else.
import type { Context } from 'hono';
import type { LivePresence, Watcher } from './presence.js';
import { openSseStream } from './sse-sink.js';
import { sseFrame } from './sse.js';

export interface PresenceSseOptions {
  presence: LivePresence;
  room: string;
  who: Watcher | null;
  /** The session's owner: comment frames for this room reach this connection (see presence.broadcast). */
  owner?: string;
  heartbeatMs: number;
  onClose?: () => void;
}

/** A watcher that stopped reading is dropped past this backlog; presence frames are small, so this is generous. */
const MAX_BACKLOG = 256 * 1024;

export function openPresenceSse(c: Context, o: PresenceSseOptions): Response {
  const encoder = new TextEncoder();
  return openSseStream(c, (sink) => {
    let closed = false;
    let leave = (): void => undefined;
    const write = (s: string) => {
      if (closed) return;
      sink.write(encoder.encode(s));
      if (sink.backlog() > MAX_BACKLOG) close();
    };
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      leave();
      sink.end();
      o.onClose?.();
    };
    const heartbeat = setInterval(() => write(`: heartbeat\n\n`), o.heartbeatMs);
    heartbeat.unref();
    write('retry: 2000\n\n');
    leave = o.presence.join(o.room, {
      who: o.who,
      onPresence: (p) => write(sseFrame('presence', JSON.stringify(p))),
      owner: o.owner,
      onRoom: (event, data) => write(sseFrame(event, data)),
    });
    return { close };
  });
}

/** The room of a session: its page, share links and live streams all count here, so everyone sees everyone. */
export const sessionRoom = (sessionId: string): string => `s:${sessionId}`;

/** A live stream's room: its session's, or its own when it streams no stored session. */
export const streamRoom = (row: { id: string; session_id: string | null }): string =>
  row.session_id ? sessionRoom(row.session_id) : `l:${row.id}`;
