// The in-process hook live streams plug into: every stored change is published after its transaction commits.
import type { SessionStatus, StoredEvent } from '../../src/core/api/index.js';

export type LiveEvent =
  | { type: 'session.upserted'; userId: string; sessionId: string; status: SessionStatus; eventCount: number }
  | { type: 'events.appended'; userId: string; sessionId: string; events: StoredEvent[] }
  | { type: 'session.updated'; userId: string; sessionId: string }
  | { type: 'session.deleted'; userId: string; sessionId: string }
  | { type: 'ingest'; userId: string; sessionId: string | null; ingestType: string; data: unknown }
  /** An SSE frame for everyone watching the session (comments, issue 14); `fallback` if too big to cross instances. */
  | { type: 'room'; userId: string; sessionId: string; event: string; data: string; fallback?: string };

export interface EventPublisher {
  /** Must not throw or block: it runs on the request path after the write committed. */
  publish(sessionId: string, event: LiveEvent): void;
}

export const noopPublisher: EventPublisher = { publish() {} };

/** Wraps a publisher so a failing subscriber can never fail the request that triggered it. */
export function safePublisher(inner: EventPublisher, onError: (err: unknown) => void): EventPublisher {
  return {
    publish(sessionId, event) {
      try {
        inner.publish(sessionId, event);
      } catch (err) {
        onError(err);
      }
    },
  };
}
