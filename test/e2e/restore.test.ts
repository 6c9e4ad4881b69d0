// Issue #12, end to end with the real `claude`: a synced session whose local files are gone (Claude Code's cleanup)
// comes back with `baton restore`, its secret still redacted, and `claude -p --resume` carries on from it; the new
// turn joins the tracker's copy without repeating a line. Twice: synced by the plugin's sender, and by `baton sync`.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { settled, startTracker, stopDetached, trackerEnv, type Tracker } from './helpers/exact.js';
import { startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import { expectEarlierTurns, expectGatedCopy, expectSameLines, requestFor } from './helpers/resume-checks.js';
import {
  batonOk,
  createMachine,
  localFiles,
  mirrored,
  sessionOnA,
  sessionPaths,
  type SessionOnA,
  type SyncPath,
} from './helpers/resume-machines.js';
import { runClaudeOk, type ClaudeSandbox } from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';

type Rec = Record<string, unknown>;

const paths: SyncPath[] = ['sender', 'baton sync'];

describeClaude.each(paths)(
  'issue #12: baton restore brings back a deleted transcript (synced by %s)',
  (via) => {
    let fake: FakeAnthropic;
    let tracker: Tracker;
    let a: ClaudeSandbox;
    let s: SessionOnA;
    let onA: Map<string, string[]>;
    let mirror: Map<string, Rec[]>;
    let restored: Map<string, string[]> | undefined;
    let prompt: string;

    beforeAll(async () => {
      requireDist('hook.cjs', 'sender.cjs', 'cli.js', 'tracker.js');
      [fake, tracker] = await Promise.all([startFakeAnthropic(), startTracker()]);
      a = await createMachine(`baton-e2e-restore-${via === 'sender' ? 'sender' : 'sync'}-`);
      s = await sessionOnA(fake, tracker, a, via);
      onA = localFiles(s.transcript);
      mirror = await mirrored(tracker, s.sessionId, onA);
      prompt = `delta after the restore ${s.n}`;
    }, 150_000);

    afterAll(async () => {
      await stopDetached(a);
      await fake?.close();
      await tracker?.close();
      a?.cleanup();
    });

    it('after the files are deleted, baton restore writes each back in place, line for line, the secret redacted', async () => {
      expect([...onA.keys()].filter((k) => k.startsWith('subagents/'))).toHaveLength(1);
      const paths = sessionPaths(a, a.projectDir, s.sessionId);
      expect(paths.main).toBe(s.transcript);
      // What Claude Code's cleanup does: the transcript and the session's folder (its subagents) go.
      rmSync(s.transcript);
      rmSync(dirname(paths.subagents), { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      const report = JSON.parse((await batonOk(a, tracker, ['restore', '--json'])).stdout) as {
        restored: { sessionId: string; cwd: string; files: { subKey: string; path: string }[] }[];
        failed: unknown[];
      };
      expect(report.failed).toEqual([]);
      expect(report.restored.map((r) => [r.sessionId, r.cwd])).toEqual([[s.sessionId, a.projectDir]]);
      expect(existsSync(paths.main), 'the main transcript is back').toBe(true);
      restored = localFiles(paths.main);
      expect([...restored.keys()].sort()).toEqual([...onA.keys()].sort());
      for (const [k, lines] of onA) {
        const back = restored.get(k)!.map((l) => JSON.parse(l) as Rec);
        expectGatedCopy(back, lines, s.secret, `restored '${k}'`);
        expect(back, `restored '${k}' is the tracker's copy`).toEqual(mirror.get(k));
      }
    }, 60_000);

    it('claude --resume carries on from the restored file: the model gets the earlier turns, never the secret', async () => {
      expect(restored, 'the restore test ran first').toBeDefined();
      const run = await runClaudeOk({
        bin: claudeBin,
        sandbox: a,
        fake,
        prompt,
        resume: s.sessionId,
        env: via === 'sender' ? trackerEnv(tracker) : {},
      });
      expect(run.sessionId).toBe(s.sessionId);
      const req = requestFor(fake, prompt);
      expectEarlierTurns(req, s, prompt);
      expect(JSON.stringify(req.body).includes(s.secret), 'the request holds the secret').toBe(false);
      const lines = readFileSync(s.transcript, 'utf8');
      expect(lines.startsWith(restored!.get('')!.join('\n'))).toBe(true);
      expect(lines.includes(s.secret), 'the transcript holds the secret').toBe(false);
    }, 120_000);

    it("the turn typed after the restore joins the tracker's copy, repeating no line", async () => {
      if (via === 'sender') await settled(tracker, a, s.sessionId, 90_000);
      else await batonOk(a, tracker, ['sync']);
      const now = localFiles(s.transcript);
      const after = await mirrored(tracker, s.sessionId, now);
      expect(after.get('')!.slice(0, mirror.get('')!.length)).toEqual(mirror.get('')!);
      expectSameLines(after.get('')!, now.get('')!, `the tracker's copy after the ${via} sent the new turn`);
    }, 120_000);

    it('restore leaves a transcript that is already here alone', async () => {
      const before = readFileSync(s.transcript, 'utf8');
      const report = JSON.parse((await batonOk(a, tracker, ['restore', '--json'])).stdout) as {
        restored: unknown[];
        present: number;
      };
      expect(report).toMatchObject({ restored: [], present: 1 });
      expect(readFileSync(s.transcript, 'utf8')).toBe(before);
    }, 60_000);
  },
);
