// The live relay against a real tracker: hook prompts first, transcript events once, order, restart, pause, end.
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { addLiveNote, setLivePaused, startLive, stopLive } from '../../src/capture/delivery/live/control.js';
import { livePaths } from '../../src/capture/delivery/live/paths.js';
import { startLiveRelay, type LiveRelay } from '../../src/capture/delivery/live/relay.js';
import { readEndedState, readLiveState } from '../../src/capture/delivery/live/state.js';
import type { SessionEvent } from '../../src/core/model/session.js';
import { openSse, type SseConnection } from '../helpers/sse-client.js';
import { createLiveSandbox, recordedLines, type LiveSandbox } from '../helpers/live-sandbox.js';

interface Seen {
  seq: number;
  turnIndex: number | null;
  event: SessionEvent;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function relayFor(sb: LiveSandbox, grace = 300): LiveRelay {
  const relay = startLiveRelay({
    dataDir: sb.config.dataDir,
    sessionId: sb.sessionId,
    client: sb.client,
    canPush: true,
    redact: true,
    claudeConfigDir: sb.config.claudeConfigDir,
    pollMs: 50,
    endGraceMs: { other: grace, default: grace },
    log: (m) => process.env.BATON_TEST_DEBUG && console.error(`[relay] ${m}`),
  });
  cleanups.push(async () => {
    relay.stop();
    await relay.done;
  });
  return relay;
}

function events(sse: SseConnection): Seen[] {
  return sse.messages.filter((m) => m.event === 'event').map((m) => JSON.parse(m.data) as Seen);
}

function label(e: SessionEvent): string {
  switch (e.kind) {
    case 'prompt':
    case 'text':
      return `${e.kind}:${e.text}`;
    case 'tool_call':
      return `tool_call:${e.name}:${e.toolUseId}`;
    case 'tool_result':
      return `tool_result:${e.toolUseId}`;
    default:
      return `${e.kind}`;
  }
}

const waitForEvent = (sse: SseConnection, pred: (s: Seen) => boolean) =>
  sse.waitFor((m) => m.event === 'event' && pred(JSON.parse(m.data) as Seen), 15_000);

/** The recorded session cut into its three turns (each starting at a typed prompt record). */
function turns(): Record<string, unknown>[][] {
  const lines = recordedLines();
  const starts = lines
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.type === 'user' && typeof (r.message as { content?: unknown }).content === 'string')
    .map(({ i }) => i);
  return starts.map((s, k) => lines.slice(k === 0 ? 0 : s, starts[k + 1] ?? lines.length));
}

const promptIdOf = (turn: Record<string, unknown>[]) =>
  turn.find((r) => r.type === 'user' && typeof r.promptId === 'string')!.promptId as string;
const promptTextOf = (turn: Record<string, unknown>[]) =>
  (turn.find((r) => r.type === 'user' && typeof r.promptId === 'string')!.message as { content: string })
    .content;

describe('live relay with a real tracker', () => {
  it('streams each prompt (from the hook, before the transcript has it), reply and tool call once, in order, then keeps it as a post', async () => {
    const sb = await createLiveSandbox();
    cleanups.push(() => sb.close());
    const started = await startLive(sb.control(), {
      sessionId: sb.sessionId,
      cwd: sb.cwd,
      title: 'relay test',
    });
    expect(started.alreadyLive).toBe(false);
    expect(readLiveState(sb.config.dataDir, sb.sessionId)?.producerToken).toMatch(/\S/);
    const sse = openSse(`${started.state.viewUrl}/events`);
    cleanups.push(() => sse.close());
    expect(await sse.status).toBe(200);
    const relay = relayFor(sb);

    const [t1, t2, t3] = turns();
    for (const turn of [t1!, t2!, t3!]) {
      // UserPromptSubmit fires before Claude Code writes the prompt record: the hook's copy must reach viewers alone.
      sb.hook({ k: 'prompt', text: promptTextOf(turn), promptId: promptIdOf(turn) });
      await waitForEvent(sse, (s) => s.event.kind === 'prompt' && s.event.text === promptTextOf(turn));
      sb.writeTranscript(turn);
      const tool = turn.find((r) => r.type === 'assistant' && JSON.stringify(r).includes('"tool_use"'));
      if (tool) {
        const id = (tool.message as { content: Array<{ id: string; name: string }> }).content[0]!.id;
        // PreToolUse runs after the transcript already holds the tool_use: the hook copy is a duplicate, dropped.
        sb.hook({
          k: 'tool_start',
          name: 'Bash',
          toolUseId: id,
          input: { command: 'echo recorded-marker-42' },
        });
      }
      const lastText = [...turn].reverse().find((r) => r.type === 'assistant')!;
      const text = (lastText.message as { content: Array<{ text?: string }> }).content[0]!.text!;
      await waitForEvent(sse, (s) => s.event.kind === 'text' && s.event.text === text);
    }

    sb.hook({ k: 'end', reason: 'prompt_input_exit' });
    const end = await sse.waitFor((m) => m.event === 'end', 20_000);
    expect(await relay.done).toBe('ended');

    const seen = events(sse);
    expect(seen.map((s) => label(s.event))).toEqual([
      'prompt:first prompt alpha',
      'text:ECHO: first prompt alpha',
      'prompt:RUN_BASH: echo recorded-marker-42',
      'text:Running: echo recorded-marker-42',
      'tool_call:Bash:toolu_fake_1',
      'tool_result:toolu_fake_1',
      'text:BASH_DONE: recorded-marker-42',
      'prompt:third prompt gamma',
      'text:ECHO: third prompt gamma',
    ]);
    // Prompts came from the hooks (synthetic uuids); everything else carries its transcript uuid.
    expect(
      seen.filter((s) => s.event.kind === 'prompt').every((s) => s.event.uuid.startsWith('live-prompt-')),
    ).toBe(true);
    expect(
      seen.filter((s) => s.event.kind !== 'prompt').every((s) => !s.event.uuid.startsWith('live-')),
    ).toBe(true);
    const seqs = seen.map((s) => s.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seen.map((s) => s.turnIndex)).toEqual([0, 0, 1, 1, 1, 1, 1, 2, 2]);

    // Kept as a post: built from the pushed transcript (transcript uuids), so later syncs never duplicate a prompt.
    const final = readEndedState(sb.config.dataDir, sb.sessionId, started.state.liveId)!;
    expect(final.outcome).toBe('kept');
    expect(JSON.parse(end.data).postUrl).toBe(final.postUrl);
    expect(readLiveState(sb.config.dataDir, sb.sessionId)).toBeNull();
    expect(existsSync(livePaths(sb.config.dataDir, sb.sessionId).progress)).toBe(false);
    const stored = await sb.client.sessions.get(sb.sessionId);
    const prompts = stored.events.filter((e) => e.event.kind === 'prompt');
    const recordedPrompts = recordedLines().filter(
      (r) => r.type === 'user' && typeof (r.message as { content?: unknown }).content === 'string',
    );
    expect(prompts.map((p) => p.event.uuid)).toEqual(recordedPrompts.map((r) => r.uuid));
    // The kept session carries its raw transcript lines too (issue 12), line for line, so it can be resumed.
    const mirrored = await sb.client.sessions.listEntries(sb.sessionId, { limit: 1000 });
    const written = readFileSync(sb.transcriptPath, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as unknown);
    expect(written).toHaveLength(recordedLines().length);
    expect(mirrored.entries.map((e) => e.line)).toEqual(written);
  });

  it('resumes after a restart without repeating events, and continues the seq numbers', async () => {
    const sb = await createLiveSandbox();
    cleanups.push(() => sb.close());
    const { state } = await startLive(sb.control(), { sessionId: sb.sessionId, cwd: sb.cwd });
    const sse = openSse(`${state.viewUrl}/events`);
    cleanups.push(() => sse.close());
    const [t1, t2] = turns();
    let relay = relayFor(sb);
    sb.writeTranscript(t1!);
    await waitForEvent(sse, (s) => s.event.kind === 'text' && s.event.text === 'ECHO: first prompt alpha');
    relay.stop();
    expect(await relay.done).toBe('stopped');

    // While no relay runs, the session goes on; the next relay picks up from the saved offsets.
    sb.writeTranscript(t2!);
    relay = relayFor(sb);
    await waitForEvent(
      sse,
      (s) => s.event.kind === 'text' && s.event.text === 'BASH_DONE: recorded-marker-42',
    );
    const seen = events(sse);
    const labels = seen.map((s) => label(s.event));
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toHaveLength(7);
    expect(seen.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('streams nothing captured while paused, streams notes, and discards on request', async () => {
    const sb = await createLiveSandbox();
    cleanups.push(() => sb.close());
    const control = sb.control();
    const { state } = await startLive(control, { sessionId: sb.sessionId, cwd: sb.cwd, discardOnEnd: true });
    const sse = openSse(`${state.viewUrl}/events`);
    cleanups.push(() => sse.close());
    relayFor(sb);
    const [t1, t2, t3] = turns();
    sb.writeTranscript(t1!);
    await waitForEvent(sse, (s) => s.event.kind === 'text');

    await setLivePaused(control, { sessionId: sb.sessionId, paused: true });
    await sse.waitFor((m) => m.event === 'status' && JSON.parse(m.data).status === 'paused');
    sb.writeTranscript(t2!);
    sb.hook({ k: 'prompt', text: 'secret-ish prompt while paused', promptId: 'p-paused' });
    await setLivePaused(control, { sessionId: sb.sessionId, paused: false });
    await addLiveNote(control, { sessionId: sb.sessionId, kind: 'status', text: 'back from a break' });
    await waitForEvent(sse, (s) => s.event.kind === 'system' && s.event.text === 'back from a break');
    sb.writeTranscript(t3!);
    await waitForEvent(sse, (s) => s.event.kind === 'text' && s.event.text === 'ECHO: third prompt gamma');

    const labels = events(sse).map((s) => label(s.event));
    expect(labels.some((l) => l.includes('RUN_BASH') || l.includes('paused'))).toBe(false);
    expect(labels).toContain('prompt:third prompt gamma');

    const stopped = await stopLive(control, { sessionId: sb.sessionId });
    expect(stopped.endedBy).toBe('relay');
    expect(stopped.state?.outcome).toBe('discarded');
    const info = await sb.client.live.get(state.liveId);
    expect(info.status).toBe('revoked');
    // Discard deletes what was streamed, not just the link.
    expect(await sb.tracker.live.live.store.readAfter(state.liveId, 0, 100)).toEqual([]);
  });
});
