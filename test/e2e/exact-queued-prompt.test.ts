// Issue #10 (a): a prompt typed while a turn is running reaches every output exactly once, where Claude Code delivered it.
// Claude Code writes such a prompt only as an `attachment` record of type `queued_command` (no `user` record); the
// UserPromptSubmit hook still fires. A correct Baton shows it once, between the tool result it followed and the reply.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { duplicateUuids, expectInOrder, nonce } from './helpers/assertions.js';
import {
  count,
  countTranscript,
  eventShape,
  exportAll,
  jsonMainEvents,
  outboxPrompts,
  promptTexts,
  readOutbox,
  settled,
  shape,
  startStreamClaude,
  startTracker,
  trackerMain,
  until,
  type Exports,
  type Tracker,
  type TrackerSession,
  type TranscriptCount,
  expectClaudeTotals,
  trackerEnv,
  teardown,
} from './helpers/exact.js';
import { startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import { createSandbox, sandboxEnv, transcriptFor, type ClaudeSandbox } from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';

describeClaude('issue #10 (a): a prompt queued while a turn runs', () => {
  const n = nonce();
  const first = `RUN_BASH: sleep 6; echo slept-${n}`;
  const queued = `queued prompt ${n} typed mid-turn`;
  const third = `third prompt ${n} after the turn`;
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
    sb = createSandbox('baton-e2e-queued-');
    const env = trackerEnv(tracker);
    const claude = startStreamClaude({ bin: claudeBin, sandbox: sb, env: sandboxEnv(sb, fake, env) });
    claude.send(first);
    // The Bash call is running once its PreToolUse hook wrote tool_start: type the next prompt now.
    const init = await claude.waitForLine(
      'the init line',
      (l) => l.type === 'system' && l.subtype === 'init',
    );
    sid = String(init.session_id);
    await until('the Bash call to start', 120_000, () => {
      try {
        return readOutbox(sb.dataDir, sid).lines.some((l) => l.k === 'tool_start');
      } catch {
        return false;
      }
    });
    claude.send(queued);
    await claude.waitForLine('the first result', (l) => l.type === 'result');
    claude.send(third);
    await claude.waitForLine(
      'the second result',
      (l) => l.type === 'result' && l !== claude.lines.find((x) => x.type === 'result'),
    );
    expect(await claude.end(), claude.stderr()).toBe(0);
    counted = countTranscript(transcriptFor(sb, sid));
    stored = await settled(tracker, sb, sid);
    exports = await exportAll(sb, sid, env);
  }, 400_000);

  afterAll(async () => {
    await teardown(sb, fake, tracker);
  });

  it('the scenario happened: the transcript holds the prompt only as a queued_command attachment', () => {
    expect(counted.badLines).toBe(0);
    expect(counted.prompts).toEqual([first, queued, third]);
    expect(counted.units.find((u) => u.text === queued)?.queued, 'queued via attachment').toBe(true);
    // Delivered after the tool result, before the answer that followed it.
    const s = shape(counted.units);
    const at = s.indexOf(`prompt:${queued}`);
    expect(s[at - 1]).toMatch(/^tool_result:/);
    expect(s[at + 1]).toBe(`text:BASH_DONE: slept-${n}`);
  });

  it('the outbox holds every prompt once (hook lines) and no transcript record twice', () => {
    const o = readOutbox(sb.dataDir, sid);
    expect(outboxPrompts(o)).toEqual([first, queued, third]);
    expect(duplicateUuids(o.units)).toEqual([]);
  });

  it('the JSON export holds the queued prompt once, at the point delivered', () => {
    const events = jsonMainEvents(exports.json);
    expect(promptTexts(events)).toEqual(counted.prompts);
    expect(eventShape(events)).toEqual(shape(counted.units));
    expect((exports.json.totals as { prompts: number }).prompts).toBe(3);
    expect(new Set(events.map((e) => e.uuid)).size).toBe(events.length);
  });

  for (const format of ['md', 'txt', 'html'] as const) {
    it(`the ${format} export holds the queued prompt once, between the tool result and the reply`, () => {
      const text = exports[format];
      expect(count(text, queued), `queued prompt in ${format}`).toBe(1);
      expectInOrder(
        text,
        [first, `slept-${n}`, queued, `BASH_DONE: slept-${n}`, third, `ECHO: ${third}`],
        format,
      );
      if (format !== 'html') expect(text).toMatch(/\b3 prompt\(s\)/);
    });
  }

  it('the tracker holds the queued prompt once, at the point delivered, and counts 3 prompts', () => {
    const events = trackerMain(stored);
    expect(promptTexts(events)).toEqual(counted.prompts);
    expect(eventShape(events)).toEqual(shape(counted.units));
    expect(new Set(stored.events.map((e) => e.event.uuid)).size).toBe(stored.events.length);
    expect(stored.session.totals.prompts).toBe(3);
  });
  it("tokens and cost equal Claude Code's own (its last cost-state), in the export and on the tracker", () => {
    expectClaudeTotals(counted, exports.json, stored);
  });
});
