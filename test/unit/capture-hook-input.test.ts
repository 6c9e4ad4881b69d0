// The stdin guard and the per-event plans, fed with the real payloads captured from Claude Code.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHookInput, HOOK_EVENTS, type HookInput } from '../../src/capture/hook/input.js';
import { capValue, MAX_FIELD_CHARS, planHook } from '../../src/capture/hook/plan.js';

const fixtures = readFileSync(join(import.meta.dirname, '../fixtures/hooks/hook-inputs.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Record<string, unknown>);
const payload = (event: string): Record<string, unknown> => {
  const p = fixtures.find((f) => f.hook_event_name === event);
  if (!p) throw new Error(`no fixture for ${event}`);
  return p;
};
const parse = (p: unknown, event?: string): HookInput => {
  const r = parseHookInput(JSON.stringify(p), event);
  if (!r.ok) throw new Error(r.reason);
  return r.input;
};

describe('parseHookInput', () => {
  it('accepts every real payload of the events we handle', () => {
    const handled = fixtures.filter((f) => (HOOK_EVENTS as readonly unknown[]).includes(f.hook_event_name));
    expect(handled.length).toBeGreaterThanOrEqual(8);
    for (const f of handled) {
      const input = parse(f, f.hook_event_name as string);
      expect(input.sessionId).toBe(f.session_id);
      expect(input.transcriptPath).toBe(f.transcript_path);
    }
  });

  it('maps the event-specific fields', () => {
    expect(parse(payload('UserPromptSubmit'))).toMatchObject({
      event: 'UserPromptSubmit',
      prompt: 'CALL_TOOL mcp__plugin_demo-plugin_probe__add {"a":2,"b":3}',
      promptId: '10b4d84c-53e7-4e9e-800c-356cd6617f0a',
      permissionMode: 'default',
    });
    expect(parse(payload('PostToolUse'))).toMatchObject({
      toolName: 'mcp__plugin_demo-plugin_probe__add',
      toolInput: { a: 2, b: 3 },
      toolResponse: '{"sum":5}',
      toolUseId: 'toolu_mock_11',
      durationMs: 11,
    });
    expect(parse(payload('SubagentStop'))).toMatchObject({
      agentId: 'a2dca71f190061db4',
      lastAssistantMessage: 'Hello from the mock server.',
      stopHookActive: false,
    });
    expect(parse(payload('PreCompact'))).toMatchObject({
      trigger: 'manual',
      customInstructions: 'keep it short',
    });
    expect(parse(payload('SessionEnd'))).toMatchObject({ reason: 'other' });
  });

  it('takes the event from the command line first, then from hook_event_name', () => {
    expect(parse({ session_id: 's', hook_event_name: 'Stop' }).event).toBe('Stop');
    expect(parse({ session_id: 's', hook_event_name: 'Stop' }, 'SessionEnd').event).toBe('SessionEnd');
  });

  it('drops wrongly typed optional fields instead of failing', () => {
    const input = parse({ session_id: 's', prompt: 42, duration_ms: 'x', cwd: null }, 'UserPromptSubmit');
    expect(input).toEqual({ event: 'UserPromptSubmit', sessionId: 's' });
  });

  it.each([
    ['not JSON', '{oops', 'Stop', /not JSON/],
    ['an array', '[]', 'Stop', /not a JSON object/],
    ['an unknown event', '{"session_id":"s"}', 'Nope', /unknown hook event/],
    ['no session id', '{"hook_event_name":"Stop"}', undefined, /session_id/],
    ['a path-like session id', '{"session_id":"../../etc"}', 'Stop', /session_id/],
  ])('rejects %s', (_name, text, event, reason) => {
    const r = parseHookInput(text, event);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('planHook', () => {
  it('sweeps the main transcript for every event', () => {
    for (const event of HOOK_EVENTS) {
      expect(planHook({ event, sessionId: 's', transcriptPath: '/t.jsonl' }).sweep[0]).toEqual({
        path: '/t.jsonl',
      });
    }
  });

  it('builds one entry per event with the fields readers need', () => {
    expect(planHook(parse(payload('SessionStart'))).entries).toEqual([
      {
        k: 'start',
        source: 'startup',
        cwd: '/home/dev/proj',
        transcriptPath: payload('SessionStart').transcript_path,
      },
    ]);
    expect(planHook(parse(payload('PreToolUse'))).entries).toEqual([
      {
        k: 'tool_start',
        name: 'mcp__plugin_demo-plugin_probe__add',
        toolUseId: 'toolu_mock_11',
        input: { a: 2, b: 3 },
      },
    ]);
    expect(planHook(parse(payload('PostToolUse'))).entries[0]).toMatchObject({
      k: 'tool_end',
      response: '{"sum":5}',
      durationMs: 11,
    });
    expect(planHook(parse(payload('Stop'))).entries).toEqual([
      { k: 'stop', text: 'Tool finished. DONE.', stopHookActive: false },
    ]);
    expect(planHook(parse(payload('PreCompact'))).entries).toEqual([
      { k: 'compact', trigger: 'manual', instructions: 'keep it short' },
    ]);
    expect(planHook(parse(payload('SessionEnd'))).entries).toEqual([
      { k: 'end', reason: 'other', transcriptPath: parse(payload('SessionEnd')).transcriptPath },
    ]);
  });

  it('SubagentStop also sweeps the agent transcript, tagged with the agent id', () => {
    const p = payload('SubagentStop');
    const plan = planHook(parse(p));
    expect(plan.sweep).toEqual([
      { path: p.transcript_path },
      { path: p.agent_transcript_path, agentId: 'a2dca71f190061db4' },
    ]);
    expect(plan.entries[0]).toMatchObject({ k: 'subagent_stop', agentId: 'a2dca71f190061db4' });
  });

  it('cuts oversized tool responses and prompts, and says which fields were cut', () => {
    const big = { stdout: 'z'.repeat(MAX_FIELD_CHARS + 10) };
    const entry = planHook({
      event: 'PostToolUse',
      sessionId: 's',
      toolName: 'Bash',
      toolInput: { c: 1 },
      toolResponse: big,
    }).entries[0]!;
    expect(entry.truncated).toEqual(['response']);
    expect(entry.response).toHaveLength(MAX_FIELD_CHARS);
    expect(entry.input).toEqual({ c: 1 });
    const prompt = planHook({
      event: 'UserPromptSubmit',
      sessionId: 's',
      prompt: 'p'.repeat(MAX_FIELD_CHARS + 1),
    }).entries[0]!;
    expect(prompt).toMatchObject({ truncated: ['text'] });
  });

  it('capValue leaves small values and non-objects as they are', () => {
    expect(capValue({ a: 1 })).toEqual({ value: { a: 1 }, cut: false });
    expect(capValue(undefined)).toEqual({ value: undefined, cut: false });
    expect(capValue('abcdef', 3)).toEqual({ value: 'abc', cut: true });
  });
});
