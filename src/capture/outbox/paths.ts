// Where a session's outbox, its state file and its lock live inside the data dir; shared by hooks and readers.
import { join } from 'node:path';

/** Session ids become file names: a conservative alphabet keeps them from escaping the outbox dir. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export function isSafeSessionId(id: string): boolean {
  return SESSION_ID_PATTERN.test(id) && !id.includes('..');
}

export interface OutboxPaths {
  dir: string;
  /** Append-only JSONL, one record a line. */
  outbox: string;
  /** `{v, seq, bytes, offsets}`: last seq used, outbox size we left, transcript offsets copied so far. */
  state: string;
  /** Held while a process assigns seqs and copies transcript ranges. */
  lock: string;
}

export function outboxDir(dataDir: string): string {
  return join(dataDir, 'outbox');
}

export function outboxPaths(dataDir: string, sessionId: string): OutboxPaths {
  const dir = outboxDir(dataDir);
  return {
    dir,
    outbox: join(dir, `${sessionId}.jsonl`),
    state: join(dir, `${sessionId}.state.json`),
    lock: join(dir, `${sessionId}.lock`),
  };
}

export function hookLogPath(dataDir: string): string {
  return join(dataDir, 'hook.log');
}
