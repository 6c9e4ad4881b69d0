// The outbox writer and reader in-process: seqs, transcript copying, repair after torn writes, batched reads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendFileSync,
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  acquireLock,
  appendToOutbox,
  listOutboxSessions,
  outboxPaths,
  readOutbox,
  type OutboxRecords,
} from '../../src/capture/index.js';
import { openState, parseState, saveState } from '../../src/capture/outbox/state.js';
import { BatonError } from '../../src/core/errors.js';

let root: string;
let dataDir: string;
let transcript: string;
const SID = '1abbf6e0-9581-42f0-a908-ab9754388ca4';
const now = new Date('2026-11-23T10:00:00.000Z');

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'baton-outbox-'));
  dataDir = join(root, 'data');
  transcript = join(root, 'transcript.jsonl');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const rec = (i: number): string =>
  JSON.stringify({ type: 'user', uuid: `u${i}`, message: { content: `m${i}` } });
const outboxLines = (): Record<string, unknown>[] =>
  readFileSync(outboxPaths(dataDir, SID).outbox, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('appendToOutbox', () => {
  it('stamps seq, ts and sid, copies new transcript lines first, and creates private files', () => {
    writeFileSync(transcript, `${rec(1)}\n${rec(2)}\n`);
    const r = appendToOutbox(dataDir, SID, [{ k: 'prompt', text: 'hi' }], {
      sweep: [{ path: transcript }],
      now,
    });
    expect(r).toEqual({ firstSeq: 1, lastSeq: 2, lines: 2, sweepErrors: [] });
    expect(outboxLines()).toEqual([
      {
        seq: 1,
        ts: now.toISOString(),
        sid: SID,
        k: 'records',
        path: transcript,
        from: 0,
        to: 2 * (rec(1).length + 1),
        lines: [rec(1), rec(2)],
      },
      { seq: 2, ts: now.toISOString(), sid: SID, k: 'prompt', text: 'hi' },
    ]);
    // Every line begins with its seq, so readers can skip without parsing.
    expect(readFileSync(outboxPaths(dataDir, SID).outbox, 'utf8').startsWith('{"seq":1,')).toBe(true);
  });

  it('copies only what the transcript gained since the last call', () => {
    writeFileSync(transcript, `${rec(1)}\n`);
    appendToOutbox(dataDir, SID, [], { sweep: [{ path: transcript }] });
    appendToOutbox(dataDir, SID, [{ k: 'stop' }], { sweep: [{ path: transcript }] });
    appendFileSync(transcript, `${rec(2)}\n${rec(3)}`); // rec(3) is still being written
    appendToOutbox(dataDir, SID, [], { sweep: [{ path: transcript }] });
    const copied = outboxLines()
      .filter((l) => l.k === 'records')
      .flatMap((l) => l.lines as string[]);
    expect(copied).toEqual([rec(1), rec(2)]);
    expect(outboxLines().map((l) => l.seq)).toEqual([1, 2, 3]);
  });

  it('tags subagent transcript copies with agentId and tracks their offsets separately', () => {
    const agent = join(root, 'agent-a1.jsonl');
    writeFileSync(transcript, `${rec(1)}\n`);
    writeFileSync(agent, `${rec(9)}\n`);
    appendToOutbox(dataDir, SID, [], { sweep: [{ path: transcript }, { path: agent, agentId: 'a1' }] });
    appendToOutbox(dataDir, SID, [], { sweep: [{ path: transcript }, { path: agent, agentId: 'a1' }] });
    const lines = outboxLines();
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ k: 'records', path: agent, agentId: 'a1', lines: [rec(9)] });
  });

  it('repairs after a torn write: newline first, seq continues past the torn line, its range is copied again', () => {
    const paths = outboxPaths(dataDir, SID);
    writeFileSync(transcript, `${rec(1)}\n`);
    appendToOutbox(dataDir, SID, [{ k: 'prompt', text: 'a' }]);
    // A write that died half-way (disk full): a records line that never got its end, state not updated.
    appendFileSync(
      paths.outbox,
      `{"seq":2,"ts":"x","sid":"${SID}","k":"records","path":"${transcript}","from":0,"to":55,"lin`,
    );
    appendToOutbox(dataDir, SID, [{ k: 'stop' }], { sweep: [{ path: transcript }] });
    const raw = readFileSync(paths.outbox, 'utf8').split('\n');
    expect(raw[1]).toMatch(/"lin$/);
    const good = raw
      .slice(2)
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(good.map((l) => [l.seq, l.k])).toEqual([
      [3, 'records'],
      [4, 'stop'],
    ]);
    expect(good[0]!.lines).toEqual([rec(1)]);
  });

  it('rebuilds a lost state file from the outbox: no seq reused, no range copied twice', () => {
    writeFileSync(transcript, `${rec(1)}\n`);
    appendToOutbox(dataDir, SID, [{ k: 'prompt', text: 'a' }], { sweep: [{ path: transcript }] });
    unlinkSync(outboxPaths(dataDir, SID).state);
    appendFileSync(transcript, `${rec(2)}\n`);
    appendToOutbox(dataDir, SID, [{ k: 'stop' }], { sweep: [{ path: transcript }] });
    const lines = outboxLines();
    expect(lines.map((l) => l.seq)).toEqual([1, 2, 3, 4]);
    expect(lines[2]).toMatchObject({ k: 'records', from: rec(1).length + 1, lines: [rec(2)] });
  });

  it('catches up when the state file is older than the outbox (crash between the two writes)', () => {
    const paths = outboxPaths(dataDir, SID);
    writeFileSync(transcript, `${rec(1)}\n`);
    appendToOutbox(dataDir, SID, [], { sweep: [{ path: transcript }] });
    copyFileSync(paths.state, join(root, 'old-state'));
    appendFileSync(transcript, `${rec(2)}\n`);
    appendToOutbox(dataDir, SID, [{ k: 'stop' }], { sweep: [{ path: transcript }] });
    copyFileSync(join(root, 'old-state'), paths.state);
    appendToOutbox(dataDir, SID, [{ k: 'end' }], { sweep: [{ path: transcript }] });
    const lines = outboxLines();
    expect(lines.map((l) => l.seq)).toEqual([1, 2, 3, 4]);
    expect(lines.filter((l) => l.k === 'records').flatMap((l) => l.lines as string[])).toEqual([
      rec(1),
      rec(2),
    ]);
  });

  it('still writes its entries when a transcript cannot be read, and reports which', () => {
    mkdirSync(transcript); // reading a directory fails with EISDIR
    const r = appendToOutbox(dataDir, SID, [{ k: 'stop' }], { sweep: [{ path: transcript }] });
    expect(r.sweepErrors).toEqual([{ path: transcript, errno: 'EISDIR' }]);
    expect(outboxLines().map((l) => l.k)).toEqual(['stop']);
  });

  it('fails with code timeout, writing nothing, while another process holds the lock', () => {
    const release = acquireLock(outboxPaths(dataDir, SID).lock, { waitMs: 0, staleMs: 60_000 })!;
    try {
      appendToOutbox(dataDir, SID, [{ k: 'stop' }], { lockWaitMs: 20 });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(BatonError);
      expect((err as BatonError).code).toBe('timeout');
    } finally {
      release();
    }
  });

  it('fails with code io when the data dir cannot be created', () => {
    writeFileSync(join(root, 'file'), '');
    try {
      appendToOutbox(join(root, 'file', 'data'), SID, [{ k: 'stop' }]);
      expect.unreachable();
    } catch (err) {
      expect((err as BatonError).code).toBe('io');
      expect((err as BatonError).message).toMatch(/ENOTDIR/);
    }
  });
});

describe('readOutbox', () => {
  function seed(): void {
    writeFileSync(transcript, `${rec(1)}\n`);
    appendToOutbox(dataDir, SID, [{ k: 'start', source: 'startup' }], { sweep: [{ path: transcript }] });
    appendToOutbox(dataDir, SID, [{ k: 'prompt', text: 'p' }]);
    appendToOutbox(dataDir, SID, [{ k: 'tool_end', name: 'Bash', input: { command: 'ls' }, response: 'ok' }]);
    appendToOutbox(dataDir, SID, [{ k: 'end', reason: 'other' }]);
  }

  it('returns validated records in seq order', async () => {
    seed();
    const r = await readOutbox(dataDir, SID);
    expect(r.records.map((x) => [x.seq, x.k])).toEqual([
      [1, 'records'],
      [2, 'start'],
      [3, 'prompt'],
      [4, 'tool_end'],
      [5, 'end'],
    ]);
    expect((r.records[0] as OutboxRecords).lines).toEqual([rec(1)]);
    expect(r).toMatchObject({ invalid: 0, lastSeq: 5, done: true });
  });

  it('reads in batches with fromSeq, limit and the fromByte hint', async () => {
    seed();
    const first = await readOutbox(dataDir, SID, { fromSeq: 2, limit: 2 });
    expect(first.records.map((x) => x.seq)).toEqual([2, 3]);
    expect(first.done).toBe(false);
    const rest = await readOutbox(dataDir, SID, { fromSeq: first.lastSeq + 1, fromByte: first.nextByte });
    expect(rest.records.map((x) => x.seq)).toEqual([4, 5]);
    expect(rest.done).toBe(true);
    const none = await readOutbox(dataDir, SID, { fromSeq: 6, fromByte: rest.nextByte });
    expect(none).toMatchObject({ records: [], lastSeq: 5, done: true });
  });

  it('counts invalid lines, and does not consume a line still being written', async () => {
    seed();
    const path = outboxPaths(dataDir, SID).outbox;
    appendFileSync(path, '{"seq":6,"k":"mystery"}\nnot json\n{"seq":8,"ts":"t","sid":"s","k":"st');
    const r = await readOutbox(dataDir, SID, { fromSeq: 5 });
    expect(r.records.map((x) => x.seq)).toEqual([5]);
    expect(r.invalid).toBe(2);
    expect(r.nextByte).toBe(readFileSync(path).length - '{"seq":8,"ts":"t","sid":"s","k":"st'.length);
  });

  it('reads a missing outbox as empty and lists sessions that have one', async () => {
    expect(await readOutbox(dataDir, 'nope')).toMatchObject({
      records: [],
      lastSeq: 0,
      nextByte: 0,
      done: true,
    });
    expect(await listOutboxSessions(dataDir)).toEqual([]);
    seed();
    appendToOutbox(dataDir, 'other-session', [{ k: 'stop' }]);
    expect(await listOutboxSessions(dataDir)).toEqual([SID, 'other-session'].sort());
  });
});

describe('state file', () => {
  it('is rewritten in place: a shorter state is padded, parses back, and the file never shrinks', () => {
    const path = join(root, 's.state.json');
    const first = openState(path);
    expect(first.state).toBeNull();
    saveState(first, { v: 1, seq: 9, bytes: 100, offsets: { '/a/very/long/transcript/path.jsonl': 12345 } });
    closeSync(first.fd);
    const long = readFileSync(path, 'utf8').length;
    const second = openState(path);
    expect(second.state).toEqual({
      v: 1,
      seq: 9,
      bytes: 100,
      offsets: { '/a/very/long/transcript/path.jsonl': 12345 },
    });
    saveState(second, { v: 1, seq: 10, bytes: 5, offsets: {} });
    closeSync(second.fd);
    expect(readFileSync(path, 'utf8')).toHaveLength(long);
    expect(parseState(readFileSync(path, 'utf8'))).toEqual({ v: 1, seq: 10, bytes: 5, offsets: {} });
  });

  it('reads a torn or foreign state as missing', () => {
    expect(parseState('{"v":1,"seq":3,"by')).toBeNull();
    expect(parseState('{"v":2,"seq":3,"bytes":0,"offsets":{}}')).toBeNull();
    expect(parseState('{"v":1,"seq":-1,"bytes":0,"offsets":{}}')).toBeNull();
  });
});
