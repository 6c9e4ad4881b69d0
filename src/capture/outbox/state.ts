// The per-session state beside an outbox (last seq, outbox size, transcript offsets), and its repair from the outbox.
import { closeSync, constants, fstatSync, openSync, readSync, writeSync } from 'node:fs';

export interface OutboxState {
  v: 1;
  /** Last seq written; the next record gets seq + 1. */
  seq: number;
  /** Outbox size after our last complete write: any other size means a write was interrupted (or compacted). */
  bytes: number;
  /** Transcript path → byte offset copied so far. */
  offsets: Record<string, number>;
}

export const emptyState = (): OutboxState => ({ v: 1, seq: 0, bytes: 0, offsets: {} });

/** The state file, open for the lock holder: read once, rewritten in place once. */
export interface StateFile {
  fd: number;
  /** null when missing, empty or unreadable: reconcileState rebuilds it from the outbox. */
  state: OutboxState | null;
  /** Current file length: a shorter rewrite is padded to it, so the file never needs truncating. */
  length: number;
}

/** Opens (creating, 0600) and parses the state file. Callers hold the session lock and close `fd`. */
export function openState(path: string): StateFile {
  const fd = openSync(path, constants.O_RDWR | constants.O_CREAT, 0o600);
  try {
    const length = fstatSync(fd).size;
    const buf = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const n = readSync(fd, buf, got, length - got, got);
      if (n === 0) break;
      got += n;
    }
    return { fd, state: parseState(buf.toString('utf8', 0, got)), length };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/**
 * Rewrites the state in place with one positioned write, padded with spaces (valid JSON whitespace) to the old
 * length. In place, not temp file + rename: freeing the old file's block on every hook is slow on ext4 with
 * `discard`, and a torn state is harmless anyway — it fails to parse, and reconcileState rebuilds it.
 */
export function saveState(file: StateFile, state: OutboxState): void {
  const buf = Buffer.from(JSON.stringify(state).padEnd(file.length, ' '));
  writeSync(file.fd, buf, 0, buf.length, 0);
  file.length = Math.max(file.length, buf.length);
}

export function parseState(text: string): OutboxState | null {
  if (text.trim() === '') return null;
  try {
    const s = JSON.parse(text) as Partial<OutboxState> | null;
    if (
      !s ||
      s.v !== 1 ||
      !isCount(s.seq) ||
      !isCount(s.bytes) ||
      !s.offsets ||
      typeof s.offsets !== 'object'
    ) {
      return null;
    }
    const offsets: Record<string, number> = {};
    for (const [k, v] of Object.entries(s.offsets)) if (isCount(v)) offsets[k] = v;
    return { v: 1, seq: s.seq, bytes: s.bytes, offsets };
  } catch {
    return null;
  }
}

const SEQ_PREFIX = /^\{"seq":(\d+)/;

/**
 * Makes the state agree with an outbox of `size` bytes readable through `fd`. When the sizes match (the normal
 * case) nothing is read. Otherwise the outbox part the state does not cover is scanned: complete records raise
 * seq and transcript offsets; a torn record (a failed write) only burns its seq, and its range is copied again.
 */
export function reconcileState(
  state: OutboxState | null,
  fd: number,
  size: number,
): { state: OutboxState; needsNewline: boolean } {
  if (state && state.bytes === size) return { state, needsNewline: false };
  const next: OutboxState = state ? { ...state, offsets: { ...state.offsets } } : emptyState();
  const start = state && state.bytes < size ? state.bytes : 0;
  let needsNewline = false;
  scanLines(fd, start, size, (line, complete) => {
    const prefix = SEQ_PREFIX.exec(line);
    if (prefix) next.seq = Math.max(next.seq, Number(prefix[1]));
    if (!complete) {
      needsNewline = true;
      return;
    }
    const rec = tryParse(line);
    if (rec && isCount(rec.seq)) next.seq = Math.max(next.seq, rec.seq);
    if (rec && rec.k === 'records' && typeof rec.path === 'string' && isCount(rec.to)) {
      // A reset copy (the file was replaced: shorter, or rewritten by a resume) starts over: its end is the offset.
      next.offsets[rec.path] = rec.reset === true ? rec.to : Math.max(next.offsets[rec.path] ?? 0, rec.to);
    }
  });
  next.bytes = size;
  return { state: next, needsNewline };
}

function scanLines(
  fd: number,
  start: number,
  end: number,
  onLine: (line: string, complete: boolean) => void,
): void {
  const chunk = Buffer.allocUnsafe(1024 * 1024);
  let carry: Buffer[] = [];
  for (let pos = start; pos < end;) {
    const n = readSync(fd, chunk, 0, Math.min(chunk.length, end - pos), pos);
    if (n === 0) break;
    pos += n;
    let from = 0;
    for (let i = chunk.indexOf(10, 0); i >= 0 && i < n; i = chunk.indexOf(10, from)) {
      const piece = chunk.subarray(from, i);
      onLine(carry.length ? Buffer.concat([...carry, piece]).toString('utf8') : piece.toString('utf8'), true);
      carry = [];
      from = i + 1;
    }
    if (from < n) carry.push(Buffer.from(chunk.subarray(from, n)));
  }
  if (carry.length) onLine(Buffer.concat(carry).toString('utf8'), false);
}

function tryParse(line: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(line);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}
