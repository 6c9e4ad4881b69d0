// The one atomic file write: a unique temp file beside the target, renamed over it, so a reader never sees half a file.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
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

/** A file written piece by piece into its temp file, then put in place whole by `commit` (or dropped by `abort`). */
export interface AtomicFile {
  /** The target path. */
  readonly path: string;
  /** Bytes written so far. */
  readonly bytes: number;
  write(data: string | Uint8Array): Promise<void>;
  /** fsync, close and rename over the target: a reader sees the old file or the whole new one, never a part. */
  commit(): Promise<void>;
  /** Closes and removes the temp file; the target is untouched. Safe to call twice or after commit. */
  abort(): Promise<void>;
}

/**
 * The streaming form of writeFileAtomic, for files too large to hold in memory (a resumed transcript): same temp
 * name rule, same modes; `commit` is durable, as the file may be the only copy on this machine.
 */
export async function openAtomicFile(path: string, opts: WriteAtomicOptions = {}): Promise<AtomicFile> {
  await mkdir(dirname(path), { recursive: true, mode: opts.dirMode ?? 0o700 });
  const tmp = `${path}.${process.pid}.${++counter}.tmp`;
  const fh = await open(tmp, 'w', opts.mode ?? 0o600);
  let bytes = 0;
  let state: 'open' | 'committed' | 'aborted' = 'open';
  return {
    path,
    get bytes() {
      return bytes;
    },
    async write(data) {
      const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let off = 0;
      while (off < buf.length) off += (await fh.write(buf, off, buf.length - off)).bytesWritten;
      bytes += buf.length;
    },
    async commit() {
      if (state !== 'open') throw new Error(`atomic file ${path} is already ${state}`);
      try {
        await fh.sync();
        await fh.close();
        await rename(tmp, path);
        state = 'committed';
      } catch (err) {
        state = 'aborted';
        await fh.close().catch(() => undefined);
        await rm(tmp, { force: true });
        throw err;
      }
    },
    async abort() {
      if (state !== 'open') return;
      state = 'aborted';
      await fh.close().catch(() => undefined);
      await rm(tmp, { force: true });
    },
  };
}
