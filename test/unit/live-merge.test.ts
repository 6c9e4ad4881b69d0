// Live merging rules: first source wins per prompt/tool, turn counting, restore from a snapshot; pause intervals.
import { describe, expect, it } from 'vitest';
import { LiveMerger, type OutboxLiveEntry } from '../../src/capture/delivery/live/merge.js';
import { capEvent } from '../../src/capture/delivery/live/sink.js';
import { pausedAt, withPause, type LiveState } from '../../src/capture/delivery/live/state.js';
import type { SessionEvent } from '../../src/core/model/session.js';

const prompt = (uuid: string, text: string): SessionEvent => ({ uuid, kind: 'prompt', text });
const text = (uuid: string, t: string): SessionEvent => ({ uuid, kind: 'text', text: t });
const call = (uuid: string, id: string): SessionEvent => ({
  uuid,
  kind: 'tool_call',
  toolUseId: id,
  name: 'Bash',
  input: { command: 'ls' },
});
const hook = (seq: number, e: Partial<OutboxLiveEntry>): OutboxLiveEntry => ({
  seq,
  ts: `2026-01-01T00:00:0${seq}.000Z`,
  k: 'prompt',
  ...e,
});

describe('LiveMerger', () => {
  it('sends a hook prompt at once and drops its transcript twin (same promptId); the turn opens once', () => {
    const m = new LiveMerger();
    const a = m.fromOutbox([hook(1, { text: 'hello', promptId: 'p1' })]);
    expect(a.emitted.map((e) => [e.event.uuid, e.turnIndex])).toEqual([['live-prompt-p1', 0]]);
    const b = m.fromTranscript([
      { event: prompt('u1', 'hello'), promptId: 'p1' },
      { event: text('u2', 'hi!') },
    ]);
    expect(b.map((e) => [e.event.uuid, e.turnIndex])).toEqual([['u2', 0]]);
    const c = m.fromTranscript([{ event: prompt('u3', 'next'), promptId: 'p2' }]);
    expect(c.map((e) => [e.event.uuid, e.turnIndex])).toEqual([['u3', 1]]);
    // The hook copy of a prompt the transcript already showed is dropped.
    expect(m.fromOutbox([hook(2, { text: 'next', promptId: 'p2' })]).emitted).toEqual([]);
  });

  it('drops the PreToolUse copy of a tool call the transcript already holds, and keeps the first otherwise', () => {
    const m = new LiveMerger();
    expect(m.fromTranscript([{ event: call('u1', 'toolu_1') }])).toHaveLength(1);
    expect(
      m.fromOutbox([hook(1, { k: 'tool_start', name: 'Bash', toolUseId: 'toolu_1', input: {} })]).emitted,
    ).toEqual([]);
    const early = m.fromOutbox([
      hook(2, {
        k: 'tool_start',
        name: 'Read',
        toolUseId: 'toolu_2',
        input: { file_path: '/x' },
        agentId: 'a1',
      }),
    ]).emitted;
    expect(early.map((e) => e.event)).toEqual([
      {
        uuid: 'live-tool-toolu_2',
        kind: 'tool_call',
        toolUseId: 'toolu_2',
        name: 'Read',
        input: { file_path: '/x' },
        timestamp: '2026-01-01T00:00:02.000Z',
        agentId: 'a1',
      },
    ]);
    expect(m.fromTranscript([{ event: call('u2', 'toolu_2') }])).toEqual([]);
  });

  it('holds a tool start (and what follows) until the lagging transcript shows its tool_use, or the hold ends', () => {
    const m = new LiveMerger();
    expect(
      m.fromOutbox([hook(1, { k: 'tool_start', name: 'Bash', toolUseId: 'toolu_x', input: {} })], 1000, 300)
        .emitted,
    ).toEqual([]);
    expect(m.holding).toBe(true);
    expect(m.holdUntil(300)).toBe(1300);
    expect(m.fromOutbox([hook(2, { text: 'after the tool', promptId: 'p9' })], 1100, 300).emitted).toEqual(
      [],
    );
    // The transcript catches up: its text and tool_use come first, in order; the hook copy is dropped.
    expect(
      m
        .fromTranscript([{ event: text('t1', 'Running it') }, { event: call('t2', 'toolu_x') }])
        .map((e) => e.event.uuid),
    ).toEqual(['t1', 't2']);
    expect(m.fromOutbox([], 1150, 300).emitted.map((e) => e.event.uuid)).toEqual(['live-prompt-p9']);
    expect(m.holding).toBe(false);
    // No transcript copy within the hold: the hook's copy is shown so viewers still see what runs.
    m.fromOutbox([hook(3, { k: 'tool_start', name: 'Read', toolUseId: 'toolu_y', input: {} })], 2000, 300);
    expect(m.fromOutbox([], 2299, 300).emitted).toEqual([]);
    expect(m.fromOutbox([], 2300, 300).emitted.map((e) => e.event.uuid)).toEqual(['live-tool-toolu_y']);
  });

  it('shows a typed slash command as a command, reports lifecycle records, and numbers notes into the current turn', () => {
    const m = new LiveMerger();
    const r = m.fromOutbox([
      hook(1, { k: 'start', source: 'resume' }),
      hook(2, { text: '/baton:export-session --live', promptId: 'p1' }),
      hook(3, { k: 'end', reason: 'other' }),
    ]);
    expect(r.emitted[0]!.event).toMatchObject({
      kind: 'prompt',
      command: { name: '/baton:export-session', args: '--live' },
    });
    expect(r.lifecycle).toEqual([
      { kind: 'start', source: 'resume' },
      { kind: 'end', reason: 'other' },
    ]);
    expect(m.note({ id: 'n1', ts: 't', kind: 'status', text: 'building' })).toEqual({
      event: {
        uuid: 'live-note-n1',
        kind: 'system',
        subtype: 'live_status',
        text: 'building',
        timestamp: 't',
      },
      turnIndex: 0,
    });
  });

  it('restores its keys and turn from a snapshot (a restarted relay does not resend or renumber)', () => {
    const m = new LiveMerger();
    m.fromOutbox([hook(1, { text: 'one', promptId: 'p1' })]);
    m.fromTranscript([{ event: call('u1', 'toolu_1') }]);
    const again = new LiveMerger(JSON.parse(JSON.stringify(m.snapshot())));
    expect(
      again.fromTranscript([
        { event: prompt('u0', 'one'), promptId: 'p1' },
        { event: call('u1b', 'toolu_1') },
      ]),
    ).toEqual([]);
    expect(again.fromOutbox([hook(5, { text: 'two', promptId: 'p2' })]).emitted[0]!.turnIndex).toBe(1);
  });
});

describe('pause intervals and live caps', () => {
  const base: LiveState = {
    v: 1,
    sessionId: 's',
    liveId: 'l',
    producerToken: 't',
    viewUrl: 'v',
    trackerUrl: 'u',
    expiresAt: 'e',
    visibility: 'unlisted',
    discardOnEnd: false,
    status: 'active',
    createdAt: 'c',
  };

  it('drops exactly the events stamped inside a pause; untimed events follow the current status', () => {
    const paused = withPause(base, true, '2026-01-01T00:00:10.000Z');
    const resumed = withPause(
      withPause(paused, true, '2026-01-01T00:00:11.000Z'),
      false,
      '2026-01-01T00:00:20.000Z',
    );
    expect(resumed.pauses).toEqual([{ from: '2026-01-01T00:00:10.000Z', to: '2026-01-01T00:00:20.000Z' }]);
    expect(pausedAt(resumed, '2026-01-01T00:00:09.999Z')).toBe(false);
    expect(pausedAt(resumed, '2026-01-01T00:00:15.000Z')).toBe(true);
    expect(pausedAt(resumed, '2026-01-01T00:00:20.000Z')).toBe(false);
    expect(pausedAt(paused, '2030-01-01T00:00:00.000Z')).toBe(true);
    expect(pausedAt(paused, undefined)).toBe(true);
    expect(pausedAt(resumed, undefined)).toBe(false);
  });

  it('cuts long fields for the live view and leaves short ones untouched', () => {
    const e: SessionEvent = {
      uuid: 'x',
      kind: 'tool_result',
      toolUseId: 't',
      content: 'y'.repeat(100),
      isError: false,
    };
    expect(capEvent(e, 200)).toBe(e);
    const cut = capEvent(e, 10) as Extract<SessionEvent, { kind: 'tool_result' }>;
    expect(cut.content).toBe(`${'y'.repeat(10)}\n… [90 more characters not streamed]`);
    const big = capEvent(call('c', 'id'), 5) as Extract<SessionEvent, { kind: 'tool_call' }>;
    expect(typeof big.input).toBe('string');
  });
});
