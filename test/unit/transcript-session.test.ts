// Building a full session: events, turns, slash commands, compaction, subagents, meta, totals, streaming order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session, type SessionEvent } from '../../src/core/model/session.js';
import { loadSession, streamSession, type EventContext } from '../../src/core/transcript/index.js';

const FIX = join(import.meta.dirname, '../fixtures/transcripts');
const S1 = '7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11';
const AGENT = 'a1b14f07db492bea5';
const S1_PATH = join(FIX, 'projects/-home-dev-proj', `${S1}.jsonl`);

const uuidOf = (n: number) => `e0e0e0e0-${String(n).padStart(4, '0')}-4000-8000-000000000000`;
const brief = (e: SessionEvent) =>
  `${e.kind}${e.kind === 'system' ? `:${e.subtype}` : e.kind === 'tool_call' ? `:${e.name}` : ''}`;

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
      // The Task subagent's own share (sonnet-4-6 above), attributed to the call that spawned it (issue 10).
      subagents: [
        {
          agentId: 'a1b14f07db492bea5',
          toolUseId: 'toolu_task_1',
          tokens: { input: 5, output: 90, cacheRead: 29475, cacheWrite: 14985 },
          costUsd: 0.06640125,
        },
      ],
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
      // Read on purpose without an event; every one is counted (issue 10).
      skippedTypes: {
        'ai-title': 1,
        'attachment:hook_additional_context': 1,
        'cost-state': 1,
        'custom-title': 1,
        'file-history-snapshot': 1,
        'last-prompt': 1,
        'queue-operation': 1,
        'system:stop_hook_summary': 1,
        'system:turn_duration': 1,
      },
    });
  });

  it('splits turns at each typed prompt', () => {
    expect(session.turns.map((t) => t.events.map(brief))).toEqual([
      [
        'prompt',
        'thinking',
        'text',
        'tool_call:Bash',
        'tool_result',
        'tool_call:Read',
        'tool_result',
        'tool_call:Edit',
        'tool_result',
        'tool_call:Task',
        'tool_result',
        'text',
      ],
      [
        'prompt',
        'text',
        'tool_call:Write',
        'tool_result',
        'tool_call:Read',
        'tool_call:MultiEdit',
        'tool_result',
        'tool_result',
        'text',
        'system:compaction',
        'system:compaction_summary',
      ],
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
    expect(t0!.events[2]).toMatchObject({
      kind: 'text',
      text: "I'll run the tests first.",
      messageId: 'msg_01A',
      model: 'claude-opus-5-5',
    });
    expect(t0!.events[3]).toMatchObject({
      kind: 'tool_call',
      toolUseId: 'toolu_bash_1',
      name: 'Bash',
      input: { command: 'npm test', description: 'Run unit tests' },
    });
    const bash = t0!.events[4];
    expect(bash).toMatchObject({ kind: 'tool_result', toolUseId: 'toolu_bash_1', isError: true });
    expect(bash?.kind === 'tool_result' && bash.content).toContain('Tests  1 failed | 4 passed (5)');
    // Record 9 holds only redacted_thinking (no event); record 10 holds the Edit call.
    expect(t0!.events[6]).toMatchObject({
      uuid: uuidOf(8),
      kind: 'tool_result',
      toolUseId: 'toolu_read_1',
      isError: true,
    });
    expect(t0!.events[7]).toMatchObject({
      uuid: uuidOf(10),
      parentUuid: uuidOf(9),
      kind: 'tool_call',
      name: 'Edit',
    });
    // A tool result made of blocks is flattened; images become "[image]".
    expect(session.turns[1]!.events[6]).toMatchObject({
      kind: 'tool_result',
      toolUseId: 'toolu_read_2',
      content: 'Read image (12KB)\n[image]',
      isError: false,
    });
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
    expect(t1[9]).toMatchObject({
      kind: 'system',
      subtype: 'compaction',
      text: 'Conversation compacted (manual, 112 tokens before)',
      parentUuid: null,
    });
    expect(t1[10]).toMatchObject({ kind: 'system', subtype: 'compaction_summary' });
    const t2 = session.turns[2]!.events;
    expect(t2[2]).toMatchObject({
      kind: 'system',
      subtype: 'api_error',
      text: 'Please run /login · API Error: 401 Invalid authentication credentials',
    });
    expect(t2[3]).toMatchObject({
      kind: 'system',
      subtype: 'interrupted',
      text: '[Request interrupted by user]',
    });
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
    expect(seen.slice(0, firstSide).map((s) => s.ctx.turnIndex)).toEqual([
      ...Array(12).fill(0),
      ...Array(11).fill(1),
      ...Array(4).fill(2),
    ]);
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
    const r = await streamSession(
      S1_PATH,
      (_e, ctx) => void (ctx.agentId !== undefined && sidechainEvents++),
      { subagents: false },
    );
    expect(sidechainEvents).toBe(0);
    expect(r.totals.tokens).toEqual({ input: 4656, output: 910, cacheRead: 55800, cacheWrite: 10720 });
    expect(r.meta.models).toEqual(['claude-opus-5-5']);
    expect(r.totals.tools.Read).toBe(2);
  });
});
