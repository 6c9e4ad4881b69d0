// A user who upgrades the plugin before the tracker loses nothing: a tracker from before transcript lines refuses
// bodies carrying `entries`/`transcripts` (strict schemas, 400), and the client then sends the same requests without
// them, remembering it. The sender, `baton push` and `baton sync` deliver every event to such a tracker exactly as to
// a current one, set nothing aside, and say once that the tracker is too old to keep transcript lines.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { httpError } from '../../src/client/errors.js';
import { LINES_REFUSED_NOTICE, refusesLines } from '../../src/client/transcript-lines.js';
import { appendToOutbox } from '../../src/capture/outbox/writer.js';
import { quarantineDir } from '../../src/capture/outbox/quarantine.js';
import { senderPaths } from '../../src/capture/delivery/sender/paths.js';
import { runSender } from '../../src/capture/delivery/sender/run-sender.js';
import { syncStatePath } from '../../src/cli/sync/sync-state.js';
import { runBaton } from '../helpers/cli-run.js';
import { gated } from '../helpers/gated.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { startOldTracker, type OldTracker } from './old-tracker-harness.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'transcripts', 'projects');
const PROJECT = join(FIXTURES, '-home-dev-proj');
const MAIN = '7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11';
const SESSIONS = [MAIN, '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f', '9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d'];

let old: OldTracker;
let current: WebTracker;
let oldClient: TrackerClient;
let currentClient: TrackerClient;
let root: string;

beforeAll(async () => {
  [old, current] = await Promise.all([startOldTracker(), startWebTracker()]);
  oldClient = createTrackerClient({ baseUrl: old.url, apiKey: old.ownerKey });
  currentClient = createTrackerClient({ baseUrl: current.url, apiKey: current.ownerKey });
  root = mkdtempSync(join(tmpdir(), 'baton-old-tracker-'));
});
afterAll(async () => {
  await Promise.all([oldClient?.close(), currentClient?.close()]);
  await Promise.all([old?.close(), current?.close()]);
  rmSync(root, { recursive: true, force: true });
});

/** What a tracker stores of a session's events: enough to tell a missing, extra or changed event. */
async function storedEvents(client: TrackerClient, sid: string) {
  const d = await client.sessions.get(sid, { limit: 1000 });
  return {
    status: d.session.status,
    eventCount: d.session.eventCount,
    events: d.events.map((e) => JSON.stringify(e.event)),
  };
}

function quarantined(dataDir: string): string[] {
  const dir = quarantineDir(dataDir);
  return existsSync(dir) ? readdirSync(dir) : [];
}

const noticesIn = (text: string) => text.split(LINES_REFUSED_NOTICE).length - 1;

describe('a tracker from before transcript lines', () => {
  it('the old schemas refuse a body with lines the way that tracker did (400, unrecognized key)', async () => {
    const raw = createTrackerClient({ baseUrl: old.url, apiKey: old.ownerKey });
    const res = await fetch(`${old.url}/api/v1/sessions/x/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${old.ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: [], entries: [{ line: {} }] }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: Array<{ code: string }> } };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details.map((d) => d.code).sort()).toEqual(['too_small', 'unrecognized_keys']);
    // Lines alone (nothing this tracker keeps): answered without a request once the client knows.
    const answer = await raw.sessions.appendEvents(
      'x',
      gated({ events: [], entries: [{ line: { type: 'user', uuid: 'u1', message: 'hi' } }] }),
    );
    expect(answer).toMatchObject({ inserted: 0, duplicates: 0, notSent: 'tracker_keeps_no_lines' });
    expect(raw.sessions.transcriptLines.kept()).toBe(false);
    await raw.close();
  });

  it('only a 400 with an unrecognized top-level key counts (the client never reads the message)', () => {
    const refusal = (status: number, details: unknown) =>
      httpError(
        status,
        JSON.stringify({ error: { code: 'invalid_request', message: 'invalid body', details } }),
        {
          baseUrl: old.url,
          method: 'POST',
          path: '/api/v1/sessions',
        },
      );
    const issue = (message: string, path: unknown[] = []) => [{ path, message, code: 'unrecognized_keys' }];
    expect(refusesLines(refusal(400, issue('Unrecognized key: "entries"')))).toBe(true);
    expect(refusesLines(refusal(400, issue('Unrecognized keys: "transcripts", "x"')))).toBe(true);
    expect(refusesLines(refusal(400, issue("Unrecognized key(s) in object: 'entries'")))).toBe(true);
    // A nested unknown key, another status, or another issue: not this rule's business. (Another top-level key
    // cannot be told from a line field without reading the message; the request then fails again without the
    // lines, and that refusal surfaces.)
    expect(refusesLines(refusal(400, issue('Unrecognized key: "entries"', ['meta'])))).toBe(false);
    expect(refusesLines(refusal(413, issue('Unrecognized key: "entries"')))).toBe(false);
    expect(refusesLines(refusal(400, [{ path: ['entries'], message: 'Too big', code: 'too_big' }]))).toBe(
      false,
    );
  });

  it('the sender delivers every event as to a current tracker, quarantines nothing, and logs the reason once', async () => {
    const sid = MAIN;
    const main = join(PROJECT, `${sid}.jsonl`);
    const deliver = async (client: TrackerClient, apiKey: string, dataDir: string) => {
      appendToOutbox(dataDir, sid, [{ k: 'start', cwd: '/home/dev/proj', transcriptPath: main }], {
        sweep: [{ path: main }],
      });
      appendToOutbox(dataDir, sid, [{ k: 'end', reason: 'other' }], { sweep: [{ path: main }] });
      return runSender({ dataDir, client, apiKey, idleMs: 0, pollMs: 10, minIntervalMs: 0 });
    };
    const oldData = join(root, 'sender-old');
    const refusedBefore = old.refused.length;
    expect(await deliver(oldClient, old.ownerKey, oldData)).toBe('idle');
    expect(await deliver(currentClient, current.ownerKey, join(root, 'sender-current'))).toBe('idle');

    const got = await storedEvents(oldClient, sid);
    expect(got.eventCount).toBeGreaterThan(10);
    expect(got).toEqual(await storedEvents(currentClient, sid));
    expect(got.status).toBe('completed');
    expect(quarantined(oldData)).toEqual([]);
    // Refused once; every later request left the lines out from the start.
    expect(old.refused.length - refusedBefore).toBe(1);
    const log = readFileSync(senderPaths(oldData).log, 'utf8');
    expect(log.split('\n').filter((l) => l.includes('"tracker keeps no transcript lines"'))).toHaveLength(1);
    expect(log).not.toContain('quarantined');
    expect(oldClient.sessions.transcriptLines.kept()).toBe(false);
  });

  describe('the CLI', () => {
    const machine = (name: string, at: { url: string; ownerKey: string }) => {
      const dir = join(root, name);
      mkdirSync(join(dir, 'claude', 'projects'), { recursive: true });
      mkdirSync(join(dir, 'home'), { recursive: true });
      cpSync(FIXTURES, join(dir, 'claude', 'projects'), { recursive: true });
      const env = {
        PATH: process.env.PATH,
        HOME: join(dir, 'home'),
        CLAUDE_CONFIG_DIR: join(dir, 'claude'),
        BATON_DATA_DIR: join(dir, 'data'),
        BATON_CONFIG: join(dir, 'config.json'),
        BATON_URL: at.url,
        BATON_API_KEY: at.ownerKey,
        NO_COLOR: '1',
      };
      const baton = (argv: string[]) => runBaton(argv, { env, cwd: '/home/dev/proj', home: env.HOME });
      return { dir, env, baton, dataDir: env.BATON_DATA_DIR };
    };

    it('baton push stores the session events as a current tracker does and says once why no lines', async () => {
      const sid = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
      const path = join(PROJECT, `${sid}.jsonl`);
      const a = machine('push-old', old);
      const r = await a.baton(['push', path, '--json']);
      expect(r.code, r.err).toBe(0);
      expect(noticesIn(r.err)).toBe(1);
      const b = machine('push-current', current);
      const r2 = await b.baton(['push', path, '--json']);
      expect(r2.code, r2.err).toBe(0);
      expect(noticesIn(r2.err)).toBe(0);
      const got = await storedEvents(oldClient, sid);
      expect(got.eventCount).toBeGreaterThan(0);
      expect(got).toEqual(await storedEvents(currentClient, sid));
    });

    it('baton sync uploads every session without failures, says so once, and sends them again to a newer tracker', async () => {
      const m = machine('sync-old', old);
      const r = await m.baton(['sync', '--all', '--json']);
      expect(r.code, r.err + r.out).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ uploaded: 3, failed: [] });
      expect(noticesIn(r.err)).toBe(1);
      const c = machine('sync-current', current);
      expect((await c.baton(['sync', '--all', '--json'])).code).toBe(0);
      for (const sid of SESSIONS)
        expect(await storedEvents(oldClient, sid)).toEqual(await storedEvents(currentClient, sid));
      // Remembered as synced without lines: not re-sent to the same old tracker (one probe at most)...
      const state = () =>
        Object.values(
          (JSON.parse(readFileSync(syncStatePath(m.dataDir), 'utf8')) as { sessions: Record<string, object> })
            .sessions,
        );
      expect(state().every((s) => (s as { entries?: boolean }).entries === false)).toBe(true);
      const again = await m.baton(['sync', '--all', '--json']);
      expect(again.code, again.err).toBe(0);
      expect(JSON.parse(again.out)).toMatchObject({ failed: [] });
      expect(JSON.parse(again.out).uploaded).toBeLessThanOrEqual(1);
      // ...but once the tracker is upgraded in place (same URL, same database), they go again with their lines.
      old.upgrade();
      const upgraded = await m.baton(['sync', '--all', '--json']);
      expect(upgraded.code, upgraded.err).toBe(0);
      expect(JSON.parse(upgraded.out)).toMatchObject({ uploaded: 3, unchanged: 0, failed: [] });
      expect(state().every((s) => (s as { entries?: boolean }).entries === true)).toBe(true);
      for (const sid of SESSIONS) expect((await oldClient.sessions.listSubkeys(sid)).subKeys).toContain('');
      expect(noticesIn(upgraded.err)).toBe(0);
    });
  });
});
