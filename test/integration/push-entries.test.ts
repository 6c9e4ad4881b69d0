// Issue 12: `baton push`, the MCP push_session and the chunked upload path send the session's raw transcript lines
// with its events; the tracker then holds every line of the main and subagent files exactly once, gated.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEgressGate } from '../../src/capture/session/egress.js';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { prepareSession } from '../../src/export/prepare-session.js';
import { uploadSession } from '../../src/export/upload-session.js';
import { runBaton } from '../helpers/cli-run.js';
import { fake } from '../helpers/fake-secrets.js';
import { connectMcp } from '../helpers/mcp-harness.js';
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
let projects: string;
let env: Record<string, string | undefined>;

beforeAll(async () => {
  tracker = await startWebTracker();
  client = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
  root = mkdtempSync(join(tmpdir(), 'baton-push-entries-'));
  projects = join(root, 'claude', 'projects');
  cpSync(FIXTURES, projects, { recursive: true });
  mkdirSync(join(root, 'home'));
  env = {
    PATH: process.env.PATH,
    HOME: join(root, 'home'),
    CLAUDE_CONFIG_DIR: join(root, 'claude'),
    BATON_DATA_DIR: join(root, 'data'),
    BATON_CONFIG: join(root, 'config.json'),
    BATON_URL: tracker.url,
    BATON_API_KEY: tracker.ownerKey,
    NO_COLOR: '1',
  };
});
afterAll(async () => {
  await client?.close();
  await tracker?.close();
  rmSync(root, { recursive: true, force: true });
});

const baton = (argv: string[]) => runBaton(argv, { env, cwd: '/home/dev/proj', home: join(root, 'home') });
const file = (sid: string) => join(projects, '-home-dev-proj', `${sid}.jsonl`);
const subFile = (sid: string, sub: string) => join(projects, '-home-dev-proj', sid, `${sub}.jsonl`);

describe('push sends the transcript lines', () => {
  it('baton push: main and subagent lines, each once, also after pushing again', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await baton(['push', MAIN, '--json']);
      expect(r.code, r.err).toBe(0);
      expect(await storedEntries(client, MAIN)).toEqual({
        '': fileLines(file(MAIN)),
        [SUB]: fileLines(subFile(MAIN, SUB)),
      });
    }
  });

  it('MCP push_session: the same upload, lines included (a resumed session repeats records: stored once)', async () => {
    const mcp = await connectMcp({ env, cwd: '/home/dev/proj', claudePid: process.pid });
    try {
      for (const sid of [RESUMED, FORK, RESUMED]) {
        const r = await mcp.call('push_session', { sessionId: sid });
        expect(r.isError, r.text).toBeFalsy();
      }
    } finally {
      await mcp.close();
    }
    expect(await storedEntries(client, RESUMED)).toEqual({ '': fileLines(file(RESUMED)) });
    expect(await storedEntries(client, FORK)).toEqual({ '': fileLines(file(FORK)) });
  });

  it('a session too big for one body: lines and events go in chunks ahead of the push, stored the same', async () => {
    const gate = openEgressGate({ dataDir: join(root, 'data'), redact: true });
    const { session } = await prepareSession(gate, file(MAIN));
    const id = 'chunked-copy-of-main';
    const copy = { ...session, meta: { ...session.meta, id } };
    // Small caps drive the same code with a small session: 40 kB of lines and a 10+ kB session, in 4 kB chunks.
    const limits = { pushMaxBytes: 8 * 1024, chunkBytes: 4 * 1024 };
    // The real client, watched: what each append request carried.
    const appended: Array<{ events: number; entries: number }> = [];
    const watched: TrackerClient = {
      ...client,
      sessions: {
        ...client.sessions,
        appendEvents: (sessionId, body, o) => {
          appended.push({ events: body.events.length, entries: body.entries?.length ?? 0 });
          return client.sessions.appendEvents(sessionId, body, o);
        },
      },
    };
    for (let i = 0; i < 2; i++) {
      const again = openEgressGate({ dataDir: join(root, 'data'), redact: true });
      const res = await uploadSession(
        watched,
        again,
        again.session(copy),
        { limits },
        { transcriptPath: file(MAIN) },
      );
      expect(res.sessionId).toBe(id);
    }
    const linesOnly = appended.filter((a) => a.events === 0 && a.entries > 0);
    expect(linesOnly.length).toBeGreaterThan(2 * 5);
    expect(linesOnly.reduce((n, a) => n + a.entries, 0)).toBe(2 * 43);
    expect(appended.filter((a) => a.events > 0).length).toBeGreaterThan(2 * 2);
    expect(await storedEntries(client, id)).toEqual({
      '': fileLines(file(MAIN)),
      [SUB]: fileLines(subFile(MAIN, SUB)),
    });
    // The events went too, in chunks, all of them: as many as the whole push of the same transcript stored.
    const { session: chunked } = await client.sessions.get(id);
    const { session: whole } = await client.sessions.get(MAIN);
    expect(chunked.eventCount).toBeGreaterThan(10);
    expect(chunked.eventCount).toBe(whole.eventCount);
  });

  it('no secret and no paused line reaches the stored lines; the chain is relinked past the pause', async () => {
    const sid = 'b1c2d3e4-0000-4000-8000-00000000a001';
    // Run inside a checkout whose origin URL carries a token: the meta names the repository, not the token.
    const repo = join(root, 'checkout');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'pkg'));
    const token = fake('ghp_', 36, 9);
    writeFileSync(
      join(repo, '.git', 'config'),
      `[core]\n\tbare = false\n[remote "origin"]\n\turl = https://dev:${token}@github.com/acme/app.git\n`,
    );
    const s = writePlantedSession(projects, join(root, 'data'), sid, join(repo, 'pkg'));
    const r = await baton(['push', sid, '--json']);
    expect(r.code, r.err).toBe(0);
    const stored = await storedEntries(client, sid);
    expect(leaks(stored)).toEqual([]);
    const main = stored['']!;
    // custom-title, turn 1 (redacted, not dropped), turn 3; turn 2 was written while paused.
    expect(main.map((l) => l.uuid ?? l.type)).toEqual(
      fileLines(s.path)
        .map((l) => l.uuid ?? l.type)
        .filter((u) => typeof u !== 'string' || !u.endsWith('2')),
    );
    expect(JSON.stringify(main)).toContain(AFTER_MARK);
    expect(main.find((l) => l.uuid === s.resumedUuid)?.parentUuid).toBe(s.lastBeforePause);
    expect(stored[`subagents/agent-${SUB_AGENT}`]).toHaveLength(3);
    const { meta } = await client.sessions.get(sid);
    expect(meta).toMatchObject({ gitRoot: repo, gitRemote: 'https://github.com/acme/app.git' });
    expect(JSON.stringify(meta)).not.toContain(token);
  });
});
