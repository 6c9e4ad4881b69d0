// Byte-level JSONL reading: offsets, chunk boundaries, truncated tails, invalid UTF-8, huge and malformed lines.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createReadStats,
  readRecords,
  type ReadRecordsOptions,
  type RecordItem,
} from '../../src/core/transcript/index.js';
import { isBatonError } from '../../src/core/errors.js';

const FIX = join(import.meta.dirname, '../fixtures/transcripts');
const tmp = mkdtempSync(join(tmpdir(), 'baton-read-records-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function readAll(path: string, opts: ReadRecordsOptions = {}) {
  const stats = opts.stats ?? createReadStats();
  const items: RecordItem[] = [];
  const gen = readRecords(path, { ...opts, stats });
  for (;;) {
    const step = await gen.next();
    if (step.done) return { items, stats, nextOffset: step.value.nextOffset };
    items.push(step.value);
  }
}

function lineStarts(buf: Buffer): number[] {
  const starts = [0];
  for (let i = buf.indexOf(10); i !== -1 && i < buf.length - 1; i = buf.indexOf(10, i + 1))
    starts.push(i + 1);
  return starts;
}

describe('readRecords', () => {
  it('yields every record of the real samples with exact byte offsets', async () => {
    const path = join(FIX, 'samples.jsonl');
    const bytes = readFileSync(path);
    const { items, stats, nextOffset } = await readAll(path);
    expect(items).toHaveLength(19);
    expect(items.map((i) => i.offset)).toEqual(lineStarts(bytes));
    for (let k = 0; k < items.length - 1; k++) expect(items[k]!.endOffset).toBe(items[k + 1]!.offset);
    expect(items[18]!.endOffset).toBe(bytes.length);
    expect(nextOffset).toBe(bytes.length);
    expect(items[0]!.record).toEqual(JSON.parse(bytes.subarray(0, items[0]!.endOffset - 1).toString('utf8')));
    expect(items[2]!.record.uuid).toBe('667a2844-336f-47c7-9ff5-9b88d0d0a3f9');
    expect(stats).toMatchObject({
      records: 19,
      malformedLines: 0,
      invalidUtf8Lines: 0,
      hugeLines: 0,
      truncatedTail: false,
    });
  });

  it('gives identical results whatever the read size (lines straddling reads)', async () => {
    const path = join(FIX, 'projects/-home-dev-proj/7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11.jsonl');
    const whole = await readAll(path);
    expect(whole.items).toHaveLength(38);
    for (const chunkBytes of [5, 100, 4096]) {
      const chunked = await readAll(path, { chunkBytes });
      expect(chunked.items).toEqual(whole.items);
      expect(chunked.nextOffset).toBe(whole.nextOffset);
    }
  });

  it('starts at a byte offset and reads only what follows', async () => {
    const path = join(FIX, 'samples.jsonl');
    const all = await readAll(path);
    const from = all.items[15]!.offset;
    const rest = await readAll(path, { fromOffset: from });
    expect(rest.items.map((i) => i.record)).toEqual(all.items.slice(15).map((i) => i.record));
    expect(rest.items[0]!.offset).toBe(from);
    expect(rest.stats.records).toBe(4);
  });

  it('leaves a truncated last line unconsumed and flags it', async () => {
    const path = join(FIX, 'truncated-tail.jsonl');
    const bytes = readFileSync(path);
    const completeEnd = bytes.lastIndexOf(10) + 1;
    const { items, stats, nextOffset } = await readAll(path);
    expect(items.map((i) => i.record.type)).toEqual(['user', 'assistant']);
    expect(stats.truncatedTail).toBe(true);
    expect(stats.malformedLines).toBe(0);
    expect(nextOffset).toBe(completeEnd);
    expect(nextOffset).toBeLessThan(bytes.length);
  });

  it('consumes an unterminated last line that is already a complete object', async () => {
    const path = join(tmp, 'no-final-newline.jsonl');
    writeFileSync(path, '{"type":"user","uuid":"a"}\n{"type":"user","uuid":"b"}');
    const first = await readAll(path);
    expect(first.items.map((i) => i.record.uuid)).toEqual(['a', 'b']);
    expect(first.stats.truncatedTail).toBe(false);
    expect(first.nextOffset).toBe(statSync(path).size);
    appendFileSync(path, '\n{"type":"user","uuid":"c"}\n');
    const second = await readAll(path, { fromOffset: first.nextOffset });
    expect(second.items.map((i) => i.record.uuid)).toEqual(['c']);
    expect(second.stats.malformedLines).toBe(0);
  });

  it('decodes invalid UTF-8 with replacement characters and counts the line', async () => {
    const path = join(FIX, 'invalid-utf8.jsonl');
    for (const chunkBytes of [undefined, 5]) {
      const { items, stats } = await readAll(path, chunkBytes === undefined ? {} : { chunkBytes });
      expect(stats.invalidUtf8Lines).toBe(1); // the line with a legitimate U+FFFD is valid UTF-8
      expect(items).toHaveLength(3);
      const content = (r: RecordItem) => (r.record.message as { content: string }).content;
      expect(content(items[1]!)).toBe('bad bytes: \uFFFD\uFFFD end');
      expect(content(items[2]!)).toBe('already has a replacement char: \uFFFD and café');
    }
  });

  it('skips lines over maxLineBytes without failing, and keeps offsets right after them', async () => {
    const path = join(FIX, 'huge-line.jsonl');
    const bytes = readFileSync(path);
    const starts = lineStarts(bytes);
    for (const chunkBytes of [undefined, 1000]) {
      const { items, stats, nextOffset } = await readAll(path, {
        maxLineBytes: 16 * 1024,
        ...(chunkBytes ? { chunkBytes } : {}),
      });
      expect(stats.hugeLines).toBe(1);
      expect(items.map((i) => i.offset)).toEqual([starts[0], starts[2]]);
      expect(items.map((i) => i.record.type)).toEqual(['user', 'assistant']);
      expect(nextOffset).toBe(bytes.length);
    }
    const unlimited = await readAll(path);
    expect(unlimited.items).toHaveLength(3);
    expect(unlimited.stats.hugeLines).toBe(0);
  });

  it('treats an over-long unterminated tail as truncated, not consumed', async () => {
    const path = join(tmp, 'huge-tail.jsonl');
    const head = '{"type":"user","uuid":"a"}\n';
    writeFileSync(path, head + `{"type":"user","text":"${'x'.repeat(50_000)}`);
    const { items, stats, nextOffset } = await readAll(path, { maxLineBytes: 1000, chunkBytes: 4096 });
    expect(items).toHaveLength(1);
    expect(stats.truncatedTail).toBe(true);
    expect(stats.hugeLines).toBe(0);
    expect(nextOffset).toBe(Buffer.byteLength(head));
  });

  it('counts malformed and non-object lines, ignores blank ones', async () => {
    const { items, stats } = await readAll(join(FIX, 'unknown-types.jsonl'));
    expect(items).toHaveLength(9);
    expect(stats.records).toBe(9);
    expect(stats.malformedLines).toBe(3); // `[1,2,3]`, `{"type":"user", oops`, `"just a string"`
  });

  it('accepts a byte-order mark and CRLF line ends', async () => {
    const path = join(tmp, 'bom-crlf.jsonl');
    writeFileSync(path, '\uFEFF{"type":"user","uuid":"a"}\r\n{"type":"user","uuid":"b"}\r\n');
    const { items, stats } = await readAll(path);
    expect(items.map((i) => i.record.uuid)).toEqual(['a', 'b']);
    expect(stats.malformedLines).toBe(0);
  });

  it('reports bad offsets and missing files with stable error codes', async () => {
    const path = join(FIX, 'samples.jsonl');
    const codeOf = async (p: string, opts: ReadRecordsOptions) => {
      try {
        await readAll(p, opts);
        return 'no error';
      } catch (e) {
        return isBatonError(e) ? e.code : String(e);
      }
    };
    expect(await codeOf(path, { fromOffset: statSync(path).size + 1 })).toBe('conflict');
    expect(await codeOf(path, { fromOffset: -1 })).toBe('invalid_input');
    expect(await codeOf(path, { maxLineBytes: 0 })).toBe('invalid_input');
    expect(await codeOf(join(tmp, 'nope.jsonl'), {})).toBe('not_found');
    const atEnd = await readAll(path, { fromOffset: statSync(path).size });
    expect(atEnd.items).toHaveLength(0);
    expect(atEnd.nextOffset).toBe(statSync(path).size);
  });
});
