// Record normalization details: token dedup, block numbering, prices, titles, odd records, real recorded sessions.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Session, type SessionEvent } from '../../src/core/model/session.js';
import { loadSession } from '../../src/core/transcript/index.js';

const FIX = join(import.meta.dirname, '../fixtures/transcripts');
const S1_PATH = join(FIX, 'projects/-home-dev-proj', '7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11.jsonl');
const tmp = mkdtempSync(join(tmpdir(), 'baton-normalize-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const brief = (e: SessionEvent) =>
  `${e.kind}${e.kind === 'system' ? `:${e.subtype}` : e.kind === 'tool_call' ? `:${e.name}` : ''}`;

function writeJsonl(name: string, records: unknown[]): string {
  const path = join(tmp, name);
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}

describe('tokens', () => {
  const usage = (input: number, output: number) => ({
    input_tokens: input,
    output_tokens: output,
    cache_read_input_tokens: 1000,
    cache_creation_input_tokens: 10,
  });
  const asst = (
    uuid: string,
    id: string | undefined,
    requestId: string | undefined,
    u: object,
    content: unknown[] = [{ type: 'text', text: uuid }],
  ) => ({
    type: 'assistant',
    uuid,
    ...(requestId ? { requestId } : {}),
    message: {
      ...(id ? { id } : {}),
      model: 'claude-sonnet-4-5-20250929',
      role: 'assistant',
      content,
      usage: u,
    },
  });

  it('counts usage once per (message.id, requestId), taking the largest partial count', async () => {
    const path = writeJsonl('dedup.jsonl', [
      asst('a1', 'msg_1', 'req_1', usage(100, 1), [{ type: 'thinking', thinking: 'hmm' }]),
      asst('a2', 'msg_1', 'req_1', usage(100, 20)),
      asst('a3', 'msg_1', 'req_1', usage(100, 20), [{ type: 'tool_use', id: 't1', name: 'Bash', input: {} }]),
      asst('a4', 'msg_1', 'req_2', usage(7, 3)), // same message id, another request: a different response
      asst('a5', undefined, undefined, usage(5, 5)), // nothing to key on: counted per record
      asst('a6', undefined, undefined, usage(5, 5)),
    ]);
    const s = await loadSession(path);
    expect(s.totals.tokens).toEqual({ input: 117, output: 33, cacheRead: 4000, cacheWrite: 40 });
    // sonnet 4.5: 117*3 + 33*15 + 4000*0.3 + 40*3.75 = 2196 µ$
    expect(s.totals.costUsd).toBe(0.002196);
  });

  it('numbers further blocks of one record `<uuid>#<n>`', async () => {
    const path = writeJsonl('blocks.jsonl', [
      asst('multi', 'm', 'r', usage(1, 1), [
        { type: 'text', text: 'one' },
        { type: 'redacted_thinking', data: 'x' },
        { type: 'tool_use', id: 't1', name: 'Read', input: { file_path: '/a' } },
        { type: 'tool_use', id: 't2', name: 'Write', input: { file_path: '/b' } },
      ]),
    ]);
    const s = await loadSession(path);
    expect(s.turns[0]!.events.map((e) => e.uuid)).toEqual(['multi', 'multi#1', 'multi#2']);
    expect(s.totals.filesTouched).toEqual(['/b']);
  });

  it('reports an unknown cost when a model has no price', async () => {
    const path = writeJsonl('unknown-model.jsonl', [
      asst('x1', 'm1', 'r1', usage(10, 10)),
      {
        type: 'assistant',
        uuid: 'x2',
        requestId: 'r2',
        message: { id: 'm2', model: 'gpt-9', content: [], usage: usage(1, 1) },
      },
    ]);
    const s = await loadSession(path);
    expect(s.totals.costUsd).toBeNull();
    expect(s.meta.models).toEqual(['claude-sonnet-4-5-20250929', 'gpt-9']);
  });
});

describe('titles and odd records', () => {
  const lines = readFileSync(S1_PATH, 'utf8').trim().split('\n');

  it('falls back from custom-title to ai-title to the first prompt line', async () => {
    const noCustom = join(tmp, 'no-custom.jsonl');
    writeFileSync(noCustom, lines.filter((l) => !l.includes('"custom-title"')).join('\n') + '\n');
    expect((await loadSession(noCustom)).meta.title).toBe('Fix failing sum test');
    const noTitles = join(tmp, 'no-titles.jsonl');
    writeFileSync(noTitles, lines.filter((l) => !l.includes('-title"')).join('\n') + '\n');
    expect((await loadSession(noTitles)).meta.title).toBe('Run the unit tests and fix whatever fails.');
    const long = writeJsonl('long-prompt.jsonl', [
      { type: 'user', uuid: 'p', message: { content: `${'word '.repeat(40)}\nsecond line` } },
    ]);
    const title = (await loadSession(long)).meta.title!;
    expect(title).toHaveLength(80);
    expect(title.endsWith('…')).toBe(true);
  });

  it('tolerates unknown types, missing fields and unknown blocks, counting them', async () => {
    const s = await loadSession(join(FIX, 'unknown-types.jsonl'));
    expect(s.stats).toMatchObject({
      records: 9,
      malformedLines: 3,
      unknownTypes: { 'future-record-kind': 2, '(no type)': 1, 'block:hologram': 1 },
    });
    expect(s.meta).toEqual({ id: 'unknown-types', models: [] });
    expect(s.turns).toHaveLength(1);
    expect(s.turns[0]!.events.map(brief)).toEqual(['tool_result', 'text']);
    // A record without uuid gets a stable one from its byte offset.
    expect(s.turns[0]!.events[0]).toMatchObject({
      uuid: 'off:181',
      toolUseId: '',
      content: '',
      isError: false,
    });
    expect(s.totals).toMatchObject({ turns: 1, prompts: 0, messages: 1, costUsd: 0, durationMs: 0 });
    expect(() => Session.parse(s)).not.toThrow();
  });

  it('reads the mixed real samples (old and new shapes) without losing anything it understands', async () => {
    const s = await loadSession(join(FIX, 'samples.jsonl'));
    expect(s.stats).toMatchObject({
      records: 19,
      unknownTypes: {},
      metaRecords: 1,
      compactions: 1,
      malformedLines: 0,
    });
    expect(s.turns.map((t) => t.events.map(brief))).toEqual([
      ['prompt'],
      [
        'prompt',
        'tool_call:mcp__plugin_demo-plugin_probe__add',
        'tool_result',
        'text',
        'system:compaction',
        'system:api_error',
        'tool_result',
        'tool_result',
      ],
    ]);
    // The record with isSidechain: true inside a main file becomes a sidechain of its agent.
    expect(s.sidechains.map((sc) => [sc.agentId, sc.events.length])).toEqual([['a1b14f07db492bea5', 1]]);
    expect(s.meta.title).toBe('Test session for JSONL parsing'); // from the old-format summary record
    expect(s.totals.tokens).toEqual({ input: 203, output: 33, cacheRead: 7395, cacheWrite: 14685 });
  });
});

describe('real transcripts recorded from claude 2.1.330', () => {
  const REC = join(FIX, 'recorded');
  const manifest = JSON.parse(readFileSync(join(REC, 'manifest.json'), 'utf8')) as Record<
    string,
    { tokens: object; prompts: string[]; sessionId: string }
  >;

  it.each(['multi-turn-bash-resume.jsonl', 'fork.jsonl', 'tool-error.jsonl'])(
    '%s: tokens, prompts and cost agree with the client',
    async (file) => {
      const path = join(REC, file);
      const s = await loadSession(path);
      const m = manifest[file]!;
      expect(s.meta.id).toBe(m.sessionId);
      expect(s.totals.tokens).toEqual(m.tokens);
      expect(s.turns.map((t) => (t.events[0]?.kind === 'prompt' ? t.events[0].text : null))).toEqual(
        m.prompts,
      );
      // Claude Code's own running cost is in its last cost-state record.
      const costState = readFileSync(path, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string; totalCostUSD?: number })
        .filter((r) => r.type === 'cost-state')
        .at(-1);
      expect(s.totals.costUsd).toBeCloseTo(costState!.totalCostUSD!, 9);
      expect(s.stats!.unknownTypes).toEqual({});
      expect(() => Session.parse(s)).not.toThrow();
    },
  );

  it('a real Bash failure is a tool error', async () => {
    const s = await loadSession(join(REC, 'tool-error.jsonl'));
    expect(s.totals).toMatchObject({ toolCalls: 1, toolErrors: 1, tools: { Bash: 1 }, turns: 2, prompts: 2 });
    const result = s.turns[0]!.events.find((e) => e.kind === 'tool_result');
    expect(result).toMatchObject({ isError: true });
    expect(result?.kind === 'tool_result' && result.content.startsWith('Exit code 2')).toBe(true);
  });
});
