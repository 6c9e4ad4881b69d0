// The hook's own log in the data dir (hook.log, rotated at 1 MB, two old files kept). Never throws.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { hookLogPath } from '../outbox/paths.js';

export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_KEEP = 2;

export interface HookLogEntry {
  level: 'warn' | 'error';
  event?: string;
  sessionId?: string;
  /** A BatonError code or errno: stable, greppable. */
  code?: string;
  message: string;
}

/** Appends one JSON line; returns false when even the log cannot be written (the data dir is unusable). */
export function appendHookLog(
  dataDir: string,
  entry: HookLogEntry,
  opts: { maxBytes?: number; keep?: number; now?: Date } = {},
): boolean {
  const path = hookLogPath(dataDir);
  const line = `${JSON.stringify({ ts: (opts.now ?? new Date()).toISOString(), pid: process.pid, ...entry })}\n`;
  try {
    rotateIfFull(path, opts.maxBytes ?? LOG_MAX_BYTES, opts.keep ?? LOG_KEEP);
    try {
      appendFileSync(path, line, { mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      appendFileSync(path, line, { mode: 0o600 });
    }
    return true;
  } catch {
    return false;
  }
}

/** hook.log → hook.log.1 → … → hook.log.<keep>; the oldest is overwritten. Races lose at most a few lines. */
function rotateIfFull(path: string, maxBytes: number, keep: number): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return;
  }
  if (size < maxBytes) return;
  for (let i = keep - 1; i >= 1; i--) {
    try {
      renameSync(`${path}.${i}`, `${path}.${i + 1}`);
    } catch {
      // that generation does not exist yet
    }
  }
  try {
    renameSync(path, keep >= 1 ? `${path}.1` : `${path}.old`);
  } catch {
    // another hook rotated first
  }
}
