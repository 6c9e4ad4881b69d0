// Per-session acknowledged position of the sender: what the tracker confirmed, so a restart never resends much.
import { readFileSync } from 'node:fs';

import { writeFileAtomic } from '../../../core/fs/write-atomic.js';
import { ackPath } from './paths.js';

export interface SessionAck {
  v: 1;
  /** Every event from outbox records with seq <= this is on the tracker. */
  seq: number;
  /** Events the tracker confirmed (inserted + duplicates), for status. */
  events: number;
  /** The outbox seq read when the session's end (status completed + summary) was delivered. */
  finalSeq?: number;
  /** The outbox size at which everything, end included, was delivered: a session still this size is skipped unread. */
  doneBytes?: number;
  /** The project opted out (.baton-ignore or config): never uploaded. */
  ignored?: boolean;
  /** The tracker URL of the last delivery (a session is re-sent when the tracker changes). */
  url?: string;
  updatedAt?: string;
}

export const emptyAck = (): SessionAck => ({ v: 1, seq: 0, events: 0 });

export function readAck(dataDir: string, sessionId: string): SessionAck {
  try {
    const v = JSON.parse(readFileSync(ackPath(dataDir, sessionId), 'utf8')) as Partial<SessionAck>;
    if (v && v.v === 1 && Number.isInteger(v.seq) && v.seq! >= 0)
      return { ...emptyAck(), ...v } as SessionAck;
  } catch {
    // missing or torn: start from the beginning (the tracker deduplicates by event uuid)
  }
  return emptyAck();
}

/** Atomic (temp file + rename): a kill mid-write leaves the old ack, never a torn one. */
export function writeAck(dataDir: string, sessionId: string, ack: SessionAck): void {
  const path = ackPath(dataDir, sessionId);
  // Not fsynced: an ack lost in a crash only makes the sender resend, and the tracker deduplicates by event uuid.
  writeFileAtomic(path, JSON.stringify({ ...ack, updatedAt: new Date().toISOString() }));
}
