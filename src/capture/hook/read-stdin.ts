// Reads the whole hook payload from stdin synchronously (hooks get a pipe that Claude Code closes after writing).
import { readSync } from 'node:fs';
import { sleepSync } from '../session/sleep-sync.js';

/** Stdin may be a non-blocking pipe (EAGAIN): retry briefly, but never wait past `maxWaitMs` for silence. */
export function readStdinSync(fd = 0, maxWaitMs = 2000): string {
  const chunks: Buffer[] = [];
  const buf = Buffer.allocUnsafe(64 * 1024);
  let waited = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EOF') break;
      if (code !== 'EAGAIN' || waited >= maxWaitMs) throw err;
      sleepSync(2);
      waited += 2;
      continue;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}
