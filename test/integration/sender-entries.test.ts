// Issue #12: the background sender mirrors every transcript line (main file and subagent files) on the tracker in the
// same requests as its events: line for line, exactly once (after a kill, a retried request, a lost ack), and only
// through the egress gate (no secret, no <private> span, no paused line; the resume chain relinked past a pause).
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import type { SessionEntryItem } from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import { createEgressGate } from '../../src/core/egress/index.js';
import { readEntryBatches } from '../../src/core/transcript/read-entries.js';
import { appendToOutbox } from '../../src/capture/outbox/writer.js';
import { ackPath } from '../../src/capture/delivery/sender/paths.js';
import { runSender, type SenderOptions } from '../../src/capture/delivery/sender/run-sender.js';
import { recordPause } from '../../src/capture/session/pause-log.js';
import { resumeSession } from '../../src/resume/resume-session.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { createTranscriptWriter } from '../helpers/transcript-writer.js';
import { fake } from '../helpers/fake-secrets.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/transcripts/projects/-home-dev-proj');
const FIXTURE_SID = '7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11';
const AGENT = 'a1b14f07db492bea5';
const SUB = `subagents/agent-${AGENT}`;

let tracker: WebTracker;
let client: TrackerClient;
let root: string;
let dataDir: string;

beforeAll(async () => {
  tracker = await startWebTracker();
  client = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
});
afterAll(async () => {
  await client?.close();
  await tracker?.close();
});
beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'baton-sender-entries-')));
  dataDir = join(root, 'data');
  return () => rmSync(root, { recursive: true, force: true });
});

const fast = (extra: Partial<SenderOptions> = {}): SenderOptions => ({
  dataDir,
  client,
  apiKey: tracker.ownerKey,
  idleMs: 0,
  pollMs: 10,
  minIntervalMs: 0,
  ...extra,
});

/** The recorded fixture (a session with a subagent) under a fresh session id, as Claude Code lays it out. */
function fixtureSession(sid: string): { main: string; sub: string } {
  const dir = join(root, 'projects', '-proj');
  const main = join(dir, `${sid}.jsonl`);
  const sub = join(dir, sid, 'subagents', `agent-${AGENT}.jsonl`);
  mkdirSync(join(dir, sid, 'subagents'), { recursive: true });
  const copy = (from: string, to: string) =>
    writeFileSync(to, readFileSync(from, 'utf8').replaceAll(FIXTURE_SID, sid));
  copy(join(FIXTURE, `${FIXTURE_SID}.jsonl`), main);
  copy(join(FIXTURE, FIXTURE_SID, 'subagents', `agent-${AGENT}.jsonl`), sub);
  return { main, sub };
}

/** What the hooks leave in the outbox for a whole session: its start (naming the transcript) and its end. */
function captured(sid: string, main: string, cwd = '/home/dev/proj'): void {
  appendToOutbox(dataDir, sid, [{ k: 'start', cwd, transcriptPath: main }], { sweep: [{ path: main }] });
  appendToOutbox(dataDir, sid, [{ k: 'end', reason: 'other' }], { sweep: [{ path: main }] });
}

const linesOf = (path: string): unknown[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);

async function entries(sid: string, subKey = ''): Promise<Array<{ uuid: string | null; line: unknown }>> {
  const out: Array<{ uuid: string | null; line: unknown }> = [];
  for (let after = 0; ;) {
    const page = await client.sessions.listEntries(sid, { subKey, after, limit: 1000 });
    out.push(...page.entries.map((e) => ({ uuid: e.uuid, line: e.line })));
    if (page.next === null) return out;
    after = page.next;
  }
}

async function expectMirrored(sid: string, files: { main: string; sub: string }): Promise<void> {
  expect((await entries(sid)).map((e) => e.line)).toEqual(linesOf(files.main));
  expect((await entries(sid, SUB)).map((e) => e.line)).toEqual(linesOf(files.sub));
  expect((await client.sessions.listSubkeys(sid)).subKeys.sort()).toEqual(['', SUB]);
}

/** A client whose appendEvents does `then` after the real call: a kill, or a reply lost on the way back. */
function wrapped(then: (call: number) => void): { client: TrackerClient; calls: () => number } {
  let calls = 0;
  const c = {
    ...client,
    sessions: {
      ...client.sessions,
      appendEvents: async (...a: Parameters<TrackerClient['sessions']['appendEvents']>) => {
        const r = await client.sessions.appendEvents(...a);
        then(++calls);
        return r;
      },
    },
  } as TrackerClient;
  return { client: c, calls: () => calls };
}

describe('sender: transcript lines mirrored with the events', () => {
  it('mirrors the main file and the subagent file line for line, once, with the events, in the same requests', async () => {
    const sid = 'a0000000-0000-4000-8000-000000000001';
    const files = fixtureSession(sid);
    captured(sid, files.main);
    const counted = wrapped(() => undefined);
    expect(await runSender(fast({ client: counted.client }))).toBe('idle');
    await expectMirrored(sid, files);
    // One upload path: the events came with them (no separate entries requests).
    const detail = await client.sessions.get(sid, { limit: 0 });
    expect(detail.session.eventCount).toBeGreaterThan(10);
    expect(detail.session.status).toBe('completed');
    expect(counted.calls()).toBe(1);
    // A second sender finds nothing to send, and a lost ack (everything re-sent) changes nothing either.
    await runSender(fast());
    rmSync(ackPath(dataDir, sid));
    expect(await runSender(fast())).toBe('idle');
    await expectMirrored(sid, files);
  });

  it('exactly once after a kill mid-way and a restart, and after a retried request whose reply was lost', async () => {
    const sid = 'a0000000-0000-4000-8000-000000000002';
    const files = fixtureSession(sid);
    captured(sid, files.main);
    const limits = { maxEvents: 3, maxEntries: 5 };
    // Killed after its second request (the first two acknowledged, the rest never sent).
    const stop = new AbortController();
    const killed = wrapped((n) => n === 2 && stop.abort());
    await runSender(fast({ client: killed.client, signal: stop.signal, limits }));
    expect(killed.calls()).toBe(2);
    const partial = await entries(sid);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(linesOf(files.main).length);
    // Restarted: every reply is lost once (delivered, then a network error), so every batch goes twice.
    let lost = 0;
    const lossy = wrapped((n) => {
      if (n % 2 === 1) {
        lost++;
        throw new BatonError('network', 'connection reset after the request was sent');
      }
    });
    expect(await runSender(fast({ client: lossy.client, limits, retryBaseMs: 1, retryMaxMs: 1 }))).toBe(
      'idle',
    );
    expect(lost).toBeGreaterThan(2);
    await expectMirrored(sid, files);
  });

  it('no secret and no <private> span reaches the mirror, from the main file or a subagent file', async () => {
    const sid = 's-entries-secret';
    const token = fake('ghp_', 36, 11);
    const main = join(root, 'projects', '-p', `${sid}.jsonl`);
    const t = createTranscriptWriter(main, sid, join(root, 'p'));
    t.turn(`deploy with ${token} and <private>hunter2-ORANGE</private> please`);
    const sub = join(root, 'projects', '-p', sid, 'subagents', 'agent-x1.jsonl');
    const s = createTranscriptWriter(sub, sid, join(root, 'p'));
    s.turn(`the subagent saw ${token} too`);
    captured(sid, main);
    await runSender(fast());
    const all = JSON.stringify([await entries(sid), await entries(sid, 'subagents/agent-x1')]);
    expect(all).not.toContain(token);
    expect(all).not.toContain('ORANGE');
    expect(all).toContain('[private]');
    // The lines are there, redacted, not dropped.
    expect(await entries(sid)).toHaveLength(4);
    expect(await entries(sid, 'subagents/agent-x1')).toHaveLength(4);
  });

  it('a paused span never reaches the mirror, and the chain is relinked past it, also across a restart', async () => {
    const sid = 's-entries-pause';
    const main = join(root, 'projects', '-p', `${sid}.jsonl`);
    const t = createTranscriptWriter(main, sid, join(root, 'p'));
    recordPause(dataDir, sid, true, undefined, '2026-11-01T09:00:02.250Z');
    recordPause(dataDir, sid, false, undefined, '2026-11-01T09:00:04.250Z');
    // The writer stamps records 500 ms apart from 09:00:00.5; turn 1 (09:00:02.5–04.0) is written while paused.
    // One outbox record per turn, as hooks copy them.
    const hook = (extra: Array<{ k: string } & Record<string, unknown>> = []) =>
      appendToOutbox(dataDir, sid, extra, { sweep: [{ path: main }] });
    const before = t.turn('before the pause');
    hook([{ k: 'start', cwd: join(root, 'p'), transcriptPath: main }]);
    t.turn('PAUSED words that must stay here');
    hook();
    // A sender delivers that much and exits; the session goes on and a new sender (a new gate) sends turn 2, whose
    // first line points at a paused one: the new sender must learn what the pause dropped from its replay.
    expect(await runSender(fast())).toBe('idle');
    expect((await entries(sid)).map((e) => e.uuid)).toEqual(before);
    const after = t.turn('after the pause');
    hook([{ k: 'end', reason: 'other' }]);
    expect(await runSender(fast())).toBe('idle');
    const got = await entries(sid);
    expect(JSON.stringify(got)).not.toContain('PAUSED');
    expect(got.map((e) => e.uuid)).toEqual([...before, ...after]);
    const first = got[4]!.line as { parentUuid: string | null };
    expect(first.parentUuid).toBe(before[3]);
  });

  it('keys uuid-less lines as sync does (their byte offset), also past a cut <private> span, CRLF and blank lines', async () => {
    const sid = 's-entries-keys';
    const main = join(root, 'projects', '-p', `${sid}.jsonl`);
    mkdirSync(join(root, 'projects', '-p'), { recursive: true });
    const rec = (o: Record<string, unknown>) => JSON.stringify({ sessionId: sid, ...o });
    writeFileSync(
      main,
      [
        rec({
          type: 'queue-operation',
          operation: 'enqueue',
          content: 'hi <private>a long secret</private>',
        }),
        rec({
          type: 'user',
          uuid: 'k-u1',
          parentUuid: null,
          message: { role: 'user', content: 'x <private>y</private>' },
        }),
        rec({ type: 'mode', mode: 'normal' }),
        '',
        rec({ type: 'mode', mode: 'normal' }) + '\r',
        rec({ type: 'last-prompt', lastPrompt: 'x <private>y</private>' }),
        '',
      ].join('\n'),
    );
    captured(sid, main);
    await runSender(fast());
    const got = await entries(sid);
    expect(got).toHaveLength(5);
    // The same lines as `baton sync` reads and keys them: sending them that way again adds nothing.
    const gate = createEgressGate({ redact: true });
    const synced = { entries: [] as SessionEntryItem[] };
    for await (const b of readEntryBatches(gate, main)) synced.entries.push(...b.entries);
    expect(got.map((e) => e.uuid)).toEqual(synced.entries.map((e) => e.uuid ?? null));
    const again = await client.sessions.appendEntries(
      sid,
      gate.body({ subKey: '', entries: synced.entries }),
    );
    expect(again).toEqual({ appended: 0, duplicates: 5 });
  });

  it("after `baton resume` on another machine, that machine's sender sends only the lines the session gained there", async () => {
    const sid = 'a0000000-0000-4000-8000-000000000003';
    const files = fixtureSession(sid);
    captured(sid, files.main);
    await runSender(fast());
    await expectMirrored(sid, files);
    // Machine B: its own data dir and Claude config, another checkout path (every record's cwd is rewritten, so
    // every line sits at another byte offset than on A).
    const dataB = join(root, 'data-b');
    const checkoutB = join(root, 'machine-b', 'a-much-longer-checkout-path', 'proj');
    mkdirSync(checkoutB, { recursive: true });
    const resumed = await resumeSession(
      {
        sessions: client.sessions,
        claudeConfigDir: join(root, 'claude-b'),
        cwd: checkoutB,
        env: { BATON_DATA_DIR: dataB, HOME: join(root, 'home-b') },
        dataDir: dataB,
      },
      { sessionId: sid, cwd: checkoutB },
    );
    const mainB = resumed.files.find((f) => f.subKey === '')!.path;
    // The session goes on on B: a uuid-less line and a turn, as Claude Code appends them.
    const added = [
      {
        type: 'queue-operation',
        operation: 'enqueue',
        timestamp: '2026-11-22T11:00:00.000Z',
        sessionId: sid,
      },
      {
        type: 'user',
        uuid: 'b-u1',
        parentUuid: null,
        sessionId: sid,
        message: { role: 'user', content: 'on B' },
      },
      { type: 'mode', mode: 'normal', sessionId: sid },
    ];
    appendFileSync(mainB, added.map((r) => `${JSON.stringify(r)}\n`).join(''));
    appendToOutbox(dataB, sid, [{ k: 'start', cwd: checkoutB, transcriptPath: mainB }], {
      sweep: [{ path: mainB }],
    });
    appendToOutbox(dataB, sid, [{ k: 'end', reason: 'other' }], { sweep: [{ path: mainB }] });
    expect(await runSender(fast({ dataDir: dataB }))).toBe('idle');
    // A's lines once, then B's: none of the restored lines came back under B's offsets.
    expect((await entries(sid)).map((e) => e.line)).toEqual([...linesOf(files.main), ...added]);
    expect((await entries(sid, SUB)).map((e) => e.line)).toEqual(linesOf(files.sub));
  });

  it('sends the checkout the cwd was in (root and credential-free origin) with the session meta', async () => {
    const sid = 's-entries-git';
    const repo = join(root, 'repo');
    const cwd = join(repo, 'pkg');
    mkdirSync(cwd, { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: repo });
    execFileSync('git', ['remote', 'add', 'origin', 'https://me:tok3n@git.example.com/team/repo.git'], {
      cwd: repo,
    });
    const main = join(root, 'projects', '-p', `${sid}.jsonl`);
    createTranscriptWriter(main, sid, cwd).turn();
    captured(sid, main, cwd);
    await runSender(fast());
    const detail = await client.sessions.get(sid, { limit: 0 });
    expect(detail.meta).toMatchObject({ gitRoot: repo, gitRemote: 'https://git.example.com/team/repo.git' });
    expect(JSON.stringify(detail)).not.toContain('tok3n');
  });
});
