// The session lock: exclusion, bounded wait, and recovery from locks left by dead or stuck processes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { acquireLock } from '../../src/capture/session-lock.js';

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

describe('acquireLock', () => {
  it('creates the lock (and its dir), excludes a second taker, and releases', () => {
    const release = acquireLock(lock, opts);
    expect(release).toBeTypeOf('function');
    expect(readFileSync(lock, 'utf8')).toMatch(new RegExp(`^${process.pid} `));
    expect(acquireLock(lock, opts)).toBeNull();
    release!();
    expect(existsSync(lock)).toBe(false);
    const again = acquireLock(lock, opts);
    expect(again).toBeTypeOf('function');
    again!();
  });

  it('breaks a lock whose owner process is dead, at once', () => {
    acquireLock(lock, opts)!; // creates the dir
    writeFileSync(lock, `${deadPid()} ${hostname()} ${Date.now()} x`);
    const release = acquireLock(lock, opts);
    expect(release).toBeTypeOf('function');
    release!();
  });

  it('does not break a fresh lock of a live owner, but breaks it once older than staleMs', () => {
    acquireLock(lock, opts)!;
    writeFileSync(lock, `${process.ppid} ${hostname()} ${Date.now()} x`);
    expect(acquireLock(lock, opts)).toBeNull();
    const old = (Date.now() - 120_000) / 1000;
    utimesSync(lock, old, old);
    const release = acquireLock(lock, opts);
    expect(release).toBeTypeOf('function');
    release!();
  });

  it('treats a lock from another host as live until it is stale', () => {
    acquireLock(lock, opts)!;
    writeFileSync(lock, `${deadPid()} not-${hostname()} ${Date.now()} x`);
    expect(acquireLock(lock, opts)).toBeNull();
  });

  it('release leaves alone a lock someone else took over', () => {
    const release = acquireLock(lock, opts)!;
    writeFileSync(lock, 'someone else');
    release();
    expect(readFileSync(lock, 'utf8')).toBe('someone else');
  });
});
