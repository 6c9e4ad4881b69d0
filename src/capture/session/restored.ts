// Transcript files `baton resume` wrote from the tracker's copy: their first bytes are lines the tracker already holds.
// The sender does not mirror those lines back: on this machine they sit at other byte offsets (another checkout path
// is written into every record's cwd), so a uuid-less line would be keyed anew and stored twice.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../../core/fs/write-atomic.js';
import { isSafeSessionId } from '../outbox/paths.js';

/** Transcript path → how many of its first bytes came from the tracker. */
export type RestoredFiles = ReadonlyMap<string, number>;

const restoredPath = (dataDir: string, sessionId: string): string =>
  join(dataDir, 'restored', `${sessionId}.json`);

/** Records what a resume wrote (replacing what an earlier resume of the session recorded for the same files). */
export function recordRestored(
  dataDir: string,
  sessionId: string,
  files: ReadonlyArray<{ path: string; bytes: number }>,
): void {
  if (!isSafeSessionId(sessionId)) return;
  const all: Record<string, number> = Object.fromEntries(readRestored(dataDir, sessionId));
  for (const f of files) all[resolve(f.path)] = f.bytes;
  writeFileAtomic(restoredPath(dataDir, sessionId), JSON.stringify({ v: 1, files: all }));
}

/** What resumes wrote for a session; empty when none did (or the record cannot be read: then lines are sent). */
export function readRestored(dataDir: string, sessionId: string): RestoredFiles {
  const out = new Map<string, number>();
  if (!isSafeSessionId(sessionId)) return out;
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(restoredPath(dataDir, sessionId), 'utf8'));
  } catch {
    return out;
  }
  // Checked by hand: the sender reads it (no zod in the capture path).
  const files = (v as { files?: unknown } | null)?.files;
  if (files === null || typeof files !== 'object') return out;
  for (const [path, bytes] of Object.entries(files)) {
    if (typeof bytes === 'number' && Number.isInteger(bytes) && bytes > 0) out.set(path, bytes);
  }
  return out;
}
