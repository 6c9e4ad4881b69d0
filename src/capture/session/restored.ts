// Transcript files `baton resume` or `baton restore` wrote from the tracker's copy: their first bytes are lines the
// tracker already holds. They must not go back: on this machine they sit at other byte offsets (another checkout path
// is written into every record's cwd, a redacted secret is shorter), so a uuid-less line, keyed by its offset, would
// be stored a second time. The egress gate reads this (openEgressGate), so the sender, sync and push all honour it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statStamp } from '../../core/fs/stat-stamp.js';
import { writeFileAtomic } from '../../core/fs/write-atomic.js';
import { isSafeSessionId } from '../outbox/paths.js';
import { moveOffsetsPastRestored } from './restored-offsets.js';

const restoredPath = (dataDir: string, sessionId: string): string =>
  join(dataDir, 'restored', `${sessionId}.json`);

/**
 * Records what a resume wrote, per sub-file ('' the main one), replacing what an earlier one recorded for it; and
 * moves the capture's offsets into files it rewrote (`path`, action not 'unchanged') to a line boundary of the new
 * file (restored-offsets.ts).
 */
export function recordRestored(
  dataDir: string,
  sessionId: string,
  files: ReadonlyArray<{ subKey: string; bytes: number; path?: string; action?: string }>,
): void {
  if (!isSafeSessionId(sessionId)) return;
  const all: Record<string, number> = Object.fromEntries(readRestored(dataDir, sessionId));
  for (const f of files) all[f.subKey] = f.bytes;
  writeFileAtomic(restoredPath(dataDir, sessionId), JSON.stringify({ v: 1, files: all }));
  const rewritten = files.flatMap((f) =>
    f.path !== undefined && f.action !== 'unchanged' ? [{ path: f.path }] : [],
  );
  moveOffsetsPastRestored(dataDir, sessionId, rewritten);
}

/** Sub key → bytes the tracker's copy filled; empty when no resume wrote the session (or the record is unreadable). */
export function readRestored(dataDir: string, sessionId: string): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  if (!isSafeSessionId(sessionId)) return out;
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(restoredPath(dataDir, sessionId), 'utf8'));
  } catch {
    return out;
  }
  // Checked by hand: hooks' gate opens it too (no zod on that path).
  const files = (v as { files?: unknown } | null)?.files;
  if (files === null || typeof files !== 'object') return out;
  for (const [subKey, bytes] of Object.entries(files)) {
    if (typeof bytes === 'number' && Number.isInteger(bytes) && bytes > 0) out.set(subKey, bytes);
  }
  return out;
}

/**
 * `(sessionId, subKey) → bytes` for a long-running reader: a session's record is re-read when it changed, checked
 * at most every `ttlMs`, so a resume written while the sender runs is honoured within that time.
 */
export function restoredLookup(dataDir: string, ttlMs = 200): (sessionId: string, subKey: string) => number {
  const cache = new Map<string, { checkedAt: number; stamp: string; files: ReadonlyMap<string, number> }>();
  return (sessionId, subKey) => {
    const now = Date.now();
    let hit = cache.get(sessionId);
    if (!hit || now - hit.checkedAt >= ttlMs) {
      const stamp = statStamp(restoredPath(dataDir, sessionId));
      if (!hit || hit.stamp !== stamp) {
        hit = { checkedAt: now, stamp, files: stamp === '' ? new Map() : readRestored(dataDir, sessionId) };
        cache.set(sessionId, hit);
      } else hit.checkedAt = now;
    }
    return hit.files.get(subKey) ?? 0;
  };
}
