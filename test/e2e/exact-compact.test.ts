// Issue #10 (c): after `/compact`, tokens and cost equal Claude Code's own. The compaction call leaves no assistant
// record; its usage is only in Claude Code's running totals (the `cost-state` record, `total_cost_usd`).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nonce } from './helpers/assertions.js';
import {
  countTranscript,
  exportAll,
  settled,
  startTracker,
  type Exports,
  type TokenCount,
  type Tracker,
  type TrackerSession,
  type TranscriptCount,
  trackerEnv,
  teardown,
} from './helpers/exact.js';
import { isCompactionRequest, startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import {
  createSandbox,
  runClaudeOk,
  transcriptFor,
  type ClaudeOkRun,
  type ClaudeSandbox,
} from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';

const fmt = (n: number) => n.toLocaleString('en-US');

describeClaude('issue #10 (c): /compact', () => {
  const n = nonce();
  let fake: FakeAnthropic;
  let tracker: Tracker;
  let sb: ClaudeSandbox;
  let sid: string;
  let last: ClaudeOkRun;
  let counted: TranscriptCount;
  let served: TokenCount;
  let exports: Exports;
  let stored: TrackerSession;

  beforeAll(async () => {
    requireDist('hook.cjs', 'sender.cjs', 'cli.js', 'tracker.js');
    [fake, tracker] = await Promise.all([startFakeAnthropic(), startTracker()]);
    sb = createSandbox('baton-e2e-compact-');
    const env = trackerEnv(tracker);
    const base = { bin: claudeBin, sandbox: sb, fake, env, timeoutMs: 180_000 };
    sid = (await runClaudeOk({ ...base, prompt: `first prompt ${n}` })).sessionId;
    await runClaudeOk({ ...base, prompt: `RUN_BASH: echo compact-${n}`, resume: sid });
    await runClaudeOk({ ...base, prompt: '/compact', resume: sid });
    last = await runClaudeOk({ ...base, prompt: `after compact ${n}`, resume: sid });
    counted = countTranscript(transcriptFor(sb, sid));
    served = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
    for (const r of fake.replies()) {
      served.input += r.usage.input_tokens;
      served.output += r.usage.output_tokens;
      served.cacheRead += r.usage.cache_read_input_tokens;
      served.cacheWrite += r.usage.cache_creation_input_tokens;
    }
    stored = await settled(tracker, sb, sid);
    exports = await exportAll(sb, sid, env);
  }, 400_000);

  afterAll(async () => {
    await teardown(sb, fake, tracker);
  });

  it("the scenario happened: a compaction call was served, left no assistant record, and Claude Code's totals hold it", () => {
    expect(fake.requests.filter((r) => r.reply && isCompactionRequest(r.body))).toHaveLength(1);
    expect(counted.tokens.input, 'assistant records miss the compaction call').toBeLessThan(served.input);
    expect(counted.costState, 'a cost-state record').not.toBeNull();
    expect(counted.costState!.tokens).toEqual(served);
    expect(counted.costState!.totalCostUSD).toBeCloseTo(Number(last.result.total_cost_usd), 12);
  });

  it("the JSON export's tokens and cost equal Claude Code's", () => {
    const totals = exports.json.totals as { tokens: TokenCount; costUsd: number | null };
    expect(totals.tokens).toEqual(counted.costState!.tokens);
    expect(totals.costUsd).toBeCloseTo(counted.costState!.totalCostUSD, 12);
  });

  for (const format of ['md', 'txt', 'html'] as const) {
    it(`the ${format} export shows Claude Code's token totals`, () => {
      const t = counted.costState!.tokens;
      for (const v of [t.input, t.output, t.cacheRead, t.cacheWrite])
        expect(exports[format], `${format}: ${fmt(v)}`).toContain(fmt(v));
    });
  }

  it("the tracker's tokens and cost equal Claude Code's", () => {
    expect(stored.session.totals.tokens).toEqual(counted.costState!.tokens);
    expect(stored.session.totals.costUsd).toBeCloseTo(counted.costState!.totalCostUSD, 12);
    expect(stored.session.totals.prompts).toBe(counted.prompts.length);
  });
});
