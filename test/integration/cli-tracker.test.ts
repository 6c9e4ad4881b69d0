// The tracker-facing CLI commands in-process against a real tracker: push, sessions, resume, login, status, doctor, sync.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { runBaton } from '../helpers/cli-run.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'transcripts', 'projects');
const MAIN = '7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11';

let tracker: WebTracker;
let client: TrackerClient;
let root: string;
let home: string;
let claudeDir: string;
let env: Record<string, string | undefined>;

beforeAll(async () => {
  tracker = await startWebTracker();
  client = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
  root = mkdtempSync(join(tmpdir(), 'baton-cli-'));
  home = join(root, 'home');
  claudeDir = join(root, 'claude');
  mkdirSync(home);
  cpSync(FIXTURES, join(claudeDir, 'projects'), { recursive: true });
  env = {
    PATH: process.env.PATH,
    HOME: home,
    CLAUDE_CONFIG_DIR: claudeDir,
    BATON_DATA_DIR: join(root, 'data'),
    BATON_CONFIG: join(root, 'config', 'config.json'),
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

const baton = (
  argv: string[],
  extra: { env?: Record<string, string | undefined>; cwd?: string; stdin?: string } = {},
) =>
  runBaton(argv, {
    env: { ...env, ...extra.env },
    cwd: extra.cwd ?? '/home/dev/proj',
    home,
    ...(extra.stdin !== undefined ? { stdin: extra.stdin } : {}),
  });

describe('baton CLI against a real tracker', () => {
  it('push creates a post, prints its URL, and a second push does not duplicate', async () => {
    const r = await baton(['push', MAIN, '--visibility', 'unlisted', '--title', 'My push', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out) as { sessionId: string; postUrl: string; events: number; visibility: string };
    expect(o.sessionId).toBe(MAIN);
    expect(o.postUrl).toMatch(new RegExp(`^${tracker.url}/`));
    expect(o.visibility).toBe('unlisted');
    const detail = await client.sessions.get(MAIN, { limit: 0 });
    expect(detail.session.eventCount).toBe(o.events);
    // The subagent file travelled with its parent, not as a session of its own.
    expect((await client.sessions.get(MAIN, { limit: 1000 })).events.some((e) => e.event.agentId)).toBe(true);
    const again = await baton(['push', MAIN]);
    expect(again.out).toMatch(/^Pushed session .* \(\d+ events\) to http.*private: only you/);
    expect((await client.sessions.get(MAIN, { limit: 0 })).session.eventCount).toBe(o.events);
  });

  it('/export-session --push reports BATON_PUSH_OK; the wizard offers working push options', async () => {
    const r = await baton(['export-session', '--session', MAIN, '--', '--push', '--visibility', 'public']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^BATON_PUSH_OK: Pushed session 7f3c2a10.* to http/);
    const wiz = await baton(['export-session', '--session', MAIN, '--']);
    expect(wiz.out).toContain('BATON_ASK_USER');
    expect(wiz.out).toContain(`dist/cli.js" push ${MAIN} --visibility <choice>`);
    expect(wiz.out).not.toContain('not available');
    const none = await baton(['export-session', '--session', MAIN, '--', '--push'], {
      env: { BATON_URL: undefined, BATON_API_KEY: undefined },
    });
    expect(none.code).toBe(0);
    expect(none.out).toMatch(/^BATON_EXPORT_FAILED: no tracker configured — run `baton login/);
  });

  it('/export-session --pause and --resume-capture toggle the per-session flag', async () => {
    const flag = join(root, 'data', 'paused', MAIN);
    const p = await baton(['export-session', '--session', MAIN, '--', '--pause']);
    expect(p.out).toMatch(/^BATON_CAPTURE_OK: capture is paused/);
    expect(existsSync(flag)).toBe(true);
    const r = await baton(['export-session', '--session', MAIN, '--', '--resume-capture']);
    expect(r.out).toMatch(/^BATON_CAPTURE_OK: capture resumed/);
    expect(existsSync(flag)).toBe(false);
  });

  it('sessions lists and searches (table and --json); resume says why it cannot resume here', async () => {
    const json = JSON.parse((await baton(['sessions', '--json'])).out) as { sessions: Array<{ id: string }> };
    expect(json.sessions.map((s) => s.id)).toContain(MAIN);
    const table = await baton(['sessions']);
    expect(table.out.split('\n')[0]).toMatch(/^ID\s+WHEN\s+PROJECT\s+STATUS/);
    expect(table.out).not.toContain('\u001b[');
    const miss = await baton(['sessions', '--search', 'zzzqqq-nothing']);
    expect(miss.out).toBe('No sessions match "zzzqqq-nothing".\n');
    // `baton resume` now fetches the transcript (test/integration/resume-cli.test.ts). Here the session's directory is
    // not on this machine, or it was pushed without its lines: one clear line either way.
    const resume = await baton(['resume', MAIN]);
    expect(resume.code).toBe(1);
    expect(resume.err).toMatch(
      /^baton resume: (the tracker holds no transcript lines|no directory on this machine)/,
    );
    const noProject = await baton(['resume', '--latest'], { cwd: '/somewhere/else-entirely' });
    expect(noProject.code).toBe(1);
    expect(noProject.err).toMatch(/no session on the tracker for project "else-entirely"/);
  });

  it('login verifies the key and writes the config file 0600; a bad key fails with one clear line', async () => {
    const bare = { BATON_URL: undefined, BATON_API_KEY: undefined };
    const bad = await baton(
      ['login', '--url', tracker.url, '--key', 'bt_not-a-real-key-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
      { env: bare },
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^baton login: API key not accepted by/);
    expect(existsSync(env.BATON_CONFIG!)).toBe(false);
    const ok = await baton(['login', '--url', tracker.url], { env: bare, stdin: `${tracker.ownerKey}\n` });
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Logged in to http:\/\/127\.0\.0\.1:\d+ as /);
    expect(statSync(env.BATON_CONFIG!).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(env.BATON_CONFIG!, 'utf8'))).toMatchObject({
      url: tracker.url,
      apiKey: tracker.ownerKey,
    });
    const insecure = await baton(['login', '--url', 'http://tracker.example.com', '--key', 'bt_x'], {
      env: bare,
    });
    expect(insecure.err).toMatch(/refusing to send the API key over plain http:\/\//);
  });

  it('status reports outbox, sender and tracker; doctor diagnoses a bad key with a fix', async () => {
    const st = JSON.parse((await baton(['status', '--json'])).out);
    expect(st.tracker).toMatchObject({ configured: true, reachable: true, keyValid: true });
    expect(st.outbox).toMatchObject({ pendingRecords: 0 });
    const good = await baton(['doctor', '--json']);
    const checks = JSON.parse(good.out).checks as Array<{
      name: string;
      level: string;
      fix?: string;
      detail: string;
    }>;
    expect(checks.find((c) => c.name === 'api key')?.level).toBe('ok');
    expect(checks.find((c) => c.name === 'tracker reachable')?.detail).toMatch(/API version/);
    expect(checks.find((c) => c.name === 'data dir')?.level).toBe('ok');
    const broken = await baton(['doctor'], {
      env: { BATON_API_KEY: 'bt_revoked-or-wrong-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
    });
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/✗ api key: API key not accepted/);
    expect(broken.out).toMatch(/fix: create a key at http.*\/settings/);
    const down = await baton(['doctor'], { env: { BATON_URL: 'http://127.0.0.1:9' } });
    expect(down.out).toMatch(/✗ tracker reachable: cannot reach the tracker at 127\.0\.0\.1:9/);
  });

  it('sync uploads history once (subagents attached), then skips unchanged sessions', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'baton-sync-data-'));
    try {
      const e = { BATON_DATA_DIR: fresh };
      const first = JSON.parse((await baton(['sync', '--all', '--json'], { env: e })).out);
      expect(first.considered).toBe(3);
      expect(first.uploaded + first.empty).toBe(3);
      expect(first.failed).toEqual([]);
      const second = JSON.parse((await baton(['sync', '--all', '--json'], { env: e })).out);
      expect(second).toMatchObject({ considered: 3, uploaded: 0, unchanged: 3 });
      const none = JSON.parse(
        (await baton(['sync', '--project', 'no-such-project', '--json'], { env: e })).out,
      );
      expect(none.considered).toBe(0);
      // Appending to a transcript makes it due again.
      const file = join(
        claudeDir,
        'projects',
        '-home-dev-proj',
        '9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d.jsonl',
      );
      writeFileSync(
        file,
        readFileSync(file, 'utf8') +
          JSON.stringify({
            type: 'user',
            uuid: 'appended-1',
            sessionId: '9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
            timestamp: '2026-01-01T00:00:00Z',
            message: { role: 'user', content: 'one more prompt' },
          }) +
          '\n',
      );
      const third = JSON.parse((await baton(['sync', '--json'], { env: e, cwd: '/home/dev/proj' })).out);
      expect(third).toMatchObject({ considered: 3, uploaded: 1, unchanged: 2 });
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
