// Issue #10: one poison record never stops a session's upload. The real claude writes a tool call whose input is
// nested thousands of levels deep (before the fix the sender crashed on it at every restart, and the session never
// completed); the rest of the session must reach the tracker, and `baton status` must say what was set aside.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nonce } from './helpers/assertions.js';
import {
  settled,
  startTracker,
  trackerMain,
  type Tracker,
  type TrackerSession,
  countTranscript,
  exportAll,
  expectClaudeTotals,
  type Exports,
  type TranscriptCount,
  trackerEnv,
  teardown,
} from './helpers/exact.js';
import { startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import {
  createSandbox,
  readJsonl,
  runBatonCli,
  runClaudeOk,
  transcriptFor,
  type ClaudeSandbox,
} from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';

// The reported record was ~4,500 levels deep; claude 2.1.330 drops a tool input that deep as a cut-off stream, while
// 3,000 levels are written to the transcript and still stopped the old sender for good (it never completed).
const DEPTH = 3000;

describeClaude('issue #10: a poison record is set aside and reported, never blocking the rest', () => {
  const n = nonce();
  let fake: FakeAnthropic;
  let tracker: Tracker;
  let sb: ClaudeSandbox;
  let sid: string;
  let stored: TrackerSession;
  let counted: TranscriptCount;
  let exports: Exports;

  beforeAll(async () => {
    requireDist('hook.cjs', 'sender.cjs', 'cli.js', 'tracker.js');
    [fake, tracker] = await Promise.all([startFakeAnthropic(), startTracker()]);
    sb = createSandbox('baton-e2e-poison-');
    const env = trackerEnv(tracker);
    const first = await runClaudeOk({
      bin: claudeBin,
      sandbox: sb,
      fake,
      prompt: `RUN_DEEP: ${DEPTH} echo poison-${n}`,
      env,
      allowedTools: ['Bash'],
      timeoutMs: 180_000,
    });
    sid = first.sessionId;
    await runClaudeOk({
      bin: claudeBin,
      sandbox: sb,
      fake,
      prompt: `after the poison ${n}`,
      resume: sid,
      env,
      timeoutMs: 180_000,
    });
    stored = await settled(tracker, sb, sid);
    counted = countTranscript(transcriptFor(sb, sid));
    exports = await exportAll(sb, sid, env);
  }, 400_000);

  afterAll(async () => {
    await teardown(sb, fake, tracker);
  });

  it('the scenario happened: the transcript holds the deeply nested tool input', () => {
    const call = readJsonl(transcriptFor(sb, sid)).find(
      (r) => r.type === 'assistant' && JSON.stringify(r).includes('"nested"'),
    );
    expect(call, 'the deep tool_use record').toBeDefined();
  });

  it('everything else reached the tracker and the session completed', () => {
    expect(stored.session.status).toBe('completed');
    const prompts = trackerMain(stored)
      .filter((e) => e.kind === 'prompt')
      .map((e) => String(e.text).trim());
    expect(prompts).toEqual([`RUN_DEEP: ${DEPTH} echo poison-${n}`, `after the poison ${n}`]);
    expect(
      trackerMain(stored).some((e) => e.kind === 'text' && e.text === `ECHO: after the poison ${n}`),
    ).toBe(true);
  });

  it('baton status names what was set aside and why', async () => {
    const r = await runBatonCli(sb, ['status', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const skipped = (
      JSON.parse(r.stdout) as {
        skipped: Array<{ sessionId: string; total: number; byReason: Record<string, number> }>;
      }
    ).skipped;
    const mine = skipped.find((s) => s.sessionId === sid);
    expect(mine, r.stdout).toBeDefined();
    expect(mine!.total).toBeGreaterThanOrEqual(1);
    const text = await runBatonCli(sb, ['status']);
    expect(text.stdout).toContain(sid);
  });
  it("tokens and cost equal Claude Code's own (its last cost-state), in the export and on the tracker", () => {
    expectClaudeTotals(counted, exports.json, stored);
  });
});
