// Is this session's live relay running? Read from its lock (`pid host time nonce`), cheap enough for every hook.
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

/** The pid holding the relay lock at `lockPath`, when that process is alive on this host; else null. */
export function liveRelayPid(lockPath: string): number | null {
  let content: string;
  try {
    content = readlinkSync(lockPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL') return null;
    // The O_EXCL-file fallback of session-lock (no symlinks on this file system).
    try {
      content = readFileSync(lockPath, 'utf8');
    } catch {
      return null;
    }
  }
  const [pidText, host] = content.split(' ');
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || host !== hostname()) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    // EPERM: alive but not ours to signal. Still alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}
