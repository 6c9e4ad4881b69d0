// Buffered synchronous output for exports: a temp file renamed into place (no partial files), or stdout.
import { closeSync, existsSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { BatonError } from '../core/errors.js';

export interface Sink {
  write(chunk: string): void;
  /** Flushes and moves the file into place. */
  commit(): void;
  /** Drops a partially written file. */
  abort(): void;
}

const FLUSH_BYTES = 1 << 20;

function writeAll(fd: number, buf: Buffer): void {
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off, buf.length - off);
    } catch (err) {
      // A non-blocking stdout pipe reports EAGAIN when the reader is slow: retry instead of losing output.
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    }
  }
}

function buffered(fd: number) {
  let parts: string[] = [];
  let size = 0;
  return {
    write(chunk: string) {
      parts.push(chunk);
      size += chunk.length;
      if (size >= FLUSH_BYTES) this.flush();
    },
    flush() {
      if (parts.length === 0) return;
      writeAll(fd, Buffer.from(parts.join(''), 'utf8'));
      parts = [];
      size = 0;
    },
  };
}

export function stdoutSink(): Sink {
  const out = buffered(1);
  return { write: (c) => out.write(c), commit: () => out.flush(), abort: () => out.flush() };
}

export function fileSink(target: string, opts: { force: boolean }): Sink {
  if (!opts.force && existsSync(target)) {
    throw new BatonError('already_exists', `${target} already exists; pass --force to overwrite it`);
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'w', 0o644);
  } catch (err) {
    throw new BatonError('io', `cannot write ${target}: ${(err as Error).message}`, { cause: err });
  }
  const out = buffered(fd);
  let closed = false;
  const close = () => {
    if (!closed) closeSync(fd);
    closed = true;
  };
  return {
    write: (c) => out.write(c),
    commit() {
      out.flush();
      close();
      if (opts.force) {
        renameSync(tmp, target);
        return;
      }
      // link() refuses to replace an existing file, so a file created meanwhile is never clobbered.
      try {
        linkSync(tmp, target);
      } catch (err) {
        unlinkSync(tmp);
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new BatonError('already_exists', `${target} already exists; pass --force to overwrite it`);
        }
        throw new BatonError('io', `cannot write ${target}: ${(err as Error).message}`, { cause: err });
      }
      unlinkSync(tmp);
    },
    abort() {
      close();
      try {
        unlinkSync(tmp);
      } catch {
        /* already gone */
      }
    },
  };
}
