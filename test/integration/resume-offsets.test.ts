// Machine A follows a session (its outbox holds an offset into the transcript), the session goes on on machine B,
// and `baton resume` on A replaces A's file with the tracker's copy (B's continuation; A's own lines redacted, so
// shorter). The capture's offset must not stay a position in the old file: the next hook sweep and sender run on A
// set nothing aside (no fragment of a line), store only the lines A then adds, and A's next turn follows B's.
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { appendToOutbox } from '../../src/capture/outbox/writer.js';
import { readQuarantine } from '../../src/capture/outbox/quarantine.js';
import { outboxPaths } from '../../src/capture/outbox/paths.js';
import { runSender, type SenderOptions } from '../../src/capture/delivery/sender/run-sender.js';
import { resumeSession } from '../../src/resume/resume-session.js';
import { restoreSessions } from '../../src/resume/restore.js';
import { projectDirOf } from '../../src/resume/paths.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { fake } from '../helpers/fake-secrets.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/transcripts/projects/-home-dev-proj');
const FIXTURE_SID = '7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11';
const SID = 'a0000000-0000-4000-8000-0000000000f1';

let tracker: WebTracker;
let client: TrackerClient;
let root: string;

beforeAll(async () => {
  tracker = await startWebTracker();
  client = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
  root = realpathSync(mkdtempSync(join(tmpdir(), 'baton-resume-offsets-')));
});
afterAll(async () => {
  await client?.close();
  await tracker?.close();
  rmSync(root, { recursive: true, force: true });
});

const sender = (dataDir: string, extra: Partial<SenderOptions> = {}) =>
  runSender({ dataDir, client, apiKey: tracker.ownerKey, idleMs: 0, pollMs: 10, minIntervalMs: 0, ...extra });

/** What a hook does: copy what the transcript gained into the outbox (the start names the transcript). */
const hook = (dataDir: string, cwd: string, path: string, k: 'start' | 'prompt' = 'prompt', sid = SID) =>
  appendToOutbox(dataDir, sid, [k === 'start' ? { k, cwd, transcriptPath: path } : { k, cwd }], {
    sweep: [{ path }],
  });

const jsonl = (records: object[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');
const turn = (id: string, parentUuid: string, cwd: string, text: string, sid = SID) => [
  {
    type: 'user',
    uuid: `${id}-u`,
    parentUuid,
    sessionId: sid,
    cwd,
    message: { role: 'user', content: text },
  },
  {
    type: 'assistant',
    uuid: `${id}-a`,
    parentUuid: `${id}-u`,
    sessionId: sid,
    cwd,
    message: { id: `msg-${id}`, role: 'assistant', content: [{ type: 'text', text: `answer ${id}` }] },
  },
];

async function storedLines(sid = SID): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let after = 0; ;) {
    const page = await client.sessions.listEntries(sid, { subKey: '', after, limit: 1000 });
    out.push(...page.entries.map((e) => e.line));
    if (page.next === null) return out;
    after = page.next;
  }
}

describe('baton resume over a transcript the capture already follows', () => {
  it.each([
    ['', false],
    [' (and after the state file is rebuilt from the outbox)', true],
  ])(
    'the next sweep starts at a line boundary: nothing set aside, only the new lines stored, numbered after B%s',
    async (_, torn) => {
      const sid = torn ? 'a0000000-0000-4000-8000-0000000000f3' : SID;
      const base = join(root, torn ? 'torn' : 'plain');
      // Machine A: the fixture session plus a turn holding a secret (the tracker's copy of it is shorter).
      const cwdA = join(base, 'a', 'proj');
      const cwdB = join(base, 'b', 'another-checkout', 'proj');
      mkdirSync(cwdA, { recursive: true });
      mkdirSync(cwdB, { recursive: true });
      const env = (m: string) => ({ BATON_DATA_DIR: join(base, `data-${m}`), HOME: join(base, `home-${m}`) });
      const dataA = env('a').BATON_DATA_DIR;
      const dataB = env('b').BATON_DATA_DIR;
      const mainA = join(projectDirOf(join(base, 'claude-a'), cwdA), `${sid}.jsonl`);
      mkdirSync(join(mainA, '..'), { recursive: true });
      const fixture = readFileSync(join(FIXTURE, `${FIXTURE_SID}.jsonl`), 'utf8')
        .replaceAll(FIXTURE_SID, sid)
        .replaceAll('/home/dev/proj', cwdA);
      const secret = fake('ghp_', 36, 3);
      writeFileSync(
        mainA,
        fixture + jsonl(turn('a1', 'e0e0e0e0-0002-4000-8000-000000000000', cwdA, `use ${secret}`, sid)),
      );
      hook(dataA, cwdA, mainA, 'start', sid);
      expect(await sender(dataA)).toBe('idle');
      const beforeB = (await storedLines(sid)).length;

      // Machine B resumes it, adds a turn, and its sender stores that turn.
      const onB = await resumeSession(
        {
          sessions: client.sessions,
          claudeConfigDir: join(base, 'claude-b'),
          cwd: cwdB,
          env: env('b'),
          dataDir: dataB,
        },
        { sessionId: sid, cwd: cwdB },
      );
      const mainB = onB.files.find((f) => f.subKey === '')!.path;
      const bTurn = turn('b1', 'a1-a', cwdB, 'continued on B', sid);
      appendFileSync(mainB, jsonl(bTurn));
      hook(dataB, cwdB, mainB, 'start', sid);
      expect(await sender(dataB)).toBe('idle');
      expect((await storedLines(sid)).length).toBe(beforeB + 2);

      // Back on A: resume replaces A's file (forced: A's line with the secret is not in the tracker's redacted copy
      // as such), then A goes on with a turn of its own.
      const onA = await resumeSession(
        {
          sessions: client.sessions,
          claudeConfigDir: join(base, 'claude-a'),
          cwd: cwdA,
          env: env('a'),
          dataDir: dataA,
        },
        { sessionId: sid, cwd: cwdA, force: true },
      );
      expect(onA.files.find((f) => f.subKey === '')).toMatchObject({ path: mainA, action: 'replaced' });
      expect(readFileSync(mainA, 'utf8')).not.toContain(secret);
      // A torn state file is rebuilt from the outbox: the move must survive that too.
      if (torn) writeFileSync(outboxPaths(dataA, sid).state, '{"v":1,"se');
      const aTurn = turn('a2', 'b1-a', cwdA, 'back on A', sid);
      appendFileSync(mainA, jsonl(aTurn));
      hook(dataA, cwdA, mainA, 'prompt', sid);
      expect(await sender(dataA)).toBe('idle');

      // Nothing set aside (before the fix: the first copied "line" was a fragment, unparsable_line).
      expect(readQuarantine(dataA, sid)).toEqual([]);
      // The tracker's copy: what it had, then A's new turn, once.
      const stored = await storedLines(sid);
      expect(stored.length).toBe(beforeB + 4);
      expect(stored.slice(-2)).toEqual(aTurn);
      // A's outbox copied no line from before its new turn but B's (the lines the session gained elsewhere).
      const copied = readFileSync(outboxPaths(dataA, sid).outbox, 'utf8')
        .split('\n')
        .filter((l) => l.includes('"k":"records"'))
        .slice(1)
        .flatMap((l) =>
          (JSON.parse(l) as { lines: string[] }).lines.map((x) => (JSON.parse(x) as { uuid?: string }).uuid),
        );
      expect(copied).toEqual(['b1-u', 'b1-a', 'a2-u', 'a2-a']);
      // A's next turn is numbered after B's, as the session reads.
      const events = (await client.sessions.get(sid, { limit: 1000 })).events;
      const turnOf = (prefix: string) =>
        new Set(events.filter((e) => String(e.event.uuid).startsWith(prefix)).map((e) => e.turnIndex));
      const [b] = [...turnOf('b1-')];
      const [a2] = [...turnOf('a2-')];
      expect(b).toBeDefined();
      expect(a2).toBeGreaterThan(b!);
    },
  );

  it('baton restore after cleanup deleted a followed transcript: the next sweep sets nothing aside either', async () => {
    const sid = 'a0000000-0000-4000-8000-0000000000f2';
    const cwd = join(root, 'c', 'proj-restored');
    mkdirSync(cwd, { recursive: true });
    const dataDir = join(root, 'data-c');
    const claude = join(root, 'claude-c');
    const main = join(projectDirOf(claude, cwd), `${sid}.jsonl`);
    mkdirSync(join(main, '..'), { recursive: true });
    const fixture = readFileSync(join(FIXTURE, `${FIXTURE_SID}.jsonl`), 'utf8')
      .replaceAll(FIXTURE_SID, sid)
      .replaceAll('/home/dev/proj', cwd);
    const first = turn('c1', 'e0e0e0e0-0002-4000-8000-000000000000', cwd, `use ${fake('ghp_', 36, 4)}`, sid);
    writeFileSync(main, fixture + jsonl(first));
    hook(dataDir, cwd, main, 'start', sid);
    expect(await sender(dataDir)).toBe('idle');
    const before = (await storedLines(sid)).length;
    // Claude Code's cleanup deletes it; baton restore brings back the tracker's (redacted, so shorter) copy.
    unlinkSync(main);
    const report = await restoreSessions(
      { sessions: client.sessions, claudeConfigDir: claude, dataDir },
      { project: 'proj-restored' },
    );
    expect(report.restored.map((r) => r.sessionId)).toEqual([sid]);
    const next = turn('c2', 'c1-a', cwd, 'after the restore', sid);
    appendFileSync(main, jsonl(next));
    hook(dataDir, cwd, main, 'prompt', sid);
    expect(await sender(dataDir)).toBe('idle');
    expect(readQuarantine(dataDir, sid)).toEqual([]);
    const stored = await storedLines(sid);
    expect(stored.length).toBe(before + 2);
    expect(stored.slice(-2)).toEqual(next);
  });
});
