// Is a sender running for this data dir? Read from its lock (`pid host time nonce`): one readlink and a signal 0.
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

/** The pid holding the lock at `lockPath` when that process is alive on this host, else null. */
export function lockHolderPid(lockPath: string): number | null {
  let content: string;
  try {
    content = readlinkSync(lockPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EINVAL') return null;
    try {
      content = readFileSync(lockPath, 'utf8'); // the O_EXCL-file fallback of session-lock
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
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}
