// Issue 12: `baton sync` sends each session's raw transcript lines in the same bulk upload as its events (a session
// too big for a batch through the push upload); the tracker holds every line exactly once, gated, after re-syncs.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEgressGate } from '../../src/capture/session/egress.js';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { prepareSession } from '../../src/export/prepare-session.js';
import { createContext } from '../../src/cli/invocation.js';
import type { CliIo } from '../../src/cli/io.js';
import { runSync } from '../../src/cli/sync/run-sync.js';
import { syncStatePath } from '../../src/cli/sync/sync-state.js';
import { loadSession } from '../../src/core/transcript/index.js';
import { runBaton } from '../helpers/cli-run.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import {
  AFTER_MARK,
  SUB_AGENT,
  fileLines,
  leaks,
  storedEntries,
  writePlantedSession,
} from './push-entries-fixture.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'transcripts', 'projects');
const MAIN = '7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11';
const SUB = 'subagents/agent-a1b14f07db492bea5';
const RESUMED = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const FORK = '9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';

let tracker: WebTracker;
let client: TrackerClient;
let root: string;

beforeAll(async () => {
  tracker = await startWebTracker();
  client = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
  root = mkdtempSync(join(tmpdir(), 'baton-sync-entries-'));
});
afterAll(async () => {
  await client?.close();
  await tracker?.close();
  rmSync(root, { recursive: true, force: true });
});

/** A machine of its own: a Claude config dir (optionally holding the fixture projects) and a Baton data dir. */
function machine(name: string, withFixtures = true, at: WebTracker = tracker) {
  const dir = join(root, name);
  const projects = join(dir, 'claude', 'projects');
  mkdirSync(projects, { recursive: true });
  mkdirSync(join(dir, 'home'), { recursive: true });
  if (withFixtures) cpSync(FIXTURES, projects, { recursive: true });
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: join(dir, 'home'),
    CLAUDE_CONFIG_DIR: join(dir, 'claude'),
    BATON_DATA_DIR: join(dir, 'data'),
    BATON_CONFIG: join(dir, 'config.json'),
    BATON_URL: at.url,
    BATON_API_KEY: at.ownerKey,
    NO_COLOR: '1',
  };
  const sync = async (extra: Record<string, string> = {}) => {
    const r = await runBaton(['sync', '--all', '--json'], {
      env: { ...env, ...extra },
      cwd: '/home/dev/proj',
      home: join(dir, 'home'),
    });
    expect(r.code, r.err + r.out).toBe(0);
    return JSON.parse(r.out) as {
      uploaded: number;
      unchanged: number;
      failed: unknown[];
      redaction: { total: number; byRule: Record<string, number> };
    };
  };
  const file = (sid: string) => join(projects, '-home-dev-proj', `${sid}.jsonl`);
  return { dir, projects, env, sync, file, dataDir: join(dir, 'data') };
}

describe('sync sends the transcript lines', () => {
  it('every line of every file once, after a re-sync from scratch and after a transcript grew', async () => {
    const m = machine('a');
    expect(await m.sync()).toMatchObject({ uploaded: 3, failed: [] });
    const expected = () => ({
      [MAIN]: {
        '': fileLines(m.file(MAIN)),
        [SUB]: fileLines(join(m.projects, '-home-dev-proj', MAIN, `${SUB}.jsonl`)),
      },
      [RESUMED]: { '': fileLines(m.file(RESUMED)) },
      [FORK]: { '': fileLines(m.file(FORK)) },
    });
    const stored = async () => ({
      [MAIN]: await storedEntries(client, MAIN),
      [RESUMED]: await storedEntries(client, RESUMED),
      [FORK]: await storedEntries(client, FORK),
    });
    expect(await stored()).toEqual(expected());
    // Another data dir: no memory of the first sync, everything goes again; the tracker keeps one of each line.
    expect(await m.sync({ BATON_DATA_DIR: join(m.dir, 'data-2') })).toMatchObject({ uploaded: 3 });
    expect(await stored()).toEqual(expected());
    // The session grows by a line with a uuid and one without (a title): only those are new.
    appendFileSync(
      m.file(RESUMED),
      `${JSON.stringify({ type: 'user', uuid: 'grown-1', parentUuid: null, sessionId: RESUMED, timestamp: '2026-01-02T00:00:00Z', message: { role: 'user', content: 'and one more' } })}\n` +
        `${JSON.stringify({ type: 'custom-title', customTitle: 'grown', sessionId: RESUMED })}\n`,
    );
    expect(await m.sync()).toMatchObject({ uploaded: 1, unchanged: 2 });
    expect(await stored()).toEqual(expected());
    expect((await stored())[RESUMED]['']!.slice(-2).map((l) => l.uuid ?? l.type)).toEqual([
      'grown-1',
      'custom-title',
    ]);
  });

  it('a session synced before lines rode along is synced once more', async () => {
    const m = machine('b');
    await m.sync();
    const path = syncStatePath(m.dataDir);
    const state = JSON.parse(readFileSync(path, 'utf8')) as {
      sessions: Record<string, { entries?: boolean }>;
    };
    for (const s of Object.values(state.sessions)) delete s.entries;
    writeFileSync(path, JSON.stringify(state));
    expect(await m.sync()).toMatchObject({ uploaded: 3, unchanged: 0 });
    expect(await m.sync()).toMatchObject({ uploaded: 0, unchanged: 3 });
  });

  it("a fork's lines include the parent's subagent file its copied history ran, as the session reader does", async () => {
    const m = machine('c');
    const fork = 'f0f0f0f0-0000-4000-8000-00000000f0f0';
    // A fork by an older Claude Code: the parent's records copied as they were (sessionId and uuids kept).
    writeFileSync(m.file(fork), readFileSync(m.file(MAIN)));
    await m.sync();
    const read = await loadSession(m.file(fork));
    expect(read.sidechains.map((s) => `subagents/agent-${s.agentId}`)).toEqual([SUB]);
    expect(await storedEntries(client, fork)).toEqual({
      '': fileLines(m.file(fork)),
      [SUB]: fileLines(join(m.projects, '-home-dev-proj', MAIN, `${SUB}.jsonl`)),
    });
  });

  it('no secret and no paused line reaches the stored lines', async () => {
    const m = machine('d', false);
    const sid = 'c1c2d3e4-0000-4000-8000-00000000d001';
    const s = writePlantedSession(m.projects, m.dataDir, sid, '/home/dev/planted');
    const report = await m.sync();
    expect(report).toMatchObject({ uploaded: 1, failed: [] });
    // Each secret counted once, as its session's events count it (its line carries the same secret).
    const gate = openEgressGate({ dataDir: m.dataDir, redact: true });
    const { redaction } = await prepareSession(gate, s.path);
    expect(redaction.total).toBeGreaterThan(3);
    expect(report.redaction).toEqual(redaction);
    const stored = await storedEntries(client, sid);
    expect(leaks(stored)).toEqual([]);
    expect(JSON.stringify(stored)).toContain(AFTER_MARK);
    expect(stored['']!.find((l) => l.uuid === s.resumedUuid)?.parentUuid).toBe(s.lastBeforePause);
    expect(stored[`subagents/agent-${SUB_AGENT}`]).toHaveLength(3);
  });

  it('a session too big for a batch goes through the push upload, its lines in chunks, stored the same', async () => {
    // A tracker of its own, so nothing another case stored can make this one pass.
    const own = await startWebTracker();
    const real = createTrackerClient({ baseUrl: own.url, apiKey: own.ownerKey });
    try {
      const m = machine('e', true, own);
      // The real client, watched: which sessions went in a batch and which through the push upload.
      const batched: string[] = [];
      const pushed: string[] = [];
      const watched: TrackerClient = {
        ...real,
        sessions: {
          ...real.sessions,
          upload: (body, o) => {
            batched.push(...body.sessions.map((x) => x.meta.id));
            return real.sessions.upload(body, o);
          },
          push: (body, o) => {
            pushed.push(body.session.meta.id);
            return real.sessions.push(body, o);
          },
        },
      };
      const io: CliIo = {
        env: m.env,
        cwd: '/home/dev/proj',
        home: join(m.dir, 'home'),
        stdin: process.stdin,
        out: () => undefined,
        err: () => undefined,
        isTty: false,
      };
      const progress = { update: () => undefined, finish: () => undefined };
      // Caps that make the fixtures take every path: the session with a subagent (37 kB on disk) is over the cap
      // (its lines streamed from disk), the fork fits only without its lines (its lines already read go along),
      // the resumed session fits a batch with its lines.
      const limits = { pushMaxBytes: 20 * 1024, chunkBytes: 4 * 1024 };
      const report = await runSync(createContext(io), watched, { all: true, redact: true, limits }, progress);
      expect(report).toMatchObject({ uploaded: 3, failed: [] });
      expect(batched).toEqual([RESUMED]);
      expect(pushed.sort()).toEqual([MAIN, FORK].sort());
      for (const sid of [MAIN, FORK, RESUMED]) {
        const sub = join(m.projects, '-home-dev-proj', sid, `${SUB}.jsonl`);
        expect(await storedEntries(real, sid)).toEqual({
          '': fileLines(m.file(sid)),
          ...(sid === MAIN ? { [SUB]: fileLines(sub) } : {}),
        });
      }
    } finally {
      await real.close();
      await own.close();
    }
  });
});
