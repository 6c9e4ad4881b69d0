// `baton restore` against a real tracker: transcripts Claude Code's cleanup deleted come back where they were, as
// the tracker holds them (a secret redacted on the way up stays redacted), filtered by date and project.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { createEgressGate } from '../../src/core/egress/index.js';
import { encodeProjectDir } from '../../src/core/transcript/locate.js';
import { runBaton } from '../helpers/cli-run.js';
import { fake } from '../helpers/fake-secrets.js';
import { uploadEntries } from '../helpers/upload-entries.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';

const CWD = '/home/dev/restore-proj';
const NOV = 'b1000000-0000-4000-8000-000000000001';
const OCT = 'b2000000-0000-4000-8000-000000000002';
const EVENTS_ONLY = 'b3000000-0000-4000-8000-000000000003';
const SECRET = fake('ghp_', 36, 3);

type Line = Record<string, unknown>;

/** A small real-shaped transcript: a prompt holding a secret, an answer, a control record without a uuid. */
function transcript(sessionId: string, day: string): Line[] {
  const base = { sessionId, cwd: CWD, version: '2.1.330', gitBranch: 'main', isSidechain: false };
  return [
    {
      ...base,
      type: 'user',
      uuid: `${sessionId.slice(0, 8)}-u1`,
      parentUuid: null,
      timestamp: `${day}T10:00:00.000Z`,
      message: { role: 'user', content: `deploy with GITHUB_TOKEN=${SECRET} please` },
    },
    {
      ...base,
      type: 'assistant',
      uuid: `${sessionId.slice(0, 8)}-a1`,
      parentUuid: `${sessionId.slice(0, 8)}-u1`,
      timestamp: `${day}T10:00:05.000Z`,
      message: {
        id: 'msg_1',
        role: 'assistant',
        model: 'claude-sonnet-4-5',
        content: [{ type: 'text', text: 'Deployed.' }],
        usage: { input_tokens: 10, output_tokens: 3 },
      },
    },
    { type: 'last-prompt', lastPrompt: 'deploy', sessionId },
  ];
}

let tracker: WebTracker;
let client: TrackerClient;
let root: string;
let home: string;
let claudeDir: string;
let env: Record<string, string | undefined>;

const fileOf = (id: string) => join(claudeDir, 'projects', encodeProjectDir(CWD), `${id}.jsonl`);
const readLines = (path: string): Line[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Line);
const baton = (argv: string[]) => runBaton(argv, { env, cwd: home, home });

/** Machine A: Claude Code writes the transcript, Baton uploads it through a redacting gate. */
async function recordAndUpload(id: string, day: string, withEntries: boolean): Promise<void> {
  const lines = transcript(id, day);
  mkdirSync(join(claudeDir, 'projects', encodeProjectDir(CWD)), { recursive: true });
  writeFileSync(fileOf(id), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  const gate = createEgressGate({ redact: true });
  await client.sessions.push(gate.body({ session: await gate.loadSession(fileOf(id)) }));
  if (withEntries) await uploadEntries(client, id, '', lines, gate);
}

beforeAll(async () => {
  tracker = await startWebTracker();
  client = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
  root = mkdtempSync(join(tmpdir(), 'baton-restore-'));
  home = join(root, 'home');
  claudeDir = join(root, 'claude');
  mkdirSync(home);
  env = {
    PATH: process.env.PATH,
    HOME: home,
    CLAUDE_CONFIG_DIR: claudeDir,
    BATON_DATA_DIR: join(root, 'data'),
    BATON_CONFIG: join(root, 'config.json'),
    BATON_URL: tracker.url,
    BATON_API_KEY: tracker.ownerKey,
    NO_COLOR: '1',
  };
  await recordAndUpload(NOV, '2026-11-02', true);
  await recordAndUpload(OCT, '2026-10-01', true);
  await recordAndUpload(EVENTS_ONLY, '2026-11-03', false);
});
afterAll(async () => {
  await client?.close();
  await tracker?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Report {
  considered: number;
  restored: Array<{ sessionId: string; cwd: string; projectDir: string; files: Array<{ path: string }> }>;
  present: number;
  withoutEntries: number;
  failed: unknown[];
}

describe('baton restore', () => {
  it('with every transcript still here, restores nothing', async () => {
    const r = JSON.parse((await baton(['restore', '--json'])).out) as Report;
    expect(r).toMatchObject({ considered: 3, restored: [], present: 2, withoutEntries: 1, failed: [] });
  });

  it('brings back deleted transcripts where they were, secrets still redacted; --since/--dry-run filter', async () => {
    // Claude Code's cleanup deletes both (cleanupPeriodDays).
    rmSync(fileOf(NOV));
    rmSync(fileOf(OCT));
    const dry = JSON.parse(
      (await baton(['restore', '--since', '2026-11-01', '--dry-run', '--json'])).out,
    ) as Report;
    expect(dry.restored.map((s) => s.sessionId)).toEqual([NOV]);
    expect(dry.considered).toBe(2);
    expect(existsSync(fileOf(NOV))).toBe(false);

    const r = await baton(['restore', '--since', '2026-11-01']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^Restored 1 of 2 session\(s\) on the tracker \(0 still here, 1 without a stored transcript/,
    );
    expect(existsSync(fileOf(OCT))).toBe(false);
    const text = readFileSync(fileOf(NOV), 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).toContain('[REDACTED:');
    // Exactly the tracker's copy, line for line: no cwd mapping on the same machine.
    const stored = await client.sessions.listEntries(NOV, { limit: 1000 });
    expect(readLines(fileOf(NOV))).toEqual(stored.entries.map((e) => e.line));
    expect(readLines(fileOf(NOV))).toHaveLength(transcript(NOV, '2026-11-02').length);
    expect(readLines(fileOf(NOV)).every((l) => l.cwd === undefined || l.cwd === CWD)).toBe(true);

    const rest = JSON.parse((await baton(['restore', '--json'])).out) as Report;
    expect(rest).toMatchObject({ considered: 3, present: 1, withoutEntries: 1, failed: [] });
    expect(rest.restored.map((s) => [s.sessionId, s.projectDir])).toEqual([
      [OCT, join(claudeDir, 'projects', encodeProjectDir(CWD))],
    ]);
    expect(readLines(fileOf(OCT))[0]!.uuid).toBe('b2000000-u1');
  });

  it('rejects a bad date; fails clearly without a tracker', async () => {
    const bad = await baton(['restore', '--since', 'last tuesday']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--since must be a date/);
    const none = await runBaton(['restore'], { env: { ...env, BATON_URL: undefined }, cwd: home, home });
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no tracker configured/);
  });
});
