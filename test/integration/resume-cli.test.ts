// `baton resume` against a real tracker (real port, temp SQLite): a session uploaded from "machine A" (cwd
// /home/dev/proj, remote in ssh form) lands on "machine B" (a temp HOME and CLAUDE_CONFIG_DIR, a checkout of the
// same repository at another path, remote in https form) where `claude --resume` looks for it, byte for byte but
// for the mapped cwd; newer local work is never overwritten without --force.
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { loadSession } from '../../src/core/transcript/index.js';
import { encodeProjectDir } from '../../src/core/transcript/locate.js';
import { runBaton } from '../helpers/cli-run.js';
import { gated } from '../helpers/gated.js';
import { uploadEntries } from '../helpers/upload-entries.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';

const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'transcripts', 'projects', '-home-dev-proj');
const ID = '7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11';
const AGENT = 'subagents/agent-a1b14f07db492bea5';
const OLD_CWD = '/home/dev/proj';
const PUSHED_ONLY = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';

type Line = Record<string, unknown>;
const readLines = (path: string): Line[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Line);
const fixtureLines = (sub: string): Line[] =>
  readLines(join(FIXTURE_DIR, sub === '' ? `${ID}.jsonl` : `${ID}/${sub}.jsonl`));

let tracker: WebTracker;
let client: TrackerClient;
let root: string;
let home: string;
let claudeDir: string;
let checkout: string;
let env: Record<string, string | undefined>;

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: 'pipe' });
const baton = (argv: string[], extra: { env?: Record<string, string | undefined>; cwd?: string } = {}) =>
  runBaton(argv, { env: { ...env, ...extra.env }, cwd: extra.cwd ?? join(checkout, 'src'), home });

beforeAll(async () => {
  tracker = await startWebTracker();
  client = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
  // Machine A's upload: meta (with the repository facts) by a push, the lossless lines by entry appends.
  const session = await loadSession(join(FIXTURE_DIR, `${ID}.jsonl`));
  await client.sessions.push(
    gated({
      session: {
        ...session,
        meta: {
          ...session.meta,
          cwd: OLD_CWD,
          gitRoot: OLD_CWD,
          gitRemote: 'git@github.com:Dev/proj.git',
        },
      },
    }),
  );
  await uploadEntries(client, ID, '', fixtureLines(''));
  await uploadEntries(client, ID, AGENT, fixtureLines(AGENT));
  // Stored before the tracker kept transcripts: events only.
  await client.sessions.push(
    gated({ session: await loadSession(join(FIXTURE_DIR, `${PUSHED_ONLY}.jsonl`)) }),
  );

  root = mkdtempSync(join(tmpdir(), 'baton-resume-'));
  home = join(root, 'home');
  claudeDir = join(root, 'claude-b');
  checkout = join(root, 'machine-b', 'work', 'proj-checkout');
  mkdirSync(home);
  mkdirSync(join(checkout, 'src'), { recursive: true });
  git(checkout, 'init', '-q');
  git(checkout, 'remote', 'add', 'origin', 'https://github.com/dev/proj');
  checkout = realpathSync(checkout);
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
});
afterAll(async () => {
  await client?.close();
  await tracker?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

interface ResumeJson {
  sessionId: string;
  directory: string;
  projectDir: string;
  via: string;
  cwdMapping: { from: string; to: string } | null;
  files: Array<{ subKey: string; path: string; lines: number; bytes: number; action: string }>;
  command: string;
}

const projectDir = () => join(claudeDir, 'projects', encodeProjectDir(checkout));
const mainFile = () => join(projectDir(), `${ID}.jsonl`);
const agentFile = () => join(projectDir(), ID, `${AGENT}.jsonl`);
/** The fixture as machine B must hold it: every record as stored, but `cwd` moved to the checkout. */
const mapped = (lines: Line[], to: string): Line[] =>
  lines.map((l) => (typeof l.cwd === 'string' ? { ...l, cwd: l.cwd.replace(OLD_CWD, to) } : l));

describe('baton resume <id> on another machine', () => {
  it('writes the main and subagent files into this checkout’s project dir, cwd mapped, all else as stored', async () => {
    const r = await baton(['resume', ID, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as ResumeJson;
    expect(out).toMatchObject({
      sessionId: ID,
      directory: checkout,
      projectDir: projectDir(),
      via: 'git',
      cwdMapping: { from: OLD_CWD, to: checkout },
      command: `cd ${checkout} && claude --resume ${ID}`,
    });
    expect(out.files.map((f) => [f.subKey, f.path, f.action])).toEqual([
      [AGENT, agentFile(), 'written'],
      ['', mainFile(), 'written'],
    ]);
    expect(readLines(mainFile())).toEqual(mapped(fixtureLines(''), checkout));
    expect(readLines(agentFile())).toEqual(mapped(fixtureLines(AGENT), checkout));
    // Nothing but the cwd differs, key order included: the lines are the fixture's bytes with the path swapped.
    const raw = readFileSync(join(FIXTURE_DIR, `${ID}.jsonl`), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    expect(readFileSync(mainFile(), 'utf8')).toBe(
      raw
        .map((l) =>
          `${JSON.stringify(JSON.parse(l))}\n`.replaceAll(`"cwd":"${OLD_CWD}"`, `"cwd":"${checkout}"`),
        )
        .join(''),
    );
    // No temp file left beside them, and session data is private.
    expect(execFileSync('find', [projectDir(), '-name', '*.tmp']).toString()).toBe('');
    expect(statSync(mainFile()).mode & 0o777).toBe(0o600);
  });

  it('resuming again is a no-op that says so; an older local copy is replaced', async () => {
    const before = statSync(mainFile()).mtimeMs;
    const again = await baton(['resume', ID]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('nothing changed');
    expect(again.out).toContain(`Resume with:  cd ${checkout} && claude --resume ${ID}`);
    expect(statSync(mainFile()).mtimeMs).toBe(before);
    // Older: the first ten lines only (an interrupted earlier copy).
    writeFileSync(mainFile(), readFileSync(mainFile(), 'utf8').split('\n').slice(0, 10).join('\n') + '\n');
    const r = JSON.parse((await baton(['resume', ID, '--json'])).out) as ResumeJson;
    expect(r.files.find((f) => f.subKey === '')?.action).toBe('replaced');
    expect(readLines(mainFile())).toEqual(mapped(fixtureLines(''), checkout));
  });

  it('refuses to overwrite a local transcript with entries the tracker lacks (exit 3); --force replaces it', async () => {
    const extra = {
      type: 'user',
      uuid: 'local-only-entry',
      cwd: checkout,
      message: { role: 'user', content: 'hi' },
    };
    appendFileSync(mainFile(), `${JSON.stringify(extra)}\n`);
    const local = readFileSync(mainFile(), 'utf8');
    const refused = await baton(['resume', ID]);
    expect(refused.code).toBe(3);
    expect(refused.err).toMatch(/entries the tracker's copy lacks.*--force/);
    expect(readFileSync(mainFile(), 'utf8')).toBe(local);
    const json = await baton(['resume', ID, '--json']);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.out).error).toMatchObject({ code: 'conflict', kind: 'local_newer' });
    // More lines than the tracker (a line without a uuid) is newer too.
    writeFileSync(
      mainFile(),
      `${readFileSync(mainFile(), 'utf8').split('\n').slice(0, -2).join('\n')}\n{"type":"summary"}\n`,
    );
    expect((await baton(['resume', ID])).code).toBe(3);
    const forced = JSON.parse((await baton(['resume', ID, '--force', '--json'])).out) as ResumeJson;
    expect(forced.files.find((f) => f.subKey === '')?.action).toBe('replaced');
    expect(readLines(mainFile())).toEqual(mapped(fixtureLines(''), checkout));
  });

  it('--cwd puts it in another directory; --latest finds the session of this repository', async () => {
    const other = realpathSync(mkdtempSync(join(root, 'elsewhere-')));
    const r = JSON.parse(
      (await baton(['resume', ID, '--cwd', other, '--json'], { cwd: home })).out,
    ) as ResumeJson;
    expect(r).toMatchObject({ directory: other, via: 'flag', cwdMapping: { from: OLD_CWD, to: other } });
    expect(readLines(join(claudeDir, 'projects', encodeProjectDir(other), `${ID}.jsonl`))).toEqual(
      mapped(fixtureLines(''), other),
    );
    // The checkout's folder is named differently from the tracker's project ("proj"): the remote finds it.
    const latest = JSON.parse((await baton(['resume', '--latest', '--json'])).out) as ResumeJson;
    expect(latest.sessionId).toBe(ID);
    expect(latest.directory).toBe(checkout);
  });

  it('--run runs claude --resume <id> in the mapped directory and returns its exit code', async () => {
    const bin = join(root, 'bin');
    mkdirSync(bin, { recursive: true });
    const out = join(root, 'claude-ran.txt');
    writeFileSync(join(bin, 'claude'), `#!/bin/sh\necho "$(pwd -P)|$*" > "${out}"\nexit 7\n`, {
      mode: 0o755,
    });
    const r = await baton(['resume', ID, '--run'], { env: { PATH: `${bin}:${process.env.PATH}` } });
    expect(r.code).toBe(7);
    expect(r.out).toContain(`Running claude --resume ${ID} in ${checkout}`);
    expect(readFileSync(out, 'utf8')).toBe(`${checkout}|--resume ${ID}\n`);
    // (--cwd: with nothing on PATH, git is not there to find the checkout either)
    const missing = await baton(['resume', ID, '--run', '--cwd', checkout], {
      env: { PATH: join(root, 'empty-path') },
    });
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/claude is not on PATH/);
  });

  it('fails with one clear line: no checkout here, no transcript stored, unknown id, tracker down, no key', async () => {
    const nowhere = await baton(['resume', ID], { cwd: home });
    expect(nowhere.code).toBe(1);
    expect(nowhere.err).toMatch(
      /no directory on this machine to resume in.*\/home\/dev\/proj.*pass --cwd <dir>/,
    );
    const eventsOnly = await baton(['resume', PUSHED_ONLY]);
    expect(eventsOnly.code).toBe(1);
    expect(eventsOnly.err).toMatch(/holds no transcript lines for session .*run `baton sync`/);
    const unknown = await baton(['resume', 'aaaaaaaa-0000-4000-8000-000000000000']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/session aaaaaaaa-.* is not on the tracker \(http:\/\/127\.0\.0\.1:\d+\)/);
    const bad = await baton(['resume', '../../etc/passwd']);
    expect(bad.code).toBe(2);
    const down = await baton(['resume', ID], { env: { BATON_URL: 'http://127.0.0.1:9' } });
    expect(down.code).toBe(1);
    expect(down.err).toMatch(/cannot reach the tracker at 127\.0\.0\.1:9/);
    const noKey = await baton(['resume', ID], { env: { BATON_API_KEY: undefined } });
    expect(noKey.code).toBe(1);
    expect(noKey.err).toMatch(/no API key configured/);
    const usage = await baton(['resume']);
    expect(usage.code).toBe(2);
    expect(existsSync(join(claudeDir, 'projects', encodeProjectDir(home)))).toBe(false);
  });
});
