// Issue #10 (b): a background subagent's completion notice is a system event, never a prompt the user typed.
// Claude Code (2.1.330 and 2.1.332 alike, in -p mode) runs the Agent tool in the background and, when the subagent is
// done, feeds the main thread a `user` record holding `<task-notification>` with `origin.kind: "task-notification"`.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { duplicateUuids, nonce } from './helpers/assertions.js';
import {
  count,
  countTranscript,
  exportAll,
  jsonMainEvents,
  jsonSidechains,
  outboxPrompts,
  promptTexts,
  readOutbox,
  settled,
  startTracker,
  trackerMain,
  type Exports,
  type LooseEvent,
  type Tracker,
  type TrackerSession,
  type TranscriptCount,
  expectClaudeTotals,
  trackerEnv,
  teardown,
} from './helpers/exact.js';
import { startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import {
  createSandbox,
  readJsonl,
  runClaudeOk,
  transcriptFor,
  type ClaudeSandbox,
} from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';

const isNotice = (e: LooseEvent) => e.kind === 'system' && /task.?notification/i.test(String(e.subtype));

describeClaude('issue #10 (b): a background subagent task notification', () => {
  const n = nonce();
  // The subagent's own reply is slow, so it surely outlives the turn that launched it (a notice, not an inline result).
  const sub = `SLOW_REPLY(2500) background work ${n}`;
  const prompt = `RUN_AGENT_BG: ${sub}`;
  let fake: FakeAnthropic;
  let tracker: Tracker;
  let sb: ClaudeSandbox;
  let sid: string;
  let counted: TranscriptCount;
  let exports: Exports;
  let stored: TrackerSession;

  beforeAll(async () => {
    requireDist('hook.cjs', 'sender.cjs', 'cli.js', 'tracker.js');
    [fake, tracker] = await Promise.all([startFakeAnthropic(), startTracker()]);
    sb = createSandbox('baton-e2e-task-notice-');
    const env = trackerEnv(tracker);
    const run = await runClaudeOk({
      bin: claudeBin,
      sandbox: sb,
      fake,
      prompt,
      env,
      allowedTools: ['Bash', 'Agent', 'Task'],
      timeoutMs: 180_000,
    });
    sid = run.sessionId;
    counted = countTranscript(transcriptFor(sb, sid));
    stored = await settled(tracker, sb, sid);
    exports = await exportAll(sb, sid, env);
  }, 400_000);

  afterAll(async () => {
    await teardown(sb, fake, tracker);
  });

  it('the scenario happened: a background subagent ran and its notice came back as a system-origin user record', () => {
    const recs = readJsonl(transcriptFor(sb, sid));
    const notice = recs.filter(
      (r) => (r.origin as { kind?: string } | undefined)?.kind === 'task-notification',
    );
    expect(notice.length, 'task-notification records').toBeGreaterThanOrEqual(1);
    expect(counted.notifications).toHaveLength(1);
    expect(counted.prompts).toEqual([prompt]);
    const subs = [...counted.subagents.values()].flat();
    expect(subs.some((u) => u.kind === 'text' && u.text === `ECHO: ${sub}`)).toBe(true);
  });

  it('the outbox holds the typed prompt once and no record twice', () => {
    const o = readOutbox(sb.dataDir, sid);
    // The UserPromptSubmit hook fires for the notice too: that raw observation may stay in the outbox (it is the
    // hook's log, not an output) as long as the typed prompt is there once and nothing else poses as typed.
    const lines = outboxPrompts(o);
    expect(lines.filter((t) => t === prompt)).toHaveLength(1);
    expect(lines.filter((t) => t !== prompt && !t.startsWith('<task-notification>'))).toEqual([]);
    expect(duplicateUuids(o.units)).toEqual([]);
  });

  it('the JSON export: one prompt, the notice as one system event, the subagent kept', () => {
    const events = jsonMainEvents(exports.json);
    expect(promptTexts(events)).toEqual([prompt]);
    expect((exports.json.totals as { prompts: number }).prompts).toBe(1);
    expect(events.filter(isNotice)).toHaveLength(1);
    expect(
      events.filter((e) => e.kind === 'prompt' && /task-notification|<task-id>/.test(String(e.text))),
    ).toEqual([]);
    const side = jsonSidechains(exports.json).flatMap((c) => c.events);
    expect(side.some((e) => e.kind === 'text' && e.text === `ECHO: ${sub}`)).toBe(true);
  });

  it('md and txt count one prompt and show one user turn', () => {
    expect(exports.md).toMatch(/\b1 prompt\(s\)/);
    expect(exports.txt).toMatch(/\b1 prompt\(s\)/);
    expect(count(exports.md, '**User**'), 'md user headings').toBe(1);
    expect(count(exports.txt, 'USER:'), 'txt user headings').toBe(1);
    for (const f of ['md', 'txt', 'html'] as const)
      expect(count(exports[f], prompt), f).toBeGreaterThanOrEqual(1);
  });

  it('the tracker: one prompt, the notice as one system event, totals count one prompt', () => {
    const events = trackerMain(stored);
    expect(promptTexts(events)).toEqual([prompt]);
    expect(events.filter(isNotice)).toHaveLength(1);
    expect(stored.session.totals.prompts).toBe(1);
    expect(new Set(stored.events.map((e) => e.event.uuid)).size).toBe(stored.events.length);
  });
  it("tokens and cost equal Claude Code's own (its last cost-state), in the export and on the tracker", () => {
    expectClaudeTotals(counted, exports.json, stored);
  });
});
