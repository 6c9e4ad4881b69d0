// Issue #12, end to end with the real `claude`: a session recorded on machine A (a Bash call, a subagent, a secret
// typed in a prompt) syncs to the tracker; machine B (a fresh HOME, another checkout of the same remote) runs
// `baton resume <id>` and then `claude -p --resume <id>`: the model gets A's turns and B's transcript continues A's.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  settled,
  startTracker,
  stopDetached,
  trackerEnv,
  trackerSession,
  type Tracker,
} from './helpers/exact.js';
import { startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import {
  expectEarlierTurns,
  expectGatedCopy,
  expectSameLines,
  filesHolding,
  requestFor,
  withCwd,
} from './helpers/resume-checks.js';
import {
  batonOk,
  createMachine,
  localFiles,
  mirrored,
  sessionOnA,
  sessionPaths,
  type SessionOnA,
} from './helpers/resume-machines.js';
import { runClaudeOk, type ClaudeSandbox } from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';

type Rec = Record<string, unknown>;

describeClaude('issue #12: resume a session on another machine', () => {
  let fake: FakeAnthropic;
  let tracker: Tracker;
  let a: ClaudeSandbox;
  let b: ClaudeSandbox;
  let s: SessionOnA;
  let onA: Map<string, string[]>;
  let mirror: Map<string, Rec[]> | undefined;
  /** B's files right after `baton resume`, before claude touched them. */
  let written: Map<string, string[]> | undefined;
  let bPrompt: string;

  beforeAll(async () => {
    requireDist('hook.cjs', 'sender.cjs', 'cli.js', 'tracker.js');
    [fake, tracker] = await Promise.all([startFakeAnthropic(), startTracker()]);
    a = await createMachine('baton-e2e-resume-a-');
    // Another path, of another length: a byte offset on A names a different line on B.
    b = await createMachine('baton-e2e-resume-machine-b-');
    s = await sessionOnA(fake, tracker, a);
    onA = localFiles(s.transcript);
    bPrompt = `gamma on machine B ${s.n}`;
  }, 150_000);

  afterAll(async () => {
    await stopDetached(b);
    await stopDetached(a);
    await fake?.close();
    await tracker?.close();
    a?.cleanup();
    b?.cleanup();
  });

  it('the scenario happened on A: one session with a Bash call, a subagent file and the secret in a prompt', () => {
    expect([...onA.keys()].filter((k) => k.startsWith('subagents/agent-'))).toHaveLength(1);
    expect(onA.get('')!.some((l) => l.includes(s.secret))).toBe(true);
    expect(onA.get('')!.some((l) => l.includes('"name":"Bash"'))).toBe(true);
  });

  it("the tracker mirrors each of A's files line for line, in order, the secret redacted", async () => {
    mirror = await mirrored(tracker, s.sessionId, onA);
    expect([...mirror.keys()].sort()).toEqual([...onA.keys()].sort());
    for (const [k, lines] of onA) expectGatedCopy(mirror.get(k)!, lines, s.secret, `tracker '${k}'`);
  }, 60_000);

  it("baton resume on B writes every file where B's claude looks, only cwd mapped onto B's checkout", async () => {
    expect(mirror, 'the mirror test ran first').toBeDefined();
    const r = await batonOk(b, tracker, ['resume', s.sessionId, '--json']);
    const out = JSON.parse(r.stdout) as {
      directory: string;
      via: string;
      cwdMapping: { from: string; to: string } | null;
      files: { subKey: string; path: string; lines: number; action: string }[];
      command: string;
    };
    const paths = sessionPaths(b, b.projectDir, s.sessionId);
    // Found through the shared remote: no --cwd, and A's own directory exists on this host too.
    expect(out).toMatchObject({
      directory: b.projectDir,
      via: 'git',
      cwdMapping: { from: a.projectDir, to: b.projectDir },
    });
    expect(out.command).toContain(`claude --resume ${s.sessionId}`);
    expect(out.files.find((f) => f.subKey === '')).toMatchObject({ path: paths.main, action: 'written' });
    expect(out.files.map((f) => [f.subKey, f.lines]).sort()).toEqual(
      [...onA].map(([k, l]) => [k, l.length]).sort(),
    );
    expect(existsSync(paths.main)).toBe(true);
    written = localFiles(paths.main);
    expect([...written.keys()].sort()).toEqual([...onA.keys()].sort());
    for (const [k, stored] of mirror!) {
      const lines = written.get(k)!.map((l) => JSON.parse(l) as Rec);
      expect(lines, `B's '${k}'`).toEqual(stored.map((rec) => withCwd(rec, a.projectDir, b.projectDir)));
      expect(
        lines.some((rec) => rec.cwd === b.projectDir),
        `B's '${k}' has records with B's cwd`,
      ).toBe(true);
      expect(written.get(k)!.join('\n').includes(s.secret), `B's '${k}' holds the secret`).toBe(false);
    }
  }, 60_000);

  it("claude --resume on B sends the model A's earlier turns: prompts, the Bash call and its result", async () => {
    expect(written, 'baton resume wrote the files').toBeDefined();
    const run = await runClaudeOk({
      bin: claudeBin,
      sandbox: b,
      fake,
      prompt: bPrompt,
      resume: s.sessionId,
      env: trackerEnv(tracker),
    });
    expect(run.sessionId).toBe(s.sessionId);
    const req = requestFor(fake, bPrompt);
    expectEarlierTurns(req, s, bPrompt);
    expect(JSON.stringify(req.body).includes(s.secret), 'the request holds the secret').toBe(false);
  }, 120_000);

  it("B's transcript continues A's: same session id, A's lines first, then new records chained onto A's last", () => {
    const paths = sessionPaths(b, b.projectDir, s.sessionId);
    const now = localFiles(paths.main);
    const before = written!.get('')!;
    const lines = now.get('')!;
    expect(lines.slice(0, before.length), 'the restored lines are left as they were').toEqual(before);
    const added = lines.slice(before.length).map((l) => JSON.parse(l) as Rec);
    expect(added.length).toBeGreaterThan(0);
    for (const rec of added) if ('sessionId' in rec) expect(rec.sessionId).toBe(s.sessionId);
    const aUuids = before.flatMap((l) => {
      const u = (JSON.parse(l) as Rec).uuid;
      return typeof u === 'string' ? [u] : [];
    });
    const prompt = added.find(
      (r) => r.type === 'user' && (r.message as Rec | undefined)?.content === bPrompt,
    );
    expect(prompt, "B's prompt record").toBeDefined();
    expect(prompt!.parentUuid, "B's prompt chains onto A's last record").toBe(aUuids.at(-1));
    for (const rec of added) if (typeof rec.uuid === 'string') expect(aUuids).not.toContain(rec.uuid);
    // The subagent file is still A's, as restored.
    for (const [k, l] of written!) if (k !== '') expect(now.get(k), k).toEqual(l);
    expect(JSON.stringify([...now.values()]).includes(s.secret), "B's files hold the secret").toBe(false);
  });

  it("the tracker's copy continues too: B's new lines follow A's, each line once", async () => {
    await settled(tracker, b, s.sessionId, 90_000);
    const onB = localFiles(sessionPaths(b, b.projectDir, s.sessionId).main);
    const after = await mirrored(tracker, s.sessionId, onB);
    const main = after.get('')!;
    const before = mirror!.get('')!;
    expect(main.slice(0, before.length), "A's lines first, unchanged").toEqual(before);
    const added = onB.get('')!.slice(written!.get('')!.length);
    expectSameLines(main.slice(before.length), added, "B's new lines on the tracker");
    const d = await trackerSession(tracker, s.sessionId);
    expect(d?.session.totals.prompts, 'three prompts in all, none counted twice').toBe(3);
  }, 120_000);

  it('no file on B holds the secret: not the transcripts, not what Baton captured there', async () => {
    await settled(tracker, b, s.sessionId, 90_000);
    expect(filesHolding(b.root, s.secret)).toEqual([]);
    // The check can see it: A's own files still hold what was typed there.
    expect(filesHolding(a.root, s.secret).length).toBeGreaterThan(0);
  }, 120_000);

  it("back on A, baton resume --latest replaces A's older copy and the model on A gets B's turn too", async () => {
    await settled(tracker, b, s.sessionId, 90_000);
    // --latest: the project's latest session, found from A's checkout (same remote as B's).
    const r = await batonOk(a, tracker, ['resume', '--latest', '--json']);
    const out = JSON.parse(r.stdout) as {
      sessionId: string;
      directory: string;
      files: { subKey: string; action: string }[];
    };
    expect(out.sessionId).toBe(s.sessionId);
    expect(out.directory).toBe(a.projectDir);
    expect(out.files.find((f) => f.subKey === '')?.action, "A's copy lacked B's lines").toBe('replaced');
    const recs = localFiles(s.transcript)
      .get('')!
      .map((l) => JSON.parse(l) as Rec);
    const cwds = new Set(recs.flatMap((rec) => (typeof rec.cwd === 'string' ? [rec.cwd] : [])));
    expect([...cwds], "every record's cwd is A's checkout again").toEqual([a.projectDir]);
    const prompt = `epsilon back on A ${s.n}`;
    const run = await runClaudeOk({ bin: claudeBin, sandbox: a, fake, prompt, resume: s.sessionId });
    expect(run.sessionId).toBe(s.sessionId);
    const conv = expectEarlierTurns(requestFor(fake, prompt), s, prompt);
    expect(conv, "B's prompt").toContain(`user:text:${bPrompt}`);
    expect(conv, "B's reply").toContain(`assistant:text:ECHO: ${bPrompt}`);
  }, 120_000);
});
