// Building sessions from transcripts: events, turns, slash commands, compaction, subagents, tokens, meta, totals.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Session, type SessionEvent } from '../../src/core/model/session.js';
import { loadSession, streamSession, type EventContext } from '../../src/core/transcript/index.js';

const FIX = join(import.meta.dirname, '../fixtures/transcripts');
const S1 = '7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11';
const AGENT = 'a1b14f07db492bea5';
const S1_PATH = join(FIX, 'projects/-home-dev-proj', `${S1}.jsonl`);
const tmp = mkdtempSync(join(tmpdir(), 'baton-session-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const uuidOf = (n: number) => `e0e0e0e0-${String(n).padStart(4, '0')}-4000-8000-000000000000`;
const brief = (e: SessionEvent) => `${e.kind}${e.kind === 'system' ? `:${e.subtype}` : e.kind === 'tool_call' ? `:${e.name}` : ''}`;

function writeJsonl(name: string, records: unknown[]): string {
  const path = join(tmp, name);
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}

describe('loadSession on a full session (Bash, Edit, Task subagent, slash command, compaction)', async () => {
  const session = await loadSession(S1_PATH);

  it('produces a valid Session of the shared model', () => {
    expect(() => Session.parse(session)).not.toThrow();
    expect(session.schemaVersion).toBe(1);
  });

  it('fills meta from the records', () => {
    expect(session.meta).toEqual({
      id: S1,
      cwd: '/home/dev/proj',
      project: 'proj',
      gitBranch: 'master',
      models: ['claude-opus-5-5', 'claude-sonnet-4-6'], // "<synthetic>" of the API error is left out
      startedAt: '2026-11-22T10:00:01.000Z',
      endedAt: '2026-11-22T10:00:38.000Z',
      title: 'Sum bug hunt', // custom-title beats ai-title
      claudeVersion: '2.1.330',
    });
  });

  it('computes totals: tokens once per API response, subagent included, cost from list prices', () => {
    expect(session.totals).toEqual({
      tokens: { input: 4661, output: 1000, cacheRead: 85275, cacheWrite: 25705 },
      // opus-5-5: 4656*4 + 910*20 + 55800*0.2 + 8120*5 + 2600*8 (1h writes) = 109384 µ$;
      // sonnet-4-6: 5*3 + 90*15 + 29475*0.3 + 14985*3.75 = 66401.25 µ$
      costUsd: 0.17578525,
      turns: 3,
      prompts: 3,
      messages: 8,
      toolCalls: 8,
      toolErrors: 2,
      tools: { Bash: 1, Read: 3, Edit: 1, Task: 1, Write: 1, MultiEdit: 1 },
      filesTouched: ['/home/dev/proj/src/sum.ts', '/home/dev/proj/NOTES.md'],
      durationMs: 37_000,
    });
  });

  it('counts what it saw in stats', () => {
    expect(session.stats).toEqual({
      records: 43,
      unknownTypes: {},
      malformedLines: 0,
      invalidUtf8Lines: 0,
      hugeLines: 0,
      truncatedTail: false,
      metaRecords: 1,
      duplicateRecords: 0,
      compactions: 1,
    });
  });

  it('splits turns at each typed prompt', () => {
    expect(session.turns.map((t) => t.events.map(brief))).toEqual([
      ['prompt', 'thinking', 'text', 'tool_call:Bash', 'tool_result', 'tool_call:Read', 'tool_result', 'tool_call:Edit', 'tool_result', 'tool_call:Task', 'tool_result', 'text'],
      ['prompt', 'text', 'tool_call:Write', 'tool_result', 'tool_call:Read', 'tool_call:MultiEdit', 'tool_result', 'tool_result', 'text', 'system:compaction', 'system:compaction_summary'],
      ['prompt', 'text', 'system:api_error', 'system:interrupted'],
    ]);
    expect(session.turns.map((t) => [t.index, t.startedAt, t.endedAt])).toEqual([
      [0, '2026-11-22T10:00:03.000Z', '2026-11-22T10:00:20.000Z'],
      [1, '2026-11-22T10:00:23.000Z', '2026-11-22T10:00:34.000Z'],
      [2, '2026-11-22T10:00:35.000Z', '2026-11-22T10:00:38.000Z'],
    ]);
  });

  it('maps prompt, thinking, text, tool call and tool result blocks', () => {
    const [t0] = session.turns;
    expect(t0!.events[0]).toEqual({
      uuid: uuidOf(2),
      parentUuid: uuidOf(1),
      timestamp: '2026-11-22T10:00:03.000Z',
      kind: 'prompt',
      text: 'Run the unit tests and fix whatever fails.\nThen tell me what changed.',
    });
    expect(t0!.events[1]).toMatchObject({ kind: 'thinking', text: 'The user wants the tests run first.' });
    expect(t0!.events[2]).toMatchObject({ kind: 'text', text: "I'll run the tests first.", messageId: 'msg_01A', model: 'claude-opus-5-5' });
    expect(t0!.events[3]).toMatchObject({ kind: 'tool_call', toolUseId: 'toolu_bash_1', name: 'Bash', input: { command: 'npm test', description: 'Run unit tests' } });
    const bash = t0!.events[4];
    expect(bash).toMatchObject({ kind: 'tool_result', toolUseId: 'toolu_bash_1', isError: true });
    expect(bash?.kind === 'tool_result' && bash.content).toContain('Tests  1 failed | 4 passed (5)');
    // Record 9 holds only redacted_thinking (no event); record 10 holds the Edit call.
    expect(t0!.events[6]).toMatchObject({ uuid: uuidOf(8), kind: 'tool_result', toolUseId: 'toolu_read_1', isError: true });
    expect(t0!.events[7]).toMatchObject({ uuid: uuidOf(10), parentUuid: uuidOf(9), kind: 'tool_call', name: 'Edit' });
    // A tool result made of blocks is flattened; images become "[image]".
    expect(session.turns[1]!.events[6]).toMatchObject({ kind: 'tool_result', toolUseId: 'toolu_read_2', content: 'Read image (12KB)\n[image]', isError: false });
  });

  it('keeps a slash command as the prompt and drops its isMeta expansion', () => {
    expect(session.turns[1]!.events[0]).toMatchObject({
      kind: 'prompt',
      text: '/demo-plugin:hello alpha "beta gamma"',
      command: { name: '/demo-plugin:hello', args: 'alpha "beta gamma"' },
    });
    const all = JSON.stringify(session.turns);
    expect(all).not.toContain('HELLO-CMD all=');
  });

  it('turns compaction, API errors and interruptions into system events', () => {
    const t1 = session.turns[1]!.events;
    expect(t1[9]).toMatchObject({ kind: 'system', subtype: 'compaction', text: 'Conversation compacted (manual, 112 tokens before)', parentUuid: null });
    expect(t1[10]).toMatchObject({ kind: 'system', subtype: 'compaction_summary' });
    const t2 = session.turns[2]!.events;
    expect(t2[2]).toMatchObject({ kind: 'system', subtype: 'api_error', text: 'Please run /login · API Error: 401 Invalid authentication credentials' });
    expect(t2[3]).toMatchObject({ kind: 'system', subtype: 'interrupted', text: '[Request interrupted by user]' });
  });

  it('attaches the subagent file as a sidechain linked to its Task call', () => {
    expect(session.sidechains).toHaveLength(1);
    const sc = session.sidechains[0]!;
    expect(sc.agentId).toBe(AGENT);
    expect(sc.toolUseId).toBe('toolu_task_1');
    expect(sc.events.map(brief)).toEqual(['prompt', 'text', 'tool_call:Read', 'tool_result', 'text']);
    expect(sc.events.every((e) => e.agentId === AGENT)).toBe(true);
    expect(sc.events[0]).toMatchObject({ kind: 'prompt', text: 'Review src/sum.ts for edge cases' });
  });
});

describe('streamSession', () => {
  it('delivers the main chain first, then subagent events in the turn of their Task call', async () => {
    const seen: Array<{ e: SessionEvent; ctx: EventContext }> = [];
    const result = await streamSession(S1_PATH, (e, ctx) => {
      seen.push({ e, ctx });
    });
    const firstSide = seen.findIndex((s) => s.ctx.agentId !== undefined);
    expect(firstSide).toBe(27);
    expect(seen.slice(firstSide).every((s) => s.ctx.agentId === AGENT && s.ctx.turnIndex === 0)).toBe(true);
    expect(seen.slice(0, firstSide).map((s) => s.ctx.turnIndex)).toEqual([...Array(12).fill(0), ...Array(11).fill(1), ...Array(4).fill(2)]);
    expect(new Set(seen.map((s) => s.e.uuid)).size).toBe(seen.length);
    expect(result.nextOffset).toBe(readFileSync(S1_PATH).length);
    expect(result.meta.title).toBe('Sum bug hunt');
  });

  it('awaits async consumers in order', async () => {
    const order: string[] = [];
    await streamSession(S1_PATH, async (e) => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      order.push(e.uuid);
    });
    const sync: string[] = [];
    await streamSession(S1_PATH, (e) => void sync.push(e.uuid));
    expect(order).toEqual(sync);
    expect(order).toHaveLength(32);
  });

  it('can leave subagent files out', async () => {
    let sidechainEvents = 0;
    const r = await streamSession(S1_PATH, (_e, ctx) => void (ctx.agentId !== undefined && sidechainEvents++), { subagents: false });
    expect(sidechainEvents).toBe(0);
    expect(r.totals.tokens).toEqual({ input: 4656, output: 910, cacheRead: 55800, cacheWrite: 10720 });
    expect(r.meta.models).toEqual(['claude-opus-5-5']);
    expect(r.totals.tools.Read).toBe(2);
  });
});

describe('tokens', () => {
  const usage = (input: number, output: number) => ({ input_tokens: input, output_tokens: output, cache_read_input_tokens: 1000, cache_creation_input_tokens: 10 });
  const asst = (uuid: string, id: string | undefined, requestId: string | undefined, u: object, content: unknown[] = [{ type: 'text', text: uuid }]) => ({
    type: 'assistant',
    uuid,
    ...(requestId ? { requestId } : {}),
    message: { ...(id ? { id } : {}), model: 'claude-sonnet-4-5-20250929', role: 'assistant', content, usage: u },
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
      { type: 'assistant', uuid: 'x2', requestId: 'r2', message: { id: 'm2', model: 'gpt-9', content: [], usage: usage(1, 1) } },
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
    const long = writeJsonl('long-prompt.jsonl', [{ type: 'user', uuid: 'p', message: { content: `${'word '.repeat(40)}\nsecond line` } }]);
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
    expect(s.turns[0]!.events[0]).toMatchObject({ uuid: 'off:181', toolUseId: '', content: '', isError: false });
    expect(s.totals).toMatchObject({ turns: 1, prompts: 0, messages: 1, costUsd: 0, durationMs: 0 });
    expect(() => Session.parse(s)).not.toThrow();
  });

  it('reads the mixed real samples (old and new shapes) without losing anything it understands', async () => {
    const s = await loadSession(join(FIX, 'samples.jsonl'));
    expect(s.stats).toMatchObject({ records: 19, unknownTypes: {}, metaRecords: 1, compactions: 1, malformedLines: 0 });
    expect(s.turns.map((t) => t.events.map(brief))).toEqual([
      ['prompt'],
      ['prompt', 'tool_call:mcp__plugin_demo-plugin_probe__add', 'tool_result', 'text', 'system:compaction', 'system:api_error', 'tool_result', 'tool_result'],
    ]);
    // The record with isSidechain: true inside a main file becomes a sidechain of its agent.
    expect(s.sidechains.map((sc) => [sc.agentId, sc.events.length])).toEqual([['a1b14f07db492bea5', 1]]);
    expect(s.meta.title).toBe('Test session for JSONL parsing'); // from the old-format summary record
    expect(s.totals.tokens).toEqual({ input: 203, output: 33, cacheRead: 7395, cacheWrite: 14685 });
  });
});

describe('real transcripts recorded from claude 2.1.330', () => {
  const REC = join(FIX, 'recorded');
  const manifest = JSON.parse(readFileSync(join(REC, 'manifest.json'), 'utf8')) as Record<string, { tokens: object; prompts: string[]; sessionId: string }>;

  it.each(['multi-turn-bash-resume.jsonl', 'fork.jsonl', 'tool-error.jsonl'])('%s: tokens, prompts and cost agree with the client', async (file) => {
    const path = join(REC, file);
    const s = await loadSession(path);
    const m = manifest[file]!;
    expect(s.meta.id).toBe(m.sessionId);
    expect(s.totals.tokens).toEqual(m.tokens);
    expect(s.turns.map((t) => (t.events[0]?.kind === 'prompt' ? t.events[0].text : null))).toEqual(m.prompts);
    // Claude Code's own running cost is in its last cost-state record.
    const costState = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; totalCostUSD?: number }).filter((r) => r.type === 'cost-state').at(-1);
    expect(s.totals.costUsd).toBeCloseTo(costState!.totalCostUSD!, 9);
    expect(s.stats!.unknownTypes).toEqual({});
    expect(() => Session.parse(s)).not.toThrow();
  });

  it('a real Bash failure is a tool error', async () => {
    const s = await loadSession(join(REC, 'tool-error.jsonl'));
    expect(s.totals).toMatchObject({ toolCalls: 1, toolErrors: 1, tools: { Bash: 1 }, turns: 2, prompts: 2 });
    const result = s.turns[0]!.events.find((e) => e.kind === 'tool_result');
    expect(result).toMatchObject({ isError: true });
    expect(result?.kind === 'tool_result' && result.content.startsWith('Exit code 2')).toBe(true);
  });
});
