// Buffered file output written on the libuv thread pool: encoding the next megabyte of an export overlaps the
// kernel copying the previous one into the file, instead of the main thread blocking in writeSync.
import { write as fsWrite } from 'node:fs';

/** Output is encoded straight into reused buffers of this size; a full one is handed to a positional write. */
const BUFFER_BYTES = 1 << 20;
/** A UTF-16 code unit never takes more than 3 bytes of UTF-8 (a surrogate pair takes 4 for its 2 units). */
const MAX_BYTES_PER_UNIT = 3;
/** Buffers allowed in flight before the producer is asked to wait (see ready()). */
const MAX_IN_FLIGHT = 4;

export interface AsyncFileWriter {
  /** Buffers `chunk`; throws the first write error seen so far. */
  write(chunk: string): void;
  /** A promise to await before producing more output when too many buffers are in flight; else undefined. */
  ready(): Promise<void> | undefined;
  /** Writes what is buffered and waits for every write; rejects with the first write error. */
  finish(): Promise<void>;
  /** Waits for the writes in flight, ignoring their errors (before deleting a file that is being abandoned). */
  settle(): Promise<void>;
}

export function createAsyncFileWriter(fd: number): AsyncFileWriter {
  const free: Buffer[] = [];
  let buf: Buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;
  let position = 0;
  let inFlight = 0;
  let error: Error | undefined;
  let waiters: Array<() => void> = [];

  const wake = (): void => {
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve();
  };
  const completion = (): Promise<void> => new Promise<void>((resolve) => waiters.push(resolve));

  /** Writes `len` bytes of `b` at the current end of the file. Positional, so writes may complete in any order. */
  const dispatch = (b: Buffer, len: number, pooled: boolean): void => {
    const at = position;
    position += len;
    inFlight++;
    const done = (err: Error | null): void => {
      if (err) error ??= err;
      inFlight--;
      if (pooled) free.push(b);
      wake();
    };
    const from = (off: number): void => {
      fsWrite(fd, b, off, len - off, at + off, (err, n) => {
        if (err) return done(err);
        if (n === 0) return done(new Error('write made no progress'));
        if (off + n < len) return from(off + n); // short write: finish this buffer before releasing it
        done(null);
      });
    };
    from(0);
  };

  const flush = (): void => {
    if (used === 0) return;
    dispatch(buf, used, true);
    buf = free.pop() ?? Buffer.allocUnsafe(BUFFER_BYTES);
    used = 0;
  };

  const settle = async (): Promise<void> => {
    while (inFlight > 0) await completion();
  };

  return {
    write(chunk) {
      if (error) throw error;
      const worst = chunk.length * MAX_BYTES_PER_UNIT;
      if (worst > BUFFER_BYTES - used) {
        flush();
        if (worst > BUFFER_BYTES) {
          const own = Buffer.from(chunk, 'utf8');
          dispatch(own, own.length, false);
          return;
        }
      }
      used += buf.write(chunk, used, 'utf8');
    },
    ready() {
      if (error) return Promise.reject(error);
      return inFlight < MAX_IN_FLIGHT ? undefined : completion();
    },
    async finish() {
      if (error) throw error;
      flush();
      await settle();
      if (error) throw error;
    },
    settle,
  };
}
