// sweepTranscript: complete lines only, from a byte offset, bounded per call.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sweepTranscript } from '../../src/capture/session/transcript-sweep.js';

let root: string;
let file: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'baton-sweep-'));
  file = join(root, 't.jsonl');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('sweepTranscript', () => {
  it('returns null for a transcript that does not exist yet', () => {
    expect(sweepTranscript(file, 0)).toBeNull();
  });

  it('copies complete lines and leaves a line still being written', () => {
    writeFileSync(file, '{"a":1}\n{"b":2}\n{"c":');
    const first = sweepTranscript(file, 0);
    expect(first).toEqual({ from: 0, to: 16, lines: ['{"a":1}', '{"b":2}'] });
    expect(sweepTranscript(file, first!.to)).toBeNull();
    appendFileSync(file, '3}\n');
    expect(sweepTranscript(file, first!.to)).toEqual({ from: 16, to: 24, lines: ['{"c":3}'] });
  });

  it('keeps multi-byte text intact and counts offsets in bytes', () => {
    const line = JSON.stringify({ text: 'héllo ✓ 😀' });
    writeFileSync(file, `${line}\n`);
    const got = sweepTranscript(file, 0);
    expect(got?.lines).toEqual([line]);
    expect(got?.to).toBe(Buffer.byteLength(line) + 1);
  });

  it('strips CR and skips blank lines, and then says where each line was (lengths no longer add up)', () => {
    writeFileSync(file, '{"a":1}\r\n\n   \n{"b":2}\n');
    const got = sweepTranscript(file, 0);
    expect(got?.lines).toEqual(['{"a":1}', '{"b":2}']);
    expect(got?.at).toEqual([0, 14]);
    // A regular file needs no offsets: `from` and the lengths give them.
    writeFileSync(file, '{"a":1}\n{"b":2}\n');
    expect(sweepTranscript(file, 0)?.at).toBeUndefined();
  });

  it('copies a large backlog over several calls of at most maxBytes', () => {
    const lines = Array.from({ length: 10 }, (_, i) => JSON.stringify({ i, pad: 'x'.repeat(20) }));
    writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
    const seen: string[] = [];
    let offset = 0;
    for (let r = sweepTranscript(file, offset, 100); r; r = sweepTranscript(file, offset, 100)) {
      expect(r.to - r.from).toBeLessThanOrEqual(100);
      seen.push(...r.lines);
      offset = r.to;
    }
    expect(seen).toEqual(lines);
  });

  it('skips a single line longer than the window, by byte range, and continues after it', () => {
    const big = JSON.stringify({ big: 'y'.repeat(500) });
    writeFileSync(file, `${big}\n{"after":1}\n`);
    const first = sweepTranscript(file, 0, 100);
    expect(first).toEqual({
      from: 0,
      to: big.length + 1,
      lines: [],
      skipped: [{ from: 0, to: big.length + 1 }],
    });
    expect(sweepTranscript(file, first!.to, 100)?.lines).toEqual(['{"after":1}']);
  });

  it('restarts at 0 (flagged) when the file is shorter than the saved offset', () => {
    writeFileSync(file, '{"new":1}\n');
    expect(sweepTranscript(file, 5000)).toEqual({ from: 0, to: 10, lines: ['{"new":1}'], reset: true });
  });
});
