// What `baton sync` already uploaded (per transcript: size and a tail hash), so a rerun skips unchanged sessions.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../core/fs/write-atomic.js';
import { findSubagentFiles } from '../../core/transcript/index.js';

export interface SyncedEntry {
  fingerprint: string;
  sessionId: string;
  at: string;
  ignored?: boolean;
  /** Uploaded with its transcript lines (issue 12); an entry without it predates them and is synced again. */
  entries?: boolean;
}

export interface SyncState {
  v: 1;
  /** Tracker URL the entries refer to: another tracker means everything is new. */
  url: string;
  sessions: Record<string, SyncedEntry>;
}

export function syncStatePath(dataDir: string): string {
  return join(dataDir, 'sync', 'state.json');
}

export function loadSyncState(dataDir: string, url: string): SyncState {
  try {
    const s = JSON.parse(readFileSync(syncStatePath(dataDir), 'utf8')) as SyncState;
    if (s.v === 1 && s.url === url && s.sessions && typeof s.sessions === 'object') return s;
  } catch {
    // first sync, or an unreadable state: start over (the tracker deduplicates by event uuid anyway)
  }
  return { v: 1, url, sessions: {} };
}

export function saveSyncState(dataDir: string, state: SyncState): void {
  const path = syncStatePath(dataDir);
  writeFileAtomic(path, JSON.stringify(state));
}

/**
 * Size (the append offset) plus a hash of the last 4 KiB of the transcript and of each subagent file: an appended,
 * resumed or rewritten session changes it; a merely touched file does not.
 */
export async function fingerprint(path: string, size: number): Promise<{ value: string; bytes: number }> {
  const parts = [`${size}:${tailHash(path, size)}`];
  let bytes = size;
  for (const sub of await findSubagentFiles(path)) {
    try {
      const s = statSync(sub.path).size;
      bytes += s;
      parts.push(`${sub.agentId}:${s}:${tailHash(sub.path, s)}`);
    } catch {
      // vanished
    }
  }
  return { value: parts.join('|'), bytes };
}

function tailHash(path: string, size: number): string {
  const len = Math.min(size, 4096);
  const buf = Buffer.alloc(len);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    readSync(fd, buf, 0, len, size - len);
  } catch {
    return 'x';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return createHash('sha1').update(buf).digest('hex').slice(0, 16);
}
