// Issue #10: every subagent is attached to the Agent call that spawned it, in spawn order, in every output. Two
// parallel Agent calls from one reply are the case where "which answered which" is otherwise lost. The link is
// worked out independently here: each subagent file's first prompt is the `prompt` input of exactly one call.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nonce } from './helpers/assertions.js';
import {
  exportAll,
  jsonSidechains,
  settled,
  startTracker,
  type Exports,
  type Tracker,
  countTranscript,
  expectClaudeTotals,
  type TrackerSession,
  type TranscriptCount,
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

type Rec = Record<string, unknown>;

const textOf = (content: unknown): string =>
  typeof content === 'string'
    ? content
    : Array.isArray(content)
      ? content.map((b) => (typeof (b as Rec).text === 'string' ? (b as Rec).text : '')).join('\n')
      : '';

/** [agentId, toolUseId] in the order the calls were made, from the transcript files alone. */
function expectedLinks(transcript: string, sid: string): Array<[string, string]> {
  const calls: Array<{ id: string; prompt: string }> = [];
  for (const r of readJsonl(transcript)) {
    if (r.type !== 'assistant') continue;
    for (const b of ((r.message as Rec | undefined)?.content ?? []) as Rec[]) {
      if (b.type === 'tool_use' && (b.name === 'Agent' || b.name === 'Task'))
        calls.push({ id: String(b.id), prompt: String((b.input as Rec).prompt) });
    }
  }
  const dir = join(dirname(transcript), sid, 'subagents');
  const firstPrompt = new Map<string, string>();
  for (const f of readdirSync(dir).filter((n) => /^agent-.+\.jsonl$/.test(n))) {
    const first = readJsonl(join(dir, f)).find((r) => r.type === 'user');
    firstPrompt.set(
      f.slice('agent-'.length, -'.jsonl'.length),
      textOf((first?.message as Rec | undefined)?.content).trim(),
    );
  }
  return calls.map((c) => {
    const agent = [...firstPrompt].find(([, p]) => p === c.prompt.trim());
    if (!agent) throw new Error(`no subagent file answers call ${c.id} (${c.prompt})`);
    return [agent[0], c.id];
  });
}

describeClaude('issue #10: subagents attached to their spawning call, in spawn order', () => {
  const n = nonce();
  // The first subagent replies slowly, so the second finishes first: spawn order and completion order differ.
  const prompt = `RUN_AGENTS: SLOW_REPLY(1500) alpha task ${n} || beta task ${n}`;
  let fake: FakeAnthropic;
  let tracker: Tracker;
  let sb: ClaudeSandbox;
  let sid: string;
  let links: Array<[string, string]>;
  let exports: Exports;
  let counted: TranscriptCount;
  let stored: TrackerSession;

  beforeAll(async () => {
    requireDist('hook.cjs', 'sender.cjs', 'cli.js', 'tracker.js');
    [fake, tracker] = await Promise.all([startFakeAnthropic(), startTracker()]);
    sb = createSandbox('baton-e2e-links-');
    const env = trackerEnv(tracker);
    const run = await runClaudeOk({
      bin: claudeBin,
      sandbox: sb,
      fake,
      prompt,
      env,
      allowedTools: ['Agent', 'Task'],
      timeoutMs: 180_000,
    });
    sid = run.sessionId;
    links = expectedLinks(transcriptFor(sb, sid), sid);
    counted = countTranscript(transcriptFor(sb, sid));
    stored = await settled(tracker, sb, sid);
    exports = await exportAll(sb, sid, env);
  }, 400_000);

  afterAll(async () => {
    await teardown(sb, fake, tracker);
  });

  it('the scenario happened: two Agent calls in one reply, each answered by its own subagent file', () => {
    expect(links).toHaveLength(2);
    expect(new Set(links.map(([a]) => a)).size).toBe(2);
  });

  it('the JSON export links each subagent to its call, in spawn order', () => {
    expect(jsonSidechains(exports.json).map((c) => [c.agentId, c.toolUseId])).toEqual(links);
  });

  it('md, txt and html name each spawning call, in spawn order', () => {
    for (const f of ['md', 'txt', 'html'] as const) {
      const at = links.map(([, toolUseId]) => exports[f].indexOf(toolUseId));
      expect(
        at.every((i) => i >= 0),
        `${f} names both calls`,
      ).toBe(true);
      // The call ids appear in the main turn too; the sidechain headers come after it, in the same order.
      const headers = links.map(([, toolUseId]) => exports[f].lastIndexOf(toolUseId));
      expect(headers[0]! < headers[1]!, `${f} order`).toBe(true);
    }
  });

  it('the tracker holds the same links in the same order', async () => {
    const r = await fetch(`${tracker.url}/api/v1/sessions/${encodeURIComponent(sid)}/export?format=json`, {
      headers: { authorization: `Bearer ${tracker.key}` },
    });
    expect(r.status).toBe(200);
    const stored = jsonSidechains((await r.json()) as Rec);
    expect(stored.map((c) => [c.agentId, c.toolUseId])).toEqual(links);
    expect(stored.every((c) => c.events.length > 0)).toBe(true);
  });
  it("tokens and cost equal Claude Code's own (its last cost-state), in the export and on the tracker", () => {
    expectClaudeTotals(counted, exports.json, stored);
  });
});
