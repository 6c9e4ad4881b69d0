// Stops the detached processes a sandbox's hooks started (sender, live relays) before the sandbox is removed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockHolderPid } from '../../../src/capture/session/lock.js';
import { senderPaths } from '../../../src/capture/delivery/sender/paths.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A lock pid alone is not enough: a sender spawned by the last SessionEnd hook may still be booting (no lock yet)
 * when the test tears down, then takes the lock and writes into a directory being removed (ENOTEMPTY), outliving
 * the test. Both hooks spawn `node <bundle> … --data-dir <dataDir>`, so on Linux the process list finds them from
 * their first instant; lock holders cover other systems. Keeps looking until nothing was found for `quietMs`.
 */
export async function stopDetached(
  dataDir: string,
  opts: { quietMs?: number; timeoutMs?: number } = {},
): Promise<void> {
  const quietMs = opts.quietMs ?? 1000;
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  const signalled = new Map<number, number>();
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    const pids = detachedPids(dataDir);
    if (pids.length === 0) {
      if (Date.now() - quietSince >= quietMs) return;
    } else {
      quietSince = Date.now();
      for (const pid of pids) {
        const first = signalled.get(pid);
        if (first === undefined) signalled.set(pid, Date.now());
        // SIGTERM first (the sender saves its ack and status); SIGKILL if it is still there 5 s later.
        kill(pid, first !== undefined && Date.now() - first > 5000 ? 'SIGKILL' : 'SIGTERM');
      }
    }
    await sleep(100);
  }
  for (const pid of detachedPids(dataDir)) kill(pid, 'SIGKILL');
}

function detachedPids(dataDir: string): number[] {
  const pids = new Set<number>();
  const sender = lockHolderPid(senderPaths(dataDir).lock);
  if (sender) pids.add(sender);
  const liveDir = join(dataDir, 'live');
  for (const name of safeReaddir(liveDir)) {
    if (!name.endsWith('.relay.lock')) continue;
    const pid = lockHolderPid(join(liveDir, name));
    if (pid) pids.add(pid);
  }
  for (const entry of safeReaddir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone, or not ours to read
    }
    const i = argv.indexOf('--data-dir');
    if (i > 0 && argv[i + 1] === dataDir) pids.add(Number(entry));
  }
  return [...pids];
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}
