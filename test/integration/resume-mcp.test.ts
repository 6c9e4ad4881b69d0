// The MCP resume_session tool on a machine that does not hold the session: it says so, and with fetch: true brings
// the transcript from a real tracker into this checkout's project dir and returns the command and the directory.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { loadSession } from '../../src/core/transcript/index.js';
import { encodeProjectDir } from '../../src/core/transcript/locate.js';
import { gated } from '../helpers/gated.js';
import { connectMcp, type McpHarness } from '../helpers/mcp-harness.js';
import { uploadEntries } from '../helpers/upload-entries.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';

const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'transcripts', 'projects', '-home-dev-proj');
const ID = '7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11';
const AGENT = 'subagents/agent-a1b14f07db492bea5';

const linesOf = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

let tracker: WebTracker;
let client: TrackerClient;
let root: string;
let checkout: string;
let claudeDir: string;
let mcp: McpHarness;

beforeAll(async () => {
  tracker = await startWebTracker();
  client = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
  const session = await loadSession(join(FIXTURE_DIR, `${ID}.jsonl`));
  await client.sessions.push(
    gated({
      session: {
        ...session,
        meta: { ...session.meta, gitRoot: '/home/dev/proj', gitRemote: 'https://github.com/dev/proj.git' },
      },
    }),
  );
  await uploadEntries(client, ID, '', linesOf(join(FIXTURE_DIR, `${ID}.jsonl`)));
  await uploadEntries(client, ID, AGENT, linesOf(join(FIXTURE_DIR, ID, `${AGENT}.jsonl`)));
  root = mkdtempSync(join(tmpdir(), 'baton-resume-mcp-'));
  checkout = join(root, 'src', 'proj');
  claudeDir = join(root, 'claude');
  mkdirSync(checkout, { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: checkout });
  execFileSync('git', ['remote', 'add', 'origin', 'git@github.com:dev/proj.git'], { cwd: checkout });
  checkout = realpathSync(checkout);
  mcp = await connectMcp({
    env: {
      PATH: process.env.PATH,
      HOME: join(root, 'home'),
      CLAUDE_CONFIG_DIR: claudeDir,
      CLAUDE_PROJECT_DIR: checkout,
      BATON_DATA_DIR: join(root, 'data'),
      BATON_CONFIG: join(root, 'config.json'),
      BATON_URL: tracker.url,
      BATON_API_KEY: tracker.ownerKey,
    },
    cwd: checkout,
    claudePid: 424242,
  });
});
afterAll(async () => {
  await mcp?.close();
  await client?.close();
  await tracker?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

it('resume_session says the session is not here; fetch: true brings it and returns the command to run', async () => {
  const main = join(claudeDir, 'projects', encodeProjectDir(checkout), `${ID}.jsonl`);
  const asked = await mcp.call('resume_session', { target: ID });
  expect(asked.isError, asked.text).toBeFalsy();
  expect(asked.data).toMatchObject({ sessionId: ID, onThisMachine: false, fetched: null });
  expect(asked.text).toMatch(/not on this machine.*fetch: true.*baton resume 7f3c2a10/s);
  expect(existsSync(main)).toBe(false);

  const fetched = await mcp.call('resume_session', { target: ID, fetch: true });
  expect(fetched.isError, fetched.text).toBeFalsy();
  expect(fetched.data).toMatchObject({
    sessionId: ID,
    onThisMachine: true,
    directory: checkout,
    resumeCommand: `cd ${checkout} && claude --resume ${ID}`,
  });
  expect(
    fetched.data!.fetched.files.map((f: { subKey: string; action: string }) => [f.subKey, f.action]),
  ).toEqual([
    [AGENT, 'written'],
    ['', 'written'],
  ]);
  expect(
    linesOf(main)
      .filter((l) => l.cwd !== undefined)
      .every((l) => l.cwd === checkout),
  ).toBe(true);
  expect(linesOf(main)).toHaveLength(linesOf(join(FIXTURE_DIR, `${ID}.jsonl`)).length);

  // Now it is here: nothing more to fetch, and the answer no longer says it is missing.
  const again = await mcp.call('resume_session', { target: ID, fetch: true });
  expect(again.data).toMatchObject({ onThisMachine: true, fetched: null });
  expect(again.text).not.toMatch(/not on this machine/);
});
