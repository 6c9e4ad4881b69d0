// /baton:start's context (`baton handoff show`): when the handed-off session's transcript is not on this machine (the
// other machine ran it, or Claude Code's cleanup deleted it), the handoff ends with the offer to fetch it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runBaton } from '../helpers/cli-run.js';
import { git, writeFakeTranscript } from '../helpers/handoff-session.js';

const SESSION = '6c1d2e3f-4051-4b6c-8d7e-8f9a0b1c2d3e';
let root: string;
let home: string;
let repo: string;
let env: Record<string, string | undefined>;
let transcript: string;

const baton = (argv: string[], stdin?: string) =>
  runBaton(argv, { env, cwd: repo, home, ...(stdin !== undefined ? { stdin } : {}) });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'baton-resume-start-'));
  home = join(root, 'home');
  repo = join(root, 'work', 'proj');
  mkdirSync(repo, { recursive: true });
  mkdirSync(home, { recursive: true });
  await git(repo, home, 'init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'README.md'), '# proj\n');
  await git(repo, home, 'add', '.');
  await git(repo, home, 'commit', '-q', '-m', 'initial commit');
  env = {
    PATH: process.env.PATH,
    HOME: home,
    CLAUDE_CONFIG_DIR: join(root, 'claude'),
    BATON_DATA_DIR: join(root, 'data'),
    BATON_CONFIG: join(root, 'config.json'),
    BATON_CLIPBOARD: 'off',
    // A tracker is configured (the offer names baton resume); every command here runs --local-only.
    BATON_URL: 'http://127.0.0.1:9',
    BATON_API_KEY: 'bt_test-key-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    NO_COLOR: '1',
  };
  transcript = writeFakeTranscript(join(root, 'claude'), {
    sessionId: SESSION,
    cwd: repo,
    startedAt: new Date(Date.now() - 3_600_000).toISOString(),
    prompts: ['Add the login page', '/baton:end login'],
  });
  const created = await baton(
    ['handoff', 'create', '--session', SESSION, '--topic', 'login', '--narrative', '-', '--local-only'],
    '## Next steps\n1. Style the form.\n',
  );
  expect(created.code, created.err).toBe(0);
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

it('handoff show offers `baton resume <id>` only when the session is not on this machine', async () => {
  const here = await baton(['handoff', 'show', 'latest', '--local-only']);
  expect(here.code).toBe(0);
  expect(here.out).toContain(`claude --resume ${SESSION}`);
  expect(here.out).not.toContain('is not on this machine');
  expect(
    JSON.parse((await baton(['handoff', 'show', 'latest', '--local-only', '--json'])).out).resumeOffer,
  ).toBe(null);

  rmSync(transcript);
  const away = await baton(['handoff', 'show', 'latest', '--local-only']);
  expect(away.code).toBe(0);
  expect(away.out).toMatch(
    new RegExp(`Session ${SESSION} is not on this machine.*\`baton resume ${SESSION}\``, 's'),
  );
  const json = JSON.parse((await baton(['handoff', 'show', 'latest', '--local-only', '--json'])).out);
  expect(json.resumeOffer).toMatch(/not on this machine/);
});
