// Exactly-once reading: incremental reads from a byte offset, a line caught mid-write, resumed and forked sessions.
import {
  appendFileSync,
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../src/core/model/session.js';
import {
  loadSession,
  streamSession,
  type EventContext,
  type StreamSessionOptions,
} from '../../src/core/transcript/index.js';

const FIX = join(import.meta.dirname, '../fixtures/transcripts');
const PROJ = join(FIX, 'projects/-home-dev-proj');
const S1 = '7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11';
const S2 = '9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
const S3 = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const tmp = mkdtempSync(join(tmpdir(), 'baton-incremental-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function collect(path: string, opts: StreamSessionOptions = {}) {
  const events: Array<{ e: SessionEvent; ctx: EventContext }> = [];
  const result = await streamSession(path, (e, ctx) => void events.push({ e, ctx }), opts);
  return { ...result, events, uuids: events.map((x) => x.e.uuid) };
}

describe('incremental reading', () => {
  const source = join(PROJ, `${S1}.jsonl`);
  const lines = readFileSync(source, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => `${l}\n`);

  it('reads only new events after appends, never twice, and together they equal one full read', async () => {
    const full = await collect(source, { subagents: false });
    const path = join(tmp, `${S1}.jsonl`);
    writeFileSync(path, lines.slice(0, 12).join(''));

    const first = await collect(path);
    expect(first.nextOffset).toBe(Buffer.byteLength(lines.slice(0, 12).join('')));
    expect(first.stats.truncatedTail).toBe(false);

    appendFileSync(path, lines.slice(12, 25).join(''));
    const second = await collect(path, { fromOffset: first.nextOffset });
    expect(second.nextOffset).toBe(Buffer.byteLength(lines.slice(0, 25).join('')));

    const again = await collect(path, { fromOffset: second.nextOffset });
    expect(again.events).toHaveLength(0);
    expect(again.nextOffset).toBe(second.nextOffset);

    appendFileSync(path, lines.slice(25).join(''));
    const third = await collect(path, { fromOffset: second.nextOffset });
    expect(third.nextOffset).toBe(statSync(path).size);

    const pieces = [...first.uuids, ...second.uuids, ...third.uuids];
    expect(new Set(pieces).size).toBe(pieces.length);
    expect(pieces).toEqual(full.uuids);
    expect([first.uuids.length, second.uuids.length, third.uuids.length]).toEqual([9, 10, 8]);
    // Turn indices are relative to the slice read.
    expect(second.events[0]!.ctx.turnIndex).toBe(0);
    expect(third.events.map((x) => x.e.kind)).toEqual([
      'tool_result',
      'text',
      'system',
      'system',
      'prompt',
      'text',
      'system',
      'system',
    ]);
    expect(third.events.map((x) => x.ctx.turnIndex)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
  });

  it('does not consume a line caught mid-write, and yields it once when complete', async () => {
    const path = join(tmp, 'mid-write.jsonl');
    writeFileSync(path, lines.slice(0, 3).join(''));
    const first = await collect(path);
    const cut = 100;
    appendFileSync(path, lines[3]!.slice(0, cut));
    const partial = await collect(path, { fromOffset: first.nextOffset });
    expect(partial.stats.truncatedTail).toBe(true);
    expect(partial.events).toHaveLength(0);
    expect(partial.nextOffset).toBe(first.nextOffset);
    expect(partial.stats.malformedLines).toBe(0);

    appendFileSync(path, lines[3]!.slice(cut));
    const done = await collect(path, { fromOffset: partial.nextOffset });
    expect(done.stats.truncatedTail).toBe(false);
    expect(done.events.map((x) => x.e.kind)).toEqual(['thinking']);
    expect(done.nextOffset).toBe(statSync(path).size);
  });

  it('does not read subagent files on an incremental read unless asked', async () => {
    const dir = join(tmp, 'with-agent');
    const path = join(dir, `${S1}.jsonl`);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, S1, 'subagents'), { recursive: true });
    copyFileSync(source, path);
    const agentFile = `agent-a1b14f07db492bea5.jsonl`;
    copyFileSync(join(PROJ, S1, 'subagents', agentFile), join(dir, S1, 'subagents', agentFile));
    const from = Buffer.byteLength(lines.slice(0, 30).join(''));
    const plain = await collect(path, { fromOffset: from });
    expect(plain.events.some((x) => x.ctx.agentId !== undefined)).toBe(false);
    const withAgents = await collect(path, { fromOffset: from, subagents: true });
    expect(withAgents.events.filter((x) => x.ctx.agentId !== undefined)).toHaveLength(5);
    const whole = await collect(path);
    expect(whole.events.filter((x) => x.ctx.agentId !== undefined)).toHaveLength(5);
  });
});

describe('resumed session (the same file appended, repeating records)', () => {
  it('counts each record once and each API response once', async () => {
    const s = await loadSession(join(PROJ, `${S3}.jsonl`));
    expect(s.stats!.duplicateRecords).toBe(2);
    expect(s.meta.id).toBe(S3);
    expect(s.meta.parentSessionId).toBeUndefined();
    expect(s.turns.map((t) => t.events.map((e) => e.kind))).toEqual([
      ['prompt', 'text'],
      ['prompt', 'text', 'tool_call', 'tool_result', 'text'],
    ]);
    const uuids = s.turns.flatMap((t) => t.events.map((e) => e.uuid));
    expect(new Set(uuids).size).toBe(uuids.length);
    // msg_03A once (50/10/0/1000) + msg_03B (60/70/1000/200) + msg_03C (5/8/1260/30).
    expect(s.totals.tokens).toEqual({ input: 115, output: 88, cacheRead: 2260, cacheWrite: 1230 });
    expect(s.totals).toMatchObject({
      turns: 2,
      prompts: 2,
      messages: 5,
      filesTouched: ['/home/dev/proj/test/sum.test.ts'],
    });
  });

  it('real resume (claude 2.1.330, -p then --resume twice) keeps one file and one id', async () => {
    const s = await loadSession(join(FIX, 'recorded/multi-turn-bash-resume.jsonl'));
    expect(s.meta.id).toBe('859f220c-15e5-4437-8daa-235157ab41b3');
    expect(s.meta.parentSessionId).toBeUndefined();
    expect(s.stats!.duplicateRecords).toBe(0);
    expect(s.totals).toMatchObject({ turns: 3, prompts: 3, toolCalls: 1, tools: { Bash: 1 } });
  });
});

describe('forked session (--fork-session: a new id whose file repeats earlier history)', () => {
  it('finds the parent from copied records that kept the old sessionId, and skips a repeated record', async () => {
    const s = await loadSession(join(PROJ, `${S2}.jsonl`));
    expect(s.meta.id).toBe(S2);
    expect(s.meta.parentSessionId).toBe(S1);
    expect(s.stats!.duplicateRecords).toBe(1);
    expect(s.turns.map((t) => t.events[0])).toMatchObject([
      { kind: 'prompt', text: 'Run the unit tests and fix whatever fails.\nThen tell me what changed.' },
      { kind: 'prompt', text: 'Try a different approach: rewrite sum with reduce' },
    ]);
    // msg_01A (1200/180/0/5000) + msg_01B (10/40/6200/300) copied once + msg_02A (300/80/6000/0), once despite the repeat.
    expect(s.totals.tokens).toEqual({ input: 1510, output: 300, cacheRead: 12200, cacheWrite: 5300 });
  });

  it('real fork (claude 2.1.330): parent from requestSessionId, copied records keep their uuids', async () => {
    const fork = await loadSession(join(FIX, 'recorded/fork.jsonl'));
    const parent = await loadSession(join(FIX, 'recorded/multi-turn-bash-resume.jsonl'));
    expect(fork.meta.id).toBe('a8d59869-8d8d-478e-a570-bf28a00f2504');
    expect(fork.meta.parentSessionId).toBe(parent.meta.id);
    const ids = (s: typeof fork) => s.turns.flatMap((t) => t.events.map((e) => e.uuid));
    const parentIds = new Set(ids(parent));
    const newInFork = ids(fork).filter((u) => !parentIds.has(u));
    // Keyed by uuid, only the forked turn is new: syncing both sessions counts the shared history once.
    expect(ids(fork).slice(0, parentIds.size)).toEqual([...parentIds]);
    expect(newInFork).toHaveLength(2);
    expect(
      fork.turns[3]!.events.map((e) => (e.kind === 'prompt' || e.kind === 'text' ? e.text : e.kind)),
    ).toEqual(['forked prompt delta', 'ECHO: forked prompt delta']);
  });
});
