// Cross-process signals for live streams: an in-process bus (SQLite, tests) or PostgreSQL LISTEN/NOTIFY.
import type { LiveStatus } from '../../src/core/api/live.js';

/**
 * Signals carry only ids and numbers, never event bodies: a receiver reads the events from the database. That keeps
 * NOTIFY payloads tiny (PostgreSQL caps them at 8000 bytes) and the database the one source of truth.
 */
export type LiveSignal =
  | { type: 'events'; instance: string; liveId: string; from: number; to: number }
  | {
      type: 'status';
      instance: string;
      liveId: string;
      status: LiveStatus;
      reason?: string;
      postUrl?: string | null;
    }
  | { type: 'viewers'; instance: string; liveId: string; count: number }
  /** One instance's watchers of a room (see presence.ts); an empty snapshot withdraws it. */
  | {
      type: 'presence';
      instance: string;
      room: string;
      users: Array<{ id: string; name: string }>;
      anonymous: number;
    }
  /** Sent by a starting instance: the others re-announce their presence snapshots at once. */
  | { type: 'presence_sync'; instance: string }
  /** An SSE frame for every watcher of a room whose session belongs to `owner` (comments, issue 14). */
  | { type: 'room'; instance: string; room: string; owner: string; event: string; data: string };

export interface LiveNotifier {
  publish(signal: LiveSignal): Promise<void>;
  /** Adds a receiver of every signal (the hub and presence each register one), including this instance's own (receivers skip those by `instance`). */
  listen(onSignal: (s: LiveSignal) => void): Promise<void>;
  close(): Promise<void>;
}

/** Single-process bus: nothing to fan out to, so publishing is a no-op beyond local receivers. */
export function createMemoryNotifier(): LiveNotifier {
  const receivers: Array<(s: LiveSignal) => void> = [];
  return {
    async publish(signal) {
      for (const r of receivers) queueMicrotask(() => r(signal));
    },
    async listen(onSignal) {
      receivers.push(onSignal);
    },
    async close() {
      receivers.length = 0;
    },
  };
}

export function encodeSignal(s: LiveSignal): string {
  return JSON.stringify(s);
}

export function decodeSignal(payload: string): LiveSignal | null {
  try {
    const v = JSON.parse(payload) as LiveSignal;
    if (typeof v !== 'object' || v === null || typeof v.instance !== 'string') return null;
    if (v.type === 'presence_sync') return v;
    if (v.type === 'presence') return isPresence(v) ? v : null;
    if (v.type === 'room') return isRoomFrame(v) ? v : null;
    if (typeof v.liveId !== 'string') return null;
    if (v.type === 'events' || v.type === 'status' || v.type === 'viewers') return v;
    return null;
  } catch {
    return null;
  }
}

/** Another instance's snapshot is shown to browsers: only well-formed names and counts pass. */
function isPresence(v: Extract<LiveSignal, { type: 'presence' }>): boolean {
  return (
    typeof v.room === 'string' &&
    Number.isSafeInteger(v.anonymous) &&
    v.anonymous >= 0 &&
    Array.isArray(v.users) &&
    v.users.every((u) => typeof u?.id === 'string' && typeof u.name === 'string')
  );
}

/** Only a plain event name reaches a browser's SSE stream (no newline can split the frame). */
function isRoomFrame(v: Extract<LiveSignal, { type: 'room' }>): boolean {
  return (
    typeof v.room === 'string' &&
    typeof v.owner === 'string' &&
    typeof v.data === 'string' &&
    !/[\r\n]/.test(v.data) &&
    typeof v.event === 'string' &&
    /^[a-z_]{1,40}$/.test(v.event)
  );
}
