// The session lock: exclusion, bounded wait, and recovery from locks left by dead or stuck processes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { acquireLock } from '../../src/capture/session/lock.js';

let root: string;
let lock: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'baton-lock-'));
  lock = join(root, 'nested', 's.lock');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const opts = { waitMs: 0, staleMs: 60_000 };

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

/** Leaves a lock as another process would: a symlink (the normal form) or a plain file (the fallback form). */
function plant(content: string, form: 'symlink' | 'file' = 'symlink'): void {
  mkdirSync(join(root, 'nested'), { recursive: true });
  rmSync(lock, { force: true });
  if (form === 'symlink') symlinkSync(content, lock);
  else writeFileSync(lock, content);
}

describe('acquireLock', () => {
  it('creates the lock (and its dir), excludes a second taker, and releases', () => {
    const release = acquireLock(lock, opts);
    expect(release).toBeTypeOf('function');
    expect(lstatSync(lock).isSymbolicLink()).toBe(true);
    expect(readlinkSync(lock)).toMatch(new RegExp(`^${process.pid} ${hostname()} `));
    expect(acquireLock(lock, opts)).toBeNull();
    release!();
    expect(existsSync(lock)).toBe(false);
    const again = acquireLock(lock, opts);
    expect(again).toBeTypeOf('function');
    again!();
  });

  it.each(['symlink', 'file'] as const)('breaks a %s lock whose owner process is dead, at once', (form) => {
    plant(`${deadPid()} ${hostname()} ${Date.now()} x`, form);
    const release = acquireLock(lock, opts);
    expect(release).toBeTypeOf('function');
    release!();
    expect(existsSync(lock)).toBe(false);
  });

  it('does not break a fresh lock of a live owner, but breaks it once older than staleMs', () => {
    plant(`${process.ppid} ${hostname()} ${Date.now()} x`, 'file');
    expect(acquireLock(lock, opts)).toBeNull();
    const old = (Date.now() - 120_000) / 1000;
    utimesSync(lock, old, old);
    const release = acquireLock(lock, opts);
    expect(release).toBeTypeOf('function');
    release!();
  });

  it('treats a lock from another host as live until it is stale', () => {
    plant(`${deadPid()} not-${hostname()} ${Date.now()} x`);
    expect(acquireLock(lock, opts)).toBeNull();
  });

  it('release leaves alone a lock someone else took over', () => {
    const release = acquireLock(lock, opts)!;
    plant('someone else', 'file');
    release();
    expect(readFileSync(lock, 'utf8')).toBe('someone else');
  });
});
