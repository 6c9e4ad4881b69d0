// Issue #10 (d): a fork of a session with subagents. Parent + fork never double count on the tracker (tokens, cost,
// project duration), and the fork keeps its subagents (the inherited one and its own).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectSlug } from '../../src/core/api/index.js';
import { nonce } from './helpers/assertions.js';
import {
  countTranscript,
  exportAll,
  jsonSidechains,
  promptTexts,
  settled,
  startTracker,
  trackerMain,
  type Exports,
  type TokenCount,
  type Tracker,
  type TrackerSession,
  type TranscriptCount,
  trackerEnv,
  teardown,
} from './helpers/exact.js';
import { startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import { createSandbox, runClaudeOk, transcriptFor, type ClaudeSandbox } from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';

type Totals = TrackerSession['session']['totals'] & {
  inherited?: { tokens: TokenCount; costUsd: number | null; durationMs: number };
};
const zero: TokenCount = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
const minus = (a: TokenCount, b: TokenCount): TokenCount => ({
  input: a.input - b.input,
  output: a.output - b.output,
  cacheRead: a.cacheRead - b.cacheRead,
  cacheWrite: a.cacheWrite - b.cacheWrite,
});
const plus = (a: TokenCount, b: TokenCount): TokenCount => minus(a, minus(zero, b));

describeClaude('issue #10 (d): fork of a session with subagents', () => {
  const n = nonce();
  const p = {
    a1: `RUN_AGENT: parent subtask ${n}`,
    a2: `parent second ${n}`,
    f1: `RUN_AGENT: fork subtask ${n}`,
  };
  let fake: FakeAnthropic;
  let tracker: Tracker;
  let sb: ClaudeSandbox;
  let parentId: string;
  let forkId: string;
  let served: TokenCount;
  let cParent: TranscriptCount;
  let cFork: TranscriptCount;
  let eParent: Exports;
  let eFork: Exports;
  let sParent: TrackerSession;
  let sFork: TrackerSession;
  let wall: { start: number; end: number };

  beforeAll(async () => {
    requireDist('hook.cjs', 'sender.cjs', 'cli.js', 'tracker.js');
    [fake, tracker] = await Promise.all([startFakeAnthropic(), startTracker()]);
    sb = createSandbox('baton-e2e-fork-subagents-');
    const env = trackerEnv(tracker);
    const base = {
      bin: claudeBin,
      sandbox: sb,
      fake,
      env,
      timeoutMs: 180_000,
      allowedTools: ['Bash', 'Agent', 'Task'],
    };
    wall = { start: Date.now(), end: 0 };
    parentId = (await runClaudeOk({ ...base, prompt: p.a1 })).sessionId;
    await runClaudeOk({ ...base, prompt: p.a2, resume: parentId });
    forkId = (await runClaudeOk({ ...base, prompt: p.f1, resume: parentId, forkSession: true })).sessionId;
    wall.end = Date.now();
    served = fake.replies().reduce(
      (t, r) =>
        plus(t, {
          input: r.usage.input_tokens,
          output: r.usage.output_tokens,
          cacheRead: r.usage.cache_read_input_tokens,
          cacheWrite: r.usage.cache_creation_input_tokens,
        }),
      zero,
    );
    cParent = countTranscript(transcriptFor(sb, parentId));
    cFork = countTranscript(transcriptFor(sb, forkId));
    sParent = await settled(tracker, sb, parentId);
    sFork = await settled(tracker, sb, forkId);
    eParent = await exportAll(sb, parentId, env);
    eFork = await exportAll(sb, forkId, env);
  }, 400_000);

  afterAll(async () => {
    await teardown(sb, fake, tracker);
  });

  it('the scenario happened: the parent has a subagent file, the fork its own, and the fork repeats the parent history', () => {
    expect(forkId).not.toBe(parentId);
    expect(cParent.subagents.size).toBe(1);
    expect(cFork.subagents.size).toBe(1);
    expect(cParent.prompts).toEqual([p.a1, p.a2]);
    expect(cFork.prompts).toEqual([p.a1, p.a2, p.f1]);
  });

  it('the fork JSON export keeps both subagents (inherited and its own), each once', () => {
    const agents = jsonSidechains(eFork.json).map((c) => c.agentId);
    const expected = [...cParent.subagents.keys(), ...cFork.subagents.keys()];
    expect(new Set(agents)).toEqual(new Set(expected));
    expect(agents).toHaveLength(expected.length);
    const texts = jsonSidechains(eFork.json).flatMap((c) => c.events.map((e) => String(e.text ?? '')));
    expect(texts).toContain(`ECHO: parent subtask ${n}`);
    expect(texts).toContain(`ECHO: fork subtask ${n}`);
    for (const f of ['md', 'txt', 'html'] as const)
      expect(eFork[f], f).toContain(`ECHO: parent subtask ${n}`);
  });

  it('the fork on the tracker keeps both subagents', () => {
    const agents = new Set(sFork.events.flatMap((e) => (e.event.agentId ? [e.event.agentId] : [])));
    expect(agents).toEqual(new Set([...cParent.subagents.keys(), ...cFork.subagents.keys()]));
    expect(promptTexts(trackerMain(sFork))).toEqual(cFork.prompts);
  });

  it('parent + fork own parts equal the tokens served, once each (exports and tracker)', () => {
    const own = (t: Totals) => minus(t.tokens, t.inherited?.tokens ?? zero);
    expect(plus(own(eParent.json.totals as Totals), own(eFork.json.totals as Totals)), 'exports').toEqual(
      served,
    );
    expect(
      plus(own(sParent.session.totals as Totals), own(sFork.session.totals as Totals)),
      'tracker',
    ).toEqual(served);
  });

  it("the project's total duration never counts the shared history twice", async () => {
    const slug = projectSlug({ cwd: sb.projectDir })!;
    const { project } = await tracker.get<{
      project: { stats: { sessions: number; totalDurationMs: number } & Record<string, unknown> };
    }>(`/api/v1/projects/${slug}`);
    expect(project.stats.sessions).toBe(2);
    expect(project.stats.totalDurationMs, 'at most the wall time both runs took').toBeLessThanOrEqual(
      wall.end - wall.start,
    );
    const tokens = project.stats.tokens as TokenCount | undefined;
    if (tokens) expect(tokens).toEqual(served);
  });
});
