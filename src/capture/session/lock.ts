// A tiny cross-process lock (an exclusively created symlink) with stale-lock recovery and a short bounded wait.
import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readlinkSync,
  renameSync,
  symlinkSync,
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
 * The lock holds `pid host time nonce`, so a lock left by a killed process on this host is broken at once.
 *
 * It is a symlink whose target is that text: creating one is atomic and exclusive like O_EXCL, and the short
 * target lives in the inode, so taking and dropping the lock allocates and frees no data block. A regular lock
 * file costs a block free per hook, which is slow on ext4 mounted with `discard`. Where symlinks are not allowed
 * (Windows without privilege, some network file systems) it falls back to an O_EXCL file.
 */
export function acquireLock(path: string, opts: LockOptions): ReleaseLock | null {
  const token = `${process.pid} ${hostname()} ${Date.now()} ${Math.random().toString(36).slice(2)}`;
  const deadline = Date.now() + opts.waitMs;
  let delay = 1;
  let madeDir = false;
  for (;;) {
    try {
      createLock(path, token);
      return () => releaseLock(path, token);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !madeDir) {
        mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
        madeDir = true;
        continue;
      }
      if (code !== 'EEXIST') throw err;
    }
    if (breakIfStale(path, opts.staleMs)) continue;
    if (Date.now() >= deadline) return null;
    sleepSync(delay);
    delay = Math.min(delay * 2, 8);
  }
}

/** Throws EEXIST when the lock is held. */
function createLock(path: string, token: string): void {
  try {
    symlinkSync(token, path);
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
  }
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, token);
  } catch {
    // An empty lock still excludes others; staleness then falls back to its age.
  } finally {
    closeSync(fd);
  }
}

/** The lock's token, from the symlink target or (fallback) the file; throws ENOENT when there is no lock. */
function readLock(path: string): string {
  try {
    return readlinkSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EINVAL') throw err;
    return readFileSync(path, 'utf8');
  }
}

/**
 * The pid holding the lock at `path` when that process is alive on this host, else null: one readlink and a
 * signal 0, cheap enough for every hook (whether a sender or a live relay is running).
 */
export function lockHolderPid(path: string): number | null {
  let content: string;
  try {
    content = readLock(path);
  } catch {
    return null;
  }
  const [pidText, host] = content.split(' ');
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || host !== hostname()) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    // EPERM: alive, just not ours to signal.
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

function releaseLock(path: string, token: string): void {
  try {
    const content = readLock(path);
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
    content = readLock(path);
    ageMs = Date.now() - lstatSync(path).mtimeMs;
  } catch {
    return true;
  }
  if (ageMs < staleMs && !ownerIsDead(content)) return false;
  // Move it aside under a unique name first: of several processes breaking the same lock, one moves the stale one;
  // a later mover would move a fresh lock, notice from its content, and put it back.
  const aside = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return true;
  }
  let moved = '';
  try {
    moved = readLock(aside);
  } catch {
    // unreadable: treat as the stale one
  }
  if (moved !== content) {
    try {
      createLock(path, moved);
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
