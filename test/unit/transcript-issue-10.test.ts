// Issue 10 (normalizer side): queued prompts, task notifications, skipped-type counts, cost-state totals, forks,
// and subagents attached to their spawning call in one order, from hand-written 2.1.332-shaped fixtures.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session, type SessionEvent } from '../../src/core/model/session.js';
import { loadSession, streamSession, type EventContext } from '../../src/core/transcript/index.js';

const FIX = join(import.meta.dirname, '../fixtures/transcripts/issue-10');
const brief = (e: SessionEvent) =>
  `${e.kind}${e.kind === 'system' ? `:${e.subtype}` : e.kind === 'tool_call' ? `:${e.name}` : ''}`;

describe('queued prompts and task notifications (2.1.332)', async () => {
  const s = await loadSession(join(FIX, 'queued.jsonl'));

  it('a prompt typed during a turn becomes one prompt, where Claude Code delivered it, opening a turn', () => {
    expect(s.turns.map((t) => t.events.map(brief))).toEqual([
      ['prompt', 'tool_call:Agent', 'tool_result', 'tool_call:Bash', 'tool_result'],
      ['prompt', 'text', 'system:task_notification', 'text', 'system:task_notification', 'text'],
    ]);
    const queued = s.turns[1]!.events[0]!;
    expect(queued).toMatchObject({ kind: 'prompt', text: 'also update the CHANGELOG' });
    expect(queued.uuid).toMatch(/^c0c0c0c0-/);
    expect(() => Session.parse(s)).not.toThrow();
  });

  it('task notifications are system events: never prompts, never turns', () => {
    expect(s.totals.prompts).toBe(2);
    expect(s.totals.turns).toBe(2);
    const notes = s.turns.flatMap((t) => t.events).filter((e) => e.kind === 'system');
    expect(notes.map((e) => e.kind === 'system' && e.text)).toEqual([
      'Agent "scan TODOs" completed',
      'Agent "lint" completed',
    ]);
  });

  it('counts every deliberately skipped record by type; nothing is unknown', () => {
    expect(s.stats!.unknownTypes).toEqual({});
    expect(s.stats!.skippedTypes).toEqual({
      mode: 1,
      'queue-operation': 3,
      'system:turn_duration': 1,
      'last-prompt': 1,
      'api-request-shape': 1,
      'api-request': 1,
      'pr-link': 1,
      'continued-in': 1,
      'derived-from': 1,
      'ended-by-model': 1,
      'cost-state': 1,
    });
  });

  it('streams the same prompt exactly once', async () => {
    const prompts: string[] = [];
    await streamSession(join(FIX, 'queued.jsonl'), (e) => {
      if (e.kind === 'prompt') prompts.push(e.text);
    });
    expect(prompts).toEqual([
      'Scan the repo for TODOs in the background, then fix the build',
      'also update the CHANGELOG',
    ]);
  });
});

describe('totals reconcile with cost-state', () => {
  it('compaction and an interrupted stream: totals equal the last cost-state', async () => {
    const s = await loadSession(join(FIX, 'compact.jsonl'));
    expect(s.totals.tokens).toEqual({ input: 3400, output: 750, cacheRead: 7000, cacheWrite: 11500 });
    expect(s.totals.costUsd).toBeCloseTo(0.135, 12);
    expect(s.stats!.compactions).toBe(1);
    expect(s.totals.prompts).toBe(4);
  });

  it('usage written after the last cost-state is added on top (a run still going)', async () => {
    const s = await loadSession(join(FIX, 'queued.jsonl'));
    expect(s.totals.tokens).toEqual({ input: 600, output: 130, cacheRead: 6000, cacheWrite: 350 });
    expect(s.totals.costUsd).toBeCloseTo(0.1, 12);
  });
});

describe('forks keep inherited and own usage apart', async () => {
  const PARENT = 'd4000000-0000-4000-8000-000000000004';
  const FORK = 'd5000000-0000-4000-8000-000000000005';
  const parent = await loadSession(join(FIX, 'fork', `${PARENT}.jsonl`));
  const fork = await loadSession(join(FIX, 'fork', `${FORK}.jsonl`));

  it('the parent has nothing inherited', () => {
    expect(parent.totals.inherited).toBeUndefined();
    expect(parent.totals.tokens).toEqual({ input: 980, output: 110, cacheRead: 2000, cacheWrite: 2700 });
  });

  it("the fork's inherited part is the parent's usage, so parent + own never double counts", () => {
    expect(fork.meta.parentSessionId).toBe(PARENT);
    expect(fork.totals.tokens).toEqual({ input: 1580, output: 150, cacheRead: 4100, cacheWrite: 2900 });
    const inh = fork.totals.inherited!;
    expect(inh.tokens).toEqual(parent.totals.tokens);
    expect(inh.costUsd).toBeCloseTo(parent.totals.costUsd!, 12);
    expect(inh.prompts).toBe(1);
    expect(fork.totals.costUsd! - inh.costUsd! + parent.totals.costUsd!).toBeCloseTo(
      fork.totals.costUsd!,
      12,
    );
    // Own time is the fork's own turn (1 s), not the hour between the parent's end and the fork.
    expect(fork.totals.durationMs - inh.durationMs).toBe(1000);
    expect(inh.durationMs + parent.totals.durationMs).toBeGreaterThan(fork.totals.durationMs - 1000);
    expect(() => Session.parse(fork)).not.toThrow();
  });

  it("keeps the subagents of its inherited history (read from the parent's directory)", () => {
    expect(fork.sidechains.map((sc) => [sc.agentId, sc.toolUseId, sc.events.length])).toEqual([
      ['af00000000000001', 'toolu_dead', 2],
    ]);
  });
});

describe('subagents attached to their spawning call, in spawn order', () => {
  const PAR = join(FIX, 'parallel', 'd3000000-0000-4000-8000-000000000003.jsonl');

  it('loadSession: two parallel Agent calls, results in reverse order', async () => {
    const s = await loadSession(PAR);
    expect(s.sidechains.map((sc) => [sc.agentId, sc.toolUseId])).toEqual([
      ['zzzz000000000001', 'toolu_api'],
      ['aaaa000000000002', 'toolu_ui'],
    ]);
  });

  it('streamSession gives each sidechain event its spawning call, in the same order', async () => {
    const seen: Array<[string, string | undefined]> = [];
    await streamSession(PAR, (_e, ctx: EventContext) => {
      if (ctx.agentId !== undefined && seen.at(-1)?.[0] !== ctx.agentId)
        seen.push([ctx.agentId, ctx.toolUseId]);
    });
    expect(seen).toEqual([
      ['zzzz000000000001', 'toolu_api'],
      ['aaaa000000000002', 'toolu_ui'],
    ]);
  });

  it('old inline sidechains become subagent blocks attached to their Task call', async () => {
    const s = await loadSession(join(FIX, 'inline-sidechains.jsonl'));
    expect(s.turns.flatMap((t) => t.events).every((e) => e.agentId === undefined)).toBe(true);
    expect(
      s.sidechains.map((sc) => [
        sc.toolUseId,
        sc.events.map((e) => (e.kind === 'text' || e.kind === 'prompt' ? e.text : e.kind)),
      ]),
    ).toEqual([
      ['toolu_docs', ['Check the docs folder', 'Docs are current.']],
      ['toolu_tests', ['Check the tests folder', 'Two tests are skipped.']],
    ]);
    const streamed: Array<string | undefined> = [];
    await streamSession(join(FIX, 'inline-sidechains.jsonl'), (_e, ctx) => {
      if (ctx.agentId !== undefined && streamed.at(-1) !== ctx.toolUseId) streamed.push(ctx.toolUseId);
    });
    expect(streamed).toEqual(['toolu_docs', 'toolu_tests']);
  });
});
