// `baton export --comments` (issue 14 point 2): the local session's comments come from the configured tracker and sit
// under their events, redacted; with the tracker down, unconfigured, or the session never pushed, the export is still
// written (exit 0) without comments and stderr says why. The slash command and the MCP tool take the flag too, and
// what they hand the model holds no comment text.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { loadSession } from '../../src/core/transcript/index.js';
import { runBaton } from '../helpers/cli-run.js';
import { fake, upper } from '../helpers/fake-secrets.js';
import { gated } from '../helpers/gated.js';
import { connectMcp } from '../helpers/mcp-harness.js';
import { createTranscriptWriter } from '../helpers/transcript-writer.js';
import { startTracker, type TestTracker } from '../tracker/helpers/harness.js';

const ID = 'c0ffee00-1414-4000-8000-0000000000c1';
const NEVER = 'c0ffee00-1414-4000-8000-0000000000c2';
const AWS = `AKIA${upper(16, 31)}`;
const GITHUB = fake('ghp_', 36, 32);
const COMMENT = 'wombatcomment4410 check this answer';
const REPLY = 'ocelotreply9902 fixed';

let tracker: TestTracker;
let client: TrackerClient;
let root: string;
let transcript: string;
let never: string;
let env: Record<string, string | undefined>;

beforeAll(async () => {
  tracker = await startTracker('sqlite');
  client = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
  root = mkdtempSync(join(tmpdir(), 'baton-export-comments-'));
  mkdirSync(join(root, 'home'), { recursive: true });
  // Where Claude Code keeps them, so the slash command and the MCP tool find the session by id.
  const projects = join(root, 'claude', 'projects', '-project');
  const w = createTranscriptWriter(join(projects, `${ID}.jsonl`), ID, join(root, 'project'));
  w.turn('first question');
  w.turn('second question');
  transcript = w.path;
  const n = createTranscriptWriter(join(projects, `${NEVER}.jsonl`), NEVER, join(root, 'project'));
  n.turn('never pushed');
  never = n.path;
  await client.sessions.push(gated({ session: await loadSession(transcript) }));
  const top = await client.comments.list(ID); // the typed client answers for a session without comments too
  expect(top.comments).toEqual([]);
  const post = async (body: Record<string, unknown>) => {
    const r = await fetch(`${tracker.url}/api/v1/sessions/${ID}/comments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tracker.ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(r.status).toBe(201);
    return ((await r.json()) as { comment: { id: string } }).comment.id;
  };
  const parentId = await post({ eventUuid: `${ID}-a0`, text: `${COMMENT} key=${AWS}` });
  await post({ eventUuid: `${ID}-a0`, text: `${REPLY} ${GITHUB}`, parentId });
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
}, 60_000);
afterAll(async () => {
  await client?.close();
  await tracker?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const run = (argv: string[], e = env) => runBaton(argv, { env: e, cwd: root, home: join(root, 'home') });
const read = (name: string) => readFileSync(join(root, name), 'utf8');

/** A port nothing listens on: taken from the OS, then released. */
async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('baton export --comments', () => {
  it('writes the thread under its event, secrets redacted and counted; the summary counts the comments', async () => {
    const r = await run(['export', transcript, '--comments', '-o', 'on.md']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('with 2 comment(s)');
    expect(r.out).toContain('redacted 2 secrets');
    const md = read('on.md');
    const answer = md.indexOf('answer 0');
    const top = md.indexOf(COMMENT);
    const reply = md.indexOf(`> > ${REPLY}`);
    expect(answer).toBeGreaterThan(-1);
    expect(top).toBeGreaterThan(answer);
    expect(reply).toBeGreaterThan(top);
    expect(md.indexOf('second question')).toBeGreaterThan(reply);
    expect(md).not.toContain(AWS);
    expect(md).not.toContain(GITHUB);
    const off = await run(['export', transcript, '-o', 'off.md']);
    expect(off.code).toBe(0);
    expect(read('off.md')).not.toContain('wombatcomment4410');
  });

  it('with the tracker down: exit 0, a warning on stderr, the export written without comments', async () => {
    const down = { ...env, BATON_URL: `http://127.0.0.1:${await deadPort()}` };
    const r = await run(['export', transcript, '--comments', '--format', 'json', '-o', 'down.json'], down);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/warning: --comments: the tracker at http:\/\/127\.0\.0\.1:\d+ is unreachable/);
    expect(r.err).toContain('written without comments');
    const doc = JSON.parse(read('down.json')) as Record<string, unknown>;
    expect(doc).not.toHaveProperty('comments');
    expect(JSON.stringify(doc)).toContain('answer 0');
  });

  it('with no tracker configured, or a session never pushed: a warning, and the export', async () => {
    const none = { ...env, BATON_URL: undefined, BATON_API_KEY: undefined };
    const a = await run(['export', transcript, '--comments', '-o', 'none.md'], none);
    expect(a.code, a.err).toBe(0);
    expect(a.err).toContain('warning: --comments: no tracker is configured');
    expect(read('none.md')).toContain('answer 0');
    const b = await run(['export', never, '--comments', '-o', 'never.md']);
    expect(b.code, b.err).toBe(0);
    expect(b.err).toContain(`the tracker has no session ${NEVER} (never pushed?`);
    expect(read('never.md')).toContain('never pushed');
  });

  it('/baton:export-session --comments and the MCP tool write them to the file; the model gets only a count', async () => {
    const slash = await run([
      'export-session',
      '--session',
      ID,
      '--cwd',
      root,
      '--',
      '--comments',
      '--out',
      'slash.txt',
      '--format',
      'txt',
    ]);
    expect(slash.out).toMatch(/^BATON_EXPORT_OK: .*with 2 comment\(s\)/);
    expect(slash.out).not.toContain('wombatcomment4410');
    expect(read('slash.txt')).toContain('wombatcomment4410');
    expect(read('slash.txt')).not.toContain(AWS);
    const mcp = await connectMcp({ env: { ...env, CLAUDE_PROJECT_DIR: root }, cwd: root, claudePid: 616161 });
    try {
      const res = await mcp.call('export_session', {
        sessionId: ID,
        out: 'mcp.html',
        format: 'html',
        comments: true,
      });
      expect(res.isError, res.text).toBeFalsy();
      expect(res.text).toContain('with 2 comment(s)');
      expect(res.text).not.toContain('wombatcomment4410');
      expect(read('mcp.html')).toContain('wombatcomment4410');
      expect(read('mcp.html')).not.toContain(GITHUB);
    } finally {
      await mcp.close();
    }
  });
});
