// Reads a session's outbox for the background sender: records from a seq on, validated, in batches.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { outboxDir, outboxPaths } from './paths.js';
import { OutboxRecord } from './schema.js';
import { spilledSessions } from './spill.js';

export interface ReadOutboxOptions {
  /** Return records with seq >= fromSeq (default 1). */
  fromSeq?: number;
  /** Stop after this many records (default: all). */
  limit?: number;
  /**
   * Byte offset to start scanning at, from an earlier result's `nextByte`: skips re-reading the file head. Ignored
   * when past the end of the file (the outbox was compacted).
   */
  fromByte?: number;
}

export interface ReadOutboxResult {
  records: OutboxRecord[];
  /** Complete lines that were not JSON or did not match the schema (skipped, counted). */
  invalid: number;
  /** Seq of the last record returned, or fromSeq - 1 when none. */
  lastSeq: number;
  /** Byte offset just past the last complete line consumed: pass it back as `fromByte`. */
  nextByte: number;
  /** False when `limit` cut the read short. */
  done: boolean;
}

const SEQ_PREFIX = /^\{"seq":(\d+)/;

/** Reads `<dataDir>/outbox/<sessionId>.jsonl`. A missing outbox reads as empty. A line still being written is left. */
export async function readOutbox(
  dataDir: string,
  sessionId: string,
  opts: ReadOutboxOptions = {},
): Promise<ReadOutboxResult> {
  const fromSeq = opts.fromSeq ?? 1;
  const limit = opts.limit ?? Infinity;
  const path = outboxPaths(dataDir, sessionId).outbox;
  const result: ReadOutboxResult = { records: [], invalid: 0, lastSeq: fromSeq - 1, nextByte: 0, done: true };
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return result;
  }
  const start = opts.fromByte !== undefined && opts.fromByte <= size ? opts.fromByte : 0;
  result.nextByte = start;
  if (start >= size) return result;
  let pos = start;
  let carry: Buffer[] = [];
  const stream = createReadStream(path, { start, end: size - 1, highWaterMark: 1024 * 1024 });
  try {
    outer: for await (const chunk of stream as AsyncIterable<Buffer>) {
      let from = 0;
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, from)) {
        const piece = carry.length
          ? Buffer.concat([...carry, chunk.subarray(from, i)])
          : chunk.subarray(from, i);
        const line = piece.toString('utf8');
        carry = [];
        pos += piece.length + 1;
        from = i + 1;
        if (take(line, fromSeq, result)) {
          result.nextByte = pos;
          if (result.records.length >= limit) {
            result.done = false;
            break outer;
          }
        } else {
          result.nextByte = pos;
        }
      }
      if (from < chunk.length) carry.push(chunk.subarray(from));
    }
  } finally {
    stream.destroy();
  }
  return result;
}

/** True when the line became a returned record. */
function take(line: string, fromSeq: number, result: ReadOutboxResult): boolean {
  if (line.trim() === '') return false;
  const prefix = SEQ_PREFIX.exec(line);
  if (prefix && Number(prefix[1]) < fromSeq) return false;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    result.invalid++;
    return false;
  }
  const parsed = OutboxRecord.safeParse(json);
  if (!parsed.success) {
    result.invalid++;
    return false;
  }
  if (parsed.data.seq < fromSeq) return false;
  result.records.push(parsed.data);
  result.lastSeq = parsed.data.seq;
  return true;
}

/** Session ids that have an outbox in this data dir, or only spilled hook entries waiting to be merged. */
export async function listOutboxSessions(dataDir: string): Promise<string[]> {
  let names: string[] = [];
  try {
    names = await readdir(outboxDir(dataDir));
  } catch {
    // no outbox dir yet
  }
  const ids = new Set(names.filter((n) => n.endsWith('.jsonl')).map((n) => n.slice(0, -'.jsonl'.length)));
  for (const sid of spilledSessions(dataDir)) ids.add(sid);
  return [...ids].sort();
}
