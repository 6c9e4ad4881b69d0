// The one atomic file write: a unique temp file beside the target, renamed over it, so a reader never sees half a file.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface WriteAtomicOptions {
  /** File mode of the new file (default 0o600: Baton's files hold session data). */
  mode?: number;
  /** Mode of any directory created on the way (default 0o700). */
  dirMode?: number;
  /** fsync before the rename, for files whose loss after a crash would lose data (acks, config). Default false. */
  durable?: boolean;
}

let counter = 0;

/**
 * Writes `data` to `path` atomically. The temp name carries pid and a counter, so concurrent writers (hooks of
 * parallel sessions, the sender) never share a temp file; a failed write removes its temp file and rethrows.
 */
export function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  opts: WriteAtomicOptions = {},
): void {
  mkdirSync(dirname(path), { recursive: true, mode: opts.dirMode ?? 0o700 });
  const tmp = `${path}.${process.pid}.${++counter}.tmp`;
  try {
    const fd = openSync(tmp, 'w', opts.mode ?? 0o600);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      if (opts.durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
