// What is waiting locally: per-session outbox records not yet acknowledged by the tracker, and the sender's state.
import { readFileSync, statSync } from 'node:fs';
import { listOutboxSessions } from '../../capture/outbox/reader.js';
import { outboxPaths } from '../../capture/outbox/paths.js';
import { parseState } from '../../capture/outbox/state.js';
import { readAck } from '../../capture/delivery/sender/ack.js';
import { lockHolderPid } from '../../capture/session/lock.js';
import { senderPaths } from '../../capture/delivery/sender/paths.js';
import { readStatus, type SenderStatus } from '../../capture/delivery/sender/status.js';
import type { AuthErrorMarker } from '../../capture/delivery/sender/kick.js';

export interface OutboxDepth {
  sessions: number;
  /** Sessions with records the tracker has not confirmed. */
  pendingSessions: number;
  /** Outbox records (hook entries and transcript chunks) not yet confirmed. */
  pendingRecords: number;
  ignoredSessions: number;
  bytes: number;
}

export async function outboxDepth(dataDir: string): Promise<OutboxDepth> {
  const out: OutboxDepth = {
    sessions: 0,
    pendingSessions: 0,
    pendingRecords: 0,
    ignoredSessions: 0,
    bytes: 0,
  };
  for (const sid of await listOutboxSessions(dataDir)) {
    out.sessions++;
    const paths = outboxPaths(dataDir, sid);
    try {
      out.bytes += statSync(paths.outbox).size;
    } catch {
      continue;
    }
    let seq = 0;
    try {
      seq = parseState(readFileSync(paths.state, 'utf8'))?.seq ?? 0;
    } catch {
      // no state yet
    }
    const ack = readAck(dataDir, sid);
    if (ack.ignored) {
      out.ignoredSessions++;
      continue;
    }
    const pending = Math.max(0, seq - ack.seq);
    if (
      pending > 0 ||
      (ack.doneBytes === undefined && ack.finalSeq === undefined && seq > 0 && ack.seq < seq)
    )
      out.pendingSessions++;
    out.pendingRecords += pending;
  }
  return out;
}

export interface SenderView {
  running: boolean;
  pid: number | null;
  status: SenderStatus | null;
  authError: AuthErrorMarker | null;
}

export function senderView(dataDir: string): SenderView {
  const paths = senderPaths(dataDir);
  const pid = lockHolderPid(paths.lock);
  let authError: AuthErrorMarker | null = null;
  try {
    authError = JSON.parse(readFileSync(paths.authError, 'utf8')) as AuthErrorMarker;
  } catch {
    // none
  }
  return { running: pid !== null, pid, status: readStatus(dataDir), authError };
}
