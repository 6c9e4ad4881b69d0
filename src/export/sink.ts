// Where an export's bytes go: a temp file moved into place (no partial files, no clobbering), stdout, or a string.
// Not writeFileAtomic (src/core/fs/write-atomic.ts): an export streams chunk by chunk in bounded memory, and without
// --force it must never replace a file created meanwhile (link(), not rename()); that helper takes the whole content
// and always renames.
import { closeSync, existsSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { BatonError } from '../core/errors.js';

export interface Sink {
  write(chunk: string): void;
  /** Binary output (PDF, Word): written through, after whatever text is buffered. */
  bytes(chunk: Uint8Array): void;
  /** Flushes and moves the file into place. */
  commit(): void;
  /** Drops a partially written file. */
  abort(): void;
}

/** Output is encoded straight into one reused buffer of this size and written when it is nearly full. */
const BUFFER_BYTES = 1 << 20;
/** A UTF-16 code unit never takes more than 3 bytes of UTF-8 (a surrogate pair takes 4 for its 2 units). */
const MAX_BYTES_PER_UNIT = 3;

function writeAll(fd: number, buf: Buffer, len = buf.length): void {
  let off = 0;
  while (off < len) {
    try {
      off += writeSync(fd, buf, off, len - off);
    } catch (err) {
      // A non-blocking stdout pipe reports EAGAIN when the reader is slow: retry instead of losing output.
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    }
  }
}

/**
 * Encodes each chunk directly into a reused buffer: no joined string, no Buffer per flush, one encoding pass.
 * A chunk too big for the buffer is encoded on its own and written through.
 */
function buffered(fd: number) {
  const buf = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;
  const flush = (): void => {
    if (used > 0) writeAll(fd, buf, used);
    used = 0;
  };
  return {
    write(chunk: string): void {
      const worst = chunk.length * MAX_BYTES_PER_UNIT;
      if (worst > BUFFER_BYTES - used) {
        flush();
        if (worst > BUFFER_BYTES) {
          writeAll(fd, Buffer.from(chunk, 'utf8'));
          return;
        }
      }
      used += buf.write(chunk, used, 'utf8');
    },
    bytes(chunk: Uint8Array): void {
      flush();
      writeAll(fd, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    },
    flush,
  };
}

/** Collects the export in memory, for callers that return it rather than write it (tests, tools). */
export function stringSink(): Sink & { text(): string } {
  const chunks: string[] = [];
  let text: string | null = null;
  return {
    write: (c) => void chunks.push(c),
    bytes: () => {
      throw new BatonError('invalid_input', 'a PDF or Word export needs a file (or stdout), not a string');
    },
    commit: () => void (text = chunks.join('')),
    abort: () => void (chunks.length = 0),
    text: () => text ?? chunks.join(''),
  };
}

export function stdoutSink(): Sink {
  const out = buffered(1);
  return {
    write: (c) => out.write(c),
    bytes: (c) => out.bytes(c),
    commit: () => out.flush(),
    abort: () => out.flush(),
  };
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
    bytes: (c) => out.bytes(c),
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
