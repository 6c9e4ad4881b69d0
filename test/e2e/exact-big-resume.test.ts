// Issue #10 (e): resuming a 40 MB session Baton never captured, for one prompt. The new prompt and answer reach the
// outbox and the tracker, every prompt exactly once, and the session is `completed` only once all of it is there.
import { statSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { duplicateUuids, nonce } from './helpers/assertions.js';
import {
  countTranscript,
  exportAll,
  inflateTranscript,
  jsonMainEvents,
  outboxPrompts,
  promptTexts,
  readOutbox,
  settled,
  sleep,
  startTracker,
  trackerMain,
  type Exports,
  type Tracker,
  type TrackerSession,
  type TranscriptCount,
  trackerEnv,
  teardown,
} from './helpers/exact.js';
import { startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import { createSandbox, runClaudeOk, transcriptFor, type ClaudeSandbox } from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';

const TARGET_BYTES = 40 * 1024 * 1024;
describeClaude('issue #10 (e): a 40 MB never-captured session resumed for one prompt', () => {
  const n = nonce();
  const seed = [`seed prompt ${n}`, `RUN_BASH: echo seed-${n}`];
  const fresh = `new prompt after the big resume ${n}`;
  let fake: FakeAnthropic;
  let tracker: Tracker;
  let sb: ClaudeSandbox;
  let sid: string;
  let bulk: string[];
  let counted: TranscriptCount;
  let exports: Exports;
  let stored: TrackerSession;
  let firstCompleted: { eventCount: number } | null = null;

  beforeAll(async () => {
    requireDist('hook.cjs', 'sender.cjs', 'cli.js', 'tracker.js');
    [fake, tracker] = await Promise.all([startFakeAnthropic(), startTracker()]);
    sb = createSandbox('baton-e2e-big-resume-');
    const env = trackerEnv(tracker);
    // Recorded without the plugin: Baton never saw any of it.
    sid = (await runClaudeOk({ bin: claudeBin, sandbox: sb, fake, prompt: seed[0]!, pluginDir: null }))
      .sessionId;
    await runClaudeOk({ bin: claudeBin, sandbox: sb, fake, prompt: seed[1]!, pluginDir: null, resume: sid });
    bulk = inflateTranscript(transcriptFor(sb, sid), n, { bytes: TARGET_BYTES });
    // Watch the tracker from the start: the first `completed` it shows must already hold everything.
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const d = await tracker
          .get<{ session: { status: string; eventCount: number } }>(`/api/v1/sessions/${sid}?limit=0`)
          .catch(() => null);
        if (d?.session.status === 'completed' && !firstCompleted)
          firstCompleted = { eventCount: d.session.eventCount };
        await sleep(100);
      }
    })();
    await runClaudeOk({
      bin: claudeBin,
      sandbox: sb,
      fake,
      prompt: fresh,
      env,
      resume: sid,
      timeoutMs: 300_000,
    });
    counted = countTranscript(transcriptFor(sb, sid));
    try {
      stored = await settled(tracker, sb, sid, 300_000);
    } finally {
      watching = false;
      await watcher;
    }
    exports = await exportAll(sb, sid, env);
  }, 900_000);

  afterAll(async () => {
    await teardown(sb, fake, tracker);
  });

  it('the scenario happened: a 40 MB transcript, resumed for one prompt that the model answered', () => {
    expect(statSync(transcriptFor(sb, sid)).size).toBeGreaterThanOrEqual(TARGET_BYTES);
    expect(counted.badLines).toBe(0);
    expect(counted.prompts).toEqual([...seed, ...bulk, fresh]);
    expect(counted.units.some((u) => u.kind === 'text' && u.text === `ECHO: ${fresh}`)).toBe(true);
  });

  it('the new prompt and its answer reach the outbox, once each, and no record is copied twice', () => {
    const o = readOutbox(sb.dataDir, sid);
    expect(outboxPrompts(o)).toEqual([fresh]);
    expect(o.units.filter((u) => u.kind === 'prompt' && u.text.trim() === fresh)).toHaveLength(1);
    expect(o.units.filter((u) => u.kind === 'text' && u.text.trim() === `ECHO: ${fresh}`)).toHaveLength(1);
    expect(duplicateUuids(o.units)).toEqual([]);
  });

  it('the tracker holds every prompt exactly once, in order, the new answer included', () => {
    const events = trackerMain(stored);
    expect(promptTexts(events)).toEqual(counted.prompts);
    expect(events.some((e) => e.kind === 'text' && e.text === `ECHO: ${fresh}`)).toBe(true);
    expect(new Set(stored.events.map((e) => e.event.uuid)).size).toBe(stored.events.length);
  });

  it('the tracker said `completed` only once everything had arrived', () => {
    expect(firstCompleted, 'seen completed').not.toBeNull();
    expect(firstCompleted!.eventCount).toBe(stored.session.eventCount);
  });

  it('every export holds every prompt exactly once', () => {
    expect(promptTexts(jsonMainEvents(exports.json))).toEqual(counted.prompts);
    const total = counted.prompts.length;
    expect(exports.md).toMatch(
      new RegExp(`\\b${total.toLocaleString('en-US')} prompt\\(s\\)|\\b${total} prompt\\(s\\)`),
    );
    expect(exports.txt).toMatch(
      new RegExp(`\\b${total.toLocaleString('en-US')} prompt\\(s\\)|\\b${total} prompt\\(s\\)`),
    );
    for (const f of ['md', 'txt', 'html'] as const) {
      expect(
        exports[f].split(fresh).length - 1 - (exports[f].split(`ECHO: ${fresh}`).length - 1),
        `${f}: new prompt`,
      ).toBeGreaterThanOrEqual(1);
      expect(exports[f].split(`ECHO: ${fresh}`).length - 1, `${f}: its answer`).toBe(1);
    }
  });
});
