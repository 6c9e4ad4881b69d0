// A tiny cross-process lock file (O_EXCL create) with stale-lock recovery and a short, bounded synchronous wait.
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { sleepSync } from './sleep-sync.js';

export interface LockOptions {
  /** Give up after this long; the caller decides what to do without the lock. */
  waitMs: number;
  /** A lock older than this is considered abandoned even if its owner looks alive. */
  staleMs: number;
}

export type ReleaseLock = () => void;

/**
 * Takes the lock at `path` (creating its directory, mode 0700, when missing), or returns null after `waitMs`.
 * The file holds `pid host time nonce`, so a lock left by a killed process on this host is broken at once.
 */
export function acquireLock(path: string, opts: LockOptions): ReleaseLock | null {
  const token = `${process.pid} ${hostname()} ${Date.now()} ${Math.random().toString(36).slice(2)}`;
  const deadline = Date.now() + opts.waitMs;
  let delay = 1;
  let madeDir = false;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !madeDir) {
        mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
        madeDir = true;
        continue;
      }
      if (code !== 'EEXIST') throw err;
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, token);
      } catch {
        // An empty lock still excludes others; staleness then falls back to its age.
      } finally {
        closeSync(fd);
      }
      return () => releaseLock(path, token);
    }
    if (breakIfStale(path, opts.staleMs)) continue;
    if (Date.now() >= deadline) return null;
    sleepSync(delay);
    delay = Math.min(delay * 2, 8);
  }
}

function releaseLock(path: string, token: string): void {
  try {
    const content = readFileSync(path, 'utf8');
    // Someone judged us stale and took over: their lock is not ours to remove.
    if (content !== token && content !== '') return;
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/** True when the lock is gone or was removed as stale (retry now); false when it is live. */
function breakIfStale(path: string, staleMs: number): boolean {
  let content: string;
  let ageMs: number;
  try {
    content = readFileSync(path, 'utf8');
    ageMs = Date.now() - statSync(path).mtimeMs;
  } catch {
    return true;
  }
  if (ageMs < staleMs && !ownerIsDead(content)) return false;
  // Move it aside under a unique name first: of several processes breaking the same lock, one moves the stale file;
  // a later mover would move a fresh lock, notice from its content, and put it back.
  const aside = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return true;
  }
  let moved = '';
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    // unreadable: treat as the stale one
  }
  if (moved !== content) {
    try {
      linkSync(aside, path);
    } catch {
      // a third process already holds a new lock
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // gone
  }
  return moved === content;
}

function ownerIsDead(content: string): boolean {
  const [pidText, host] = content.split(' ');
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || host !== hostname()) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
