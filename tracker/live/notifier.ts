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
  | { type: 'viewers'; instance: string; liveId: string; count: number };

export interface LiveNotifier {
  publish(signal: LiveSignal): Promise<void>;
  /** Registers the receiver of every signal, including this instance's own (receivers skip those by `instance`). */
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
    if (typeof v !== 'object' || v === null || typeof v.liveId !== 'string' || typeof v.instance !== 'string')
      return null;
    if (v.type === 'events' || v.type === 'status' || v.type === 'viewers') return v;
    return null;
  } catch {
    return null;
  }
}
