// E2E: a real multi-turn `claude -p` session streamed live (/baton:export-session --live), watched by an SSE client.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SessionEvent } from '../../src/core/model/session.js';
import { loadSession } from '../../src/core/transcript/index.js';
import { outboxPaths } from '../../src/capture/outbox/paths.js';
import { readEndedState } from '../../src/capture/delivery/live/state.js';
import { openSse, type SseConnection } from '../helpers/sse-client.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { nonce } from './helpers/assertions.js';
import { startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import { createSandbox, runClaudeOk, transcriptFor, type ClaudeSandbox } from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';
import { repoRoot } from './helpers/claude-binary.js';

interface Received {
  seq: number;
  event: SessionEvent;
  at: number;
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
      return e.kind;
  }
}

const SHOWN = new Set(['prompt', 'text', 'tool_call', 'tool_result']);

describeClaude('e2e: live streaming of a real claude session', () => {
  const n = nonce();
  const later = [`second live prompt ${n}`, `RUN_BASH: echo live-marker-${n}`, `fourth live prompt ${n}`];
  let fake: FakeAnthropic;
  let sb: ClaudeSandbox;
  let tracker: WebTracker;
  let sse: SseConnection;
  let sessionId: string;
  let viewUrl: string;
  const received: Received[] = [];
  let endData: { status: string; postUrl?: string | null } | null = null;
  let stopReport = '';

  beforeAll(async () => {
    requireDist('hook.cjs', 'cli.js', 'live-relay.cjs');
    tracker = await startWebTracker();
    fake = await startFakeAnthropic();
    sb = createSandbox();
    const env = {
      BATON_URL: tracker.url,
      BATON_API_KEY: tracker.ownerKey,
      // Each -p run ends with SessionEnd(other): the stream waits this long for the next --resume.
      BATON_LIVE_END_GRACE_MS: '120000',
    };
    const base = { bin: claudeBin, sandbox: sb, fake, env, timeoutMs: 120_000 };

    // Turn 1: the slash command starts the stream from inside the session (its allowed-tools cover the node call).
    const first = await runClaudeOk({ ...base, prompt: '/baton:export-session --live', allowedTools: [] });
    sessionId = first.sessionId;
    const expanded = fake.requests
      .filter((r) => r.path === '/v1/messages')
      .map((r) => r.lastUserText ?? '')
      .find((t) => /^BATON_LIVE_OK: /m.test(t));
    const m = /^BATON_LIVE_OK: Live at (\S+) /m.exec(expanded ?? '');
    if (!m)
      throw new Error(
        `no viewer URL in the command output:\n${fake.requests
          .map((r) => r.lastUserText)
          .join('\n---\n')
          .slice(0, 3000)}`,
      );
    viewUrl = m[1]!;

    // A viewer joins after turn 1 (it gets the backlog first), then watches the next turns live.
    sse = openSse(`${viewUrl}/events`);
    sse.onMessage((msg) => {
      if (msg.event === 'event') {
        const d = JSON.parse(msg.data) as { seq: number; event: SessionEvent };
        received.push({ seq: d.seq, event: d.event, at: Date.now() });
      } else if (msg.event === 'end') endData = JSON.parse(msg.data);
    });
    expect(await sse.status).toBe(200);

    for (const prompt of later)
      await runClaudeOk({ ...base, prompt, resume: sessionId, allowedTools: ['Bash'] });
    await sse.waitFor(
      (msg) =>
        msg.event === 'event' &&
        (JSON.parse(msg.data).event as SessionEvent).kind === 'text' &&
        JSON.parse(msg.data).event.text === `ECHO: ${later[2]}`,
      30_000,
    );
    const stop = await runClaudeOk({
      ...base,
      prompt: '/baton:export-session --live stop',
      resume: sessionId,
      allowedTools: [],
    });
    stopReport =
      fake.requests
        .filter((r) => r.path === '/v1/messages')
        .map((r) => r.lastUserText ?? '')
        .reverse()
        .find((t) => /^BATON_LIVE_OK: /m.test(t)) ?? '';
    void stop;
    await sse.waitFor((msg) => msg.event === 'end', 30_000);
  }, 600_000);

  afterAll(async () => {
    sse?.close();
    await fake?.close();
    await tracker?.close();
    sb?.cleanup();
  });

  it('the viewer received every prompt, reply and tool call of the session, once each, in transcript order', async () => {
    const session = await loadSession(transcriptFor(sb, sessionId));
    const transcript = session.turns
      .flatMap((t) => t.events)
      .filter((e) => SHOWN.has(e.kind))
      .map(label);
    // The stop command's own turn ends the stream while it runs: its prompt may or may not make it, its reply cannot.
    const stopAt = transcript.indexOf('prompt:/baton:export-session --live stop');
    expect(stopAt).toBeGreaterThan(0);
    const expected = transcript.slice(0, stopAt);
    const got = received.map((r) => label(r.event)).filter((l, i) => SHOWN.has(received[i]!.event.kind));
    const gotBeforeStop =
      got[got.length - 1] === 'prompt:/baton:export-session --live stop' ? got.slice(0, -1) : got;
    expect(
      gotBeforeStop,
      JSON.stringify(received.map((r) => [r.seq, label(r.event), r.event.uuid, r.event.timestamp, r.at])),
    ).toEqual(expected);
    expect(new Set(got).size).toBe(got.length);
    for (const p of later) expect(got).toContain(`prompt:${p}`);
    expect(got).toContain(`text:BASH_DONE: live-marker-${n}`);
    expect(got.some((l) => l.startsWith('tool_call:Bash:'))).toBe(true);
    const seqs = received.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('stopping kept the stream as a post and told the viewer', () => {
    expect(stopReport).toMatch(/^BATON_LIVE_OK: Live stream ended and kept as a post: http/m);
    expect(endData?.status).toBe('completed');
    expect(endData?.postUrl).toMatch(/^http/);
    const final = readEndedState(sb.dataDir, sessionId);
    expect(final?.outcome).toBe('kept');
    expect(final?.postUrl).toBe(endData?.postUrl);
  });

  it('records how soon each prompt reached the viewer after its UserPromptSubmit hook (reported, not asserted)', () => {
    const hookTs = new Map<string, number>();
    for (const line of readFileSync(outboxPaths(sb.dataDir, sessionId).outbox, 'utf8').split('\n')) {
      if (!line.includes('"k":"prompt"')) continue;
      const e = JSON.parse(line) as { ts: string; text: string };
      hookTs.set(e.text, Date.parse(e.ts));
    }
    const rows = later.map((p) => {
      const r = received.find((x) => x.event.kind === 'prompt' && x.event.text === p);
      const at = hookTs.get(p);
      return {
        prompt: p,
        hookToViewerMs: r && at ? r.at - at : null,
        viaHook: r?.event.uuid.startsWith('live-prompt-') ?? false,
      };
    });
    for (const r of rows) expect(r.hookToViewerMs, r.prompt).not.toBeNull();
    const dir = join(repoRoot, 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'live-e2e-latency.json'),
      `${JSON.stringify({ at: new Date().toISOString(), rows }, null, 2)}\n`,
    );
    console.log(
      `live e2e: prompt hook→viewer latency: ${rows.map((r) => `${r.hookToViewerMs} ms${r.viaHook ? '' : ' (via transcript)'}`).join(', ')}`,
    );
  });
});
