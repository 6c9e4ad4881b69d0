// Stops a detached sender a test started (by its lock's pid) and waits until it has let go of the data dir.
import { lockHolderPid } from '../../src/capture/session/lock.js';
import { senderPaths } from '../../src/capture/delivery/sender/paths.js';

export async function stopSender(dataDir: string): Promise<void> {
  const lock = senderPaths(dataDir).lock;
  const pid = lockHolderPid(lock);
  if (!pid) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 50 && lockHolderPid(lock); i++) await new Promise((r) => setTimeout(r, 100));
}
