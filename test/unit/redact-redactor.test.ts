// createRedactor: the public API over events and sessions, the report, the disabled mode and immutability.
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/core/redact/index.js';
import { SCHEMA_VERSION, type Session, type SessionEvent } from '../../src/core/model/session.js';
import { fake, mix } from '../helpers/fake-secrets.js';

const GH = fake('ghp_', 36);
const GH_TAG = '[REDACTED:github-token]';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const base = { uuid: 'u-1', timestamp: '2026-11-22T10:00:00.000Z' };

function session(events: SessionEvent[], sideEvents: SessionEvent[] = []): Session {
  return {
    schemaVersion: SCHEMA_VERSION,
    meta: { id: 's-1', models: ['claude-sonnet-4-6'], title: `deploy with ${GH}` },
    turns: [{ index: 0, events }],
    sidechains: [{ agentId: 'a-1', events: sideEvents }],
    totals: {
      tokens: { input: 1, output: 1, cacheRead: 0, cacheWrite: 0 },
      costUsd: null,
      turns: 1,
      prompts: 1,
      messages: 1,
      toolCalls: 0,
      toolErrors: 0,
      tools: {},
      filesTouched: [],
      durationMs: 0,
    },
  };
}

describe('createRedactor', () => {
  it('is on by default and reports counts by rule', () => {
    const r = createRedactor();
    expect(r.redactText(`a ${GH} b ${GH}`)).toBe(`a ${GH_TAG} b ${GH_TAG}`);
    expect(r.report()).toEqual({ total: 2, byRule: { 'github-token': 2 } });
  });

  it('keeps separate counts per redactor, and report() is a snapshot', () => {
    const a = createRedactor();
    const b = createRedactor();
    a.redactText(GH);
    const snap = a.report();
    a.redactText(GH);
    expect(snap.total).toBe(1);
    expect(a.report().total).toBe(2);
    expect(b.report()).toEqual({ total: 0, byRule: {} });
  });

  it('enabled:false is a no-op that reports nothing', () => {
    const r = createRedactor({ enabled: false });
    const e: SessionEvent = { ...base, kind: 'text', text: GH };
    const s = session([e]);
    expect(r.redactText(GH)).toBe(GH);
    expect(r.redactEvent(e)).toBe(e);
    expect(r.redactSession(s)).toBe(s);
    expect(r.report()).toEqual({ total: 0, byRule: {} });
  });
});

describe('redactEvent', () => {
  const r = createRedactor();

  it.each<[string, SessionEvent, (e: SessionEvent) => unknown]>([
    ['prompt text', { ...base, kind: 'prompt', text: `use ${GH}` }, (e) => (e as { text: string }).text],
    ['text', { ...base, kind: 'text', text: `use ${GH}` }, (e) => (e as { text: string }).text],
    ['thinking', { ...base, kind: 'thinking', text: `use ${GH}` }, (e) => (e as { text: string }).text],
    [
      'system',
      { ...base, kind: 'system', subtype: 'note', text: `use ${GH}` },
      (e) => (e as { text: string }).text,
    ],
    [
      'tool_result',
      { ...base, kind: 'tool_result', toolUseId: 't1', content: `use ${GH}`, isError: false },
      (e) => (e as { content: string }).content,
    ],
  ])('redacts %s', (_name, event, pick) => {
    const frozen = deepFreeze(structuredClone(event));
    const out = r.redactEvent(frozen);
    expect(out).not.toBe(frozen);
    expect(pick(out)).toBe(`use ${GH_TAG}`);
    expect(pick(frozen)).toBe(`use ${GH}`);
    expect({ ...out, text: undefined, content: undefined }).toEqual({
      ...frozen,
      text: undefined,
      content: undefined,
    });
  });

  it('redacts slash-command args of a prompt', () => {
    const e = deepFreeze<SessionEvent>({
      ...base,
      kind: 'prompt',
      text: '/login',
      command: { name: 'login', args: GH },
    });
    const out = r.redactEvent(e);
    expect(out).toEqual({ ...e, command: { name: 'login', args: GH_TAG } });
  });

  it('walks tool_call input deeply, keys and values, and never mutates the input', () => {
    const input = {
      command: `curl -H "Authorization: token ${GH}" https://api.github.com`,
      env: [{ name: 'TOKEN', value: GH }, 42, null, true],
      nested: { deeper: { list: [[`x ${GH}`]] } },
      [GH]: 'a token used as a key',
      untouched: { a: 'plain', b: [1, 2] },
    };
    const e = deepFreeze<SessionEvent>({ ...base, kind: 'tool_call', toolUseId: 't1', name: 'Bash', input });
    const out = r.redactEvent(e) as Extract<SessionEvent, { kind: 'tool_call' }>;
    const o = out.input as typeof input;
    expect(o.command).toBe(`curl -H "Authorization: token ${GH_TAG}" https://api.github.com`);
    expect(o.env).toEqual([{ name: 'TOKEN', value: GH_TAG }, 42, null, true]);
    expect(o.nested.deeper.list).toEqual([[`x ${GH_TAG}`]]);
    expect(o[GH]).toBeUndefined();
    expect((o as Record<string, unknown>)[GH_TAG]).toBe('a token used as a key');
    expect(Object.keys(o)).toEqual(['command', 'env', 'nested', GH_TAG, 'untouched']);
    // Unchanged branches are shared, not copied.
    expect(o.untouched).toBe(input.untouched);
    expect(input.env[0]).toEqual({ name: 'TOKEN', value: GH });
  });

  it('keeps both values when two secret keys redact to the same tag', () => {
    const input = { [GH]: 1, [fake('ghp_', 36, 9)]: 2, plain: 3 };
    const out = createRedactor().redactEvent(
      deepFreeze<SessionEvent>({ ...base, kind: 'tool_call', toolUseId: 't1', name: 'x', input }),
    ) as Extract<SessionEvent, { kind: 'tool_call' }>;
    expect(out.input).toEqual({ [GH_TAG]: 1, [`${GH_TAG}#2`]: 2, plain: 3 });
  });

  it('keeps a __proto__ key a plain key when its sibling key is renamed', () => {
    const input = JSON.parse(`{"__proto__": {"polluted": true}, "${GH}": 1}`) as unknown;
    const out = createRedactor().redactEvent({
      ...base,
      kind: 'tool_call',
      toolUseId: 't1',
      name: 'x',
      input,
    });
    const o = (out as Extract<SessionEvent, { kind: 'tool_call' }>).input as Record<string, unknown>;
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(Object.keys(o)).toEqual(['__proto__', GH_TAG]);
  });

  it('redacts string properties whose key names a secret', () => {
    const rr = createRedactor();
    const input = {
      password: 'hunter2',
      apiKey: mix(24),
      token: 'keyword',
      max_tokens: 1000,
      description: 'hunter2',
    };
    const e: SessionEvent = { ...base, kind: 'tool_call', toolUseId: 't', name: 'mcp__db__connect', input };
    const o = (rr.redactEvent(e) as Extract<SessionEvent, { kind: 'tool_call' }>).input;
    expect(o).toEqual({
      password: '[REDACTED:secret-assignment]',
      apiKey: '[REDACTED:secret-assignment]',
      token: 'keyword',
      max_tokens: 1000,
      description: 'hunter2',
    });
    expect(rr.report()).toEqual({ total: 2, byRule: { 'secret-assignment': 2 } });
  });

  it('returns the same object when nothing matched (the cheap path)', () => {
    const events: SessionEvent[] = [
      { ...base, kind: 'text', text: 'nothing secret about tokens here' },
      {
        ...base,
        kind: 'tool_call',
        toolUseId: 't',
        name: 'Read',
        input: { file_path: '/a/b.ts', limit: 10 },
      },
      { ...base, kind: 'tool_result', toolUseId: 't', content: 'const token = getToken();', isError: false },
    ];
    for (const e of events) expect(r.redactEvent(e)).toBe(e);
  });

  it('survives pathologically deep tool input', () => {
    let deep: unknown = `leaf ${GH}`;
    for (let i = 0; i < 5000; i++) deep = { d: deep };
    const e: SessionEvent = { ...base, kind: 'tool_call', toolUseId: 't', name: 'X', input: deep };
    const out = r.redactEvent(e) as Extract<SessionEvent, { kind: 'tool_call' }>;
    let leaf: unknown = out.input;
    while (typeof leaf === 'object' && leaf !== null) leaf = (leaf as { d: unknown }).d;
    expect(leaf).toBe(`leaf ${GH_TAG}`);
  });

  it('leaves a cyclic value as it is instead of walking it forever', () => {
    const cyclic: Record<string, unknown> = { note: `see ${GH}` };
    cyclic.self = cyclic;
    const e: SessionEvent = { ...base, kind: 'tool_call', toolUseId: 't', name: 'X', input: cyclic };
    const out = (r.redactEvent(e) as Extract<SessionEvent, { kind: 'tool_call' }>).input as Record<
      string,
      unknown
    >;
    expect(out.note).toBe(`see ${GH_TAG}`);
    expect(out.self).toBe(cyclic);
  });
});

describe('redactSession', () => {
  it('redacts turns, sidechains and the title without mutating the session', () => {
    const r = createRedactor();
    const s = deepFreeze(
      session(
        [
          { ...base, kind: 'prompt', text: `token ${GH}` },
          { ...base, uuid: 'u-2', kind: 'text', text: 'fine' },
        ],
        [{ ...base, uuid: 'u-3', kind: 'thinking', text: `see ${GH}` }],
      ),
    );
    const out = r.redactSession(s);
    expect(out.meta.title).toBe(`deploy with ${GH_TAG}`);
    expect(out.turns[0]!.events[0]).toMatchObject({ text: `token ${GH_TAG}` });
    expect(out.turns[0]!.events[1]).toBe(s.turns[0]!.events[1]);
    expect(out.sidechains[0]!.events[0]).toMatchObject({ text: `see ${GH_TAG}` });
    expect(out.totals).toBe(s.totals);
    expect(s.meta.title).toBe(`deploy with ${GH}`);
    expect(r.report()).toEqual({ total: 3, byRule: { 'github-token': 3 } });
  });

  it('returns the same session when nothing matched', () => {
    const s = session([{ ...base, kind: 'text', text: 'hello' }]);
    const clean = { ...s, meta: { ...s.meta, title: 'hello' } };
    expect(createRedactor().redactSession(clean)).toBe(clean);
  });
});
