// Reads the complete lines a transcript gained since a byte offset, as raw strings (no JSON parsing on the hot path).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Per hook and file: a backlog larger than this (a resumed old session) is copied over the next hooks. */
export const MAX_SWEEP_BYTES = 8 * 1024 * 1024;

export interface SweepResult {
  from: number;
  /** Offset just past the last complete line copied; the next sweep starts here. */
  to: number;
  lines: string[];
  /** Lines longer than the sweep window, skipped (byte ranges) so capture keeps moving. */
  skipped?: Array<{ from: number; to: number }>;
  /** The file is shorter than the saved offset (replaced or truncated): copying restarted at 0. */
  reset?: true;
  /**
   * Each line's byte offset in the file, set only when it cannot be derived from `from` and the lengths of `lines`
   * (a `\r` was cut, or blank lines left out): a line's offset is its key on the tracker's mirror when it has no uuid.
   */
  at?: number[];
}

/**
 * New complete lines of `path` from `offset`, or null when there is nothing new (or no file yet: transcripts are
 * written lazily). A trailing line without its newline is still being written and is left for the next sweep.
 */
export function sweepTranscript(
  path: string,
  offset: number,
  maxBytes = MAX_SWEEP_BYTES,
): SweepResult | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const size = fstatSync(fd).size;
    let from = offset;
    let reset = false;
    if (size < from) {
      from = 0;
      reset = true;
    }
    if (size === from) return null;
    const len = Math.min(size - from, maxBytes);
    const buf = readExactly(fd, from, len);
    const nl = buf.lastIndexOf(10);
    if (nl < 0) {
      if (len < maxBytes) return null;
      const end = findNewline(fd, from + len, size);
      if (end < 0) return null;
      return {
        from,
        to: end + 1,
        lines: [],
        skipped: [{ from, to: end + 1 }],
        ...(reset ? { reset: true } : {}),
      };
    }
    const lines: string[] = [];
    const raws = buf.toString('utf8', 0, nl).split('\n');
    let irregular = false;
    for (const raw of raws) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line !== raw) irregular = true;
      if (line.trim() !== '') lines.push(line);
      else irregular = true;
    }
    const at = irregular ? offsetsOf(raws, from) : undefined;
    return { from, to: from + nl + 1, lines, ...(at ? { at } : {}), ...(reset ? { reset: true } : {}) };
  } finally {
    closeSync(fd);
  }
}

/** The offsets of the non-blank lines among `raws` (the split text, each followed by one newline byte). */
function offsetsOf(raws: string[], from: number): number[] {
  const at: number[] = [];
  let pos = from;
  for (const raw of raws) {
    if (raw.trim() !== '') at.push(pos);
    pos += Buffer.byteLength(raw) + 1;
  }
  return at;
}

function readExactly(fd: number, position: number, len: number): Buffer {
  const buf = Buffer.allocUnsafe(len);
  let got = 0;
  while (got < len) {
    const n = readSync(fd, buf, got, len - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got === len ? buf : buf.subarray(0, got);
}

/** Offset of the first newline at or after `start`, or -1. Only used past an oversized line. */
function findNewline(fd: number, start: number, size: number): number {
  const chunk = Buffer.allocUnsafe(1024 * 1024);
  for (let pos = start; pos < size;) {
    const n = readSync(fd, chunk, 0, Math.min(chunk.length, size - pos), pos);
    if (n === 0) return -1;
    const i = chunk.subarray(0, n).indexOf(10);
    if (i >= 0) return pos + i;
    pos += n;
  }
  return -1;
}
