// Streams JSONL records from a transcript in bounded memory: byte-level line splitting with exact byte offsets.
import { open, type FileHandle } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { BatonError } from '../errors.js';
import type { ReadStats } from '../model/session.js';
import { createReadStats } from './read-stats.js';
import type { Obj } from './guards.js';

export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;
// 512 KiB keeps a batch's parsed records small: with 2 MiB, an export's peak RSS was ~50 MB higher, no faster.
const DEFAULT_CHUNK_BYTES = 512 * 1024;
const NEWLINE = 0x0a;

export interface ReadRecordsOptions {
  /** Byte offset to start at; must be the start of a line (a `nextOffset` from an earlier read). */
  fromOffset?: number;
  /** Lines longer than this are skipped without being buffered whole, and counted in `stats.hugeLines`. */
  maxLineBytes?: number;
  /** Counters to fill in; pass the same object across files to aggregate. */
  stats?: ReadStats;
  /** Read size; tests use tiny values to exercise lines that straddle reads. */
  chunkBytes?: number;
}

export interface RecordItem {
  record: Obj;
  /** Byte offset of the record's first byte. */
  offset: number;
  /** Byte offset just after the record's line (after its newline). */
  endOffset: number;
}

export interface ReadResult {
  /** Where the next incremental read should start: just after the last complete line. */
  nextOffset: number;
}

function checkOptions(opts: ReadRecordsOptions): { from: number; maxLine: number; chunk: number } {
  const from = opts.fromOffset ?? 0;
  const maxLine = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const chunk = opts.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (!Number.isSafeInteger(from) || from < 0) {
    throw new BatonError('invalid_input', `fromOffset must be a non-negative integer, got ${String(from)}`);
  }
  if (!Number.isSafeInteger(maxLine) || maxLine < 1) {
    throw new BatonError('invalid_input', `maxLineBytes must be a positive integer, got ${String(maxLine)}`);
  }
  if (!Number.isSafeInteger(chunk) || chunk < 1) {
    throw new BatonError('invalid_input', `chunkBytes must be a positive integer, got ${String(chunk)}`);
  }
  return { from, maxLine, chunk };
}

async function openTranscript(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BatonError('not_found', `transcript not found: ${path}`, { cause });
    throw new BatonError('io', `cannot open transcript ${path}: ${String(code ?? cause)}`, { cause });
  }
}

/**
 * Reads records in batches (one batch per read chunk) so hot callers pay one await per chunk, not per line.
 * Returns `{ nextOffset }` when done. An unterminated last line is consumed only when it already parses as a
 * complete JSON object (nothing can be appended to a complete object and keep it valid); otherwise it is
 * left for the next read and flagged with `stats.truncatedTail`.
 */
export async function* readRecordBatches(
  path: string,
  opts: ReadRecordsOptions = {},
): AsyncGenerator<RecordItem[], ReadResult, void> {
  const { from, maxLine, chunk } = checkOptions(opts);
  const stats = opts.stats ?? createReadStats();
  const fh = await openTranscript(path);
  try {
    const size = (await fh.stat()).size;
    if (from > size) {
      throw new BatonError(
        'conflict',
        `offset ${from} is beyond the end of ${path} (${size} bytes): was it rewritten?`,
        {
          details: { fromOffset: from, size },
        },
      );
    }
    const buf = Buffer.allocUnsafe(chunk);
    let filePos = from;
    let lineStart = from; // absolute offset of the line being assembled
    let pending: Buffer[] = [];
    let pendingLen = 0;
    let skipping = false; // inside a line already known to exceed maxLine
    let batch: RecordItem[] = [];

    const handleLine = (bytes: Buffer, s: number, e: number, offset: number, utf8Known: boolean): void => {
      if (!utf8Known && !isUtf8(bytes.subarray(s, e))) stats.invalidUtf8Lines++;
      let text = bytes.toString('utf8', s, e); // invalid sequences decode to U+FFFD
      if (offset === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const rec = parseObject(text, stats);
      if (rec !== undefined) batch.push({ record: rec, offset, endOffset: offset + (e - s) + 1 });
    };

    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, chunk, filePos);
      if (bytesRead === 0) break;
      const chunkStart = filePos;
      filePos += bytesRead;
      const view = buf.subarray(0, bytesRead);
      // Newlines never occur inside a multi-byte UTF-8 sequence, so the whole lines of this chunk can be
      // validated in one SIMD pass; per-line checks happen only when that region has a bad byte somewhere.
      const firstNl = view.indexOf(NEWLINE);
      const lastNl = firstNl === -1 ? -1 : view.lastIndexOf(NEWLINE);
      const regionValid = firstNl !== -1 && isUtf8(view.subarray(firstNl + 1, lastNl));
      let i = 0;
      for (;;) {
        const nl = i <= lastNl ? view.indexOf(NEWLINE, i) : -1;
        if (nl === -1) {
          const rest = bytesRead - i;
          if (skipping) break;
          if (pendingLen + rest > maxLine) {
            skipping = true;
            pending = [];
            pendingLen = 0;
          } else if (rest > 0) {
            pending.push(Buffer.from(view.subarray(i))); // copy: `buf` is reused by the next read
            pendingLen += rest;
          }
          break;
        }
        const len = pendingLen + (nl - i);
        if (skipping || len > maxLine) {
          stats.hugeLines++;
        } else if (pendingLen > 0) {
          pending.push(view.subarray(i, nl));
          const line = Buffer.concat(pending, len);
          handleLine(line, 0, len, lineStart, false);
        } else if (nl > i) {
          handleLine(view, i, nl, lineStart, regionValid && i > firstNl);
        }
        skipping = false;
        pending = [];
        pendingLen = 0;
        lineStart = chunkStart + nl + 1;
        i = nl + 1;
      }
      if (batch.length > 0) {
        const out = batch;
        batch = [];
        yield out;
      }
    }

    let nextOffset = lineStart;
    if (skipping) {
      stats.truncatedTail = true; // an over-long line still being written, or cut off: not consumed
    } else if (pendingLen > 0) {
      const tail = Buffer.concat(pending, pendingLen);
      const text = tail.toString('utf8');
      if (text.trim() === '') {
        nextOffset = lineStart + pendingLen;
      } else if (isCompleteObject(text)) {
        handleLine(tail, 0, pendingLen, lineStart, false);
        nextOffset = lineStart + pendingLen;
      } else {
        stats.truncatedTail = true;
      }
    }
    if (batch.length > 0) yield batch;
    return { nextOffset };
  } finally {
    await fh.close();
  }
}

/** Record-at-a-time view of `readRecordBatches`; the generator's return value carries `nextOffset`. */
export async function* readRecords(
  path: string,
  opts: ReadRecordsOptions = {},
): AsyncGenerator<RecordItem, ReadResult, void> {
  const gen = readRecordBatches(path, opts);
  for (;;) {
    const step = await gen.next();
    if (step.done) return step.value;
    for (const item of step.value) yield item;
  }
}

function parseObject(text: string, stats: ReadStats): Obj | undefined {
  const c = text.charCodeAt(0);
  if (c <= 0x20 && text.trim() === '') return undefined; // blank line: not a record, not an error
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    stats.malformedLines++;
    return undefined;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    stats.malformedLines++;
    return undefined;
  }
  stats.records++;
  return v as Obj;
}

function isCompleteObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}
