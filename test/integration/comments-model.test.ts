// Issue 14: comments, replies and reactions are for people reading the tracker, never for a model. With all three on
// a session, nothing Baton hands a model holds their text: the MCP tools, `baton resume`'s files, the handoff context
// (`/baton:start` runs `baton handoff show latest`) and the exports.
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { loadSession } from '../../src/core/transcript/index.js';
import { runBaton } from '../helpers/cli-run.js';
import { gated } from '../helpers/gated.js';
import { git, writeFakeTranscript } from '../helpers/handoff-session.js';
import { connectMcp, type McpHarness } from '../helpers/mcp-harness.js';
import { uploadEntries } from '../helpers/upload-entries.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';

const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'transcripts', 'projects', '-home-dev-proj');
const ID = '7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11';
const HANDED = '0d1e2f30-4152-4637-8849-5a6b7c8d9e0f';
/** Marker words that occur nowhere in the transcripts: any hit is a comment leaking. */
const COMMENT = 'zebracomment7781 please look here';
const REPLY = 'quokkareply5523 agreed';
const MARKERS = ['zebracomment7781', 'quokkareply5523'];

type Line = Record<string, unknown>;
const readLines = (path: string): Line[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Line);

let tracker: WebTracker;
let client: TrackerClient;
let root: string;
let home: string;
let claudeDir: string;
let checkout: string;
let env: Record<string, string | undefined>;
let mcp: McpHarness;

const expectNoComment = (what: string, text: string) => {
  for (const m of MARKERS) expect(text, `${what} holds comment text`).not.toContain(m);
};

async function api(path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const r = await fetch(`${tracker.url}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${tracker.ownerKey}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: r.status, json: (await r.json().catch(() => ({}))) as Record<string, unknown> };
}

/** A comment, a reply to it and a reaction on the first event of `id` (of `uuids`) the tracker knows. */
async function discuss(id: string, uuids: string[]): Promise<void> {
  for (const eventUuid of uuids) {
    const c = await api(`/sessions/${id}/comments`, { eventUuid, text: COMMENT });
    if (c.status !== 201) continue;
    const parentId = (c.json.comment as { id: string }).id;
    expect((await api(`/sessions/${id}/comments`, { eventUuid, text: REPLY, parentId })).status).toBe(201);
    expect((await api(`/sessions/${id}/reactions`, { eventUuid, emoji: '👍' })).status).toBe(200);
    const list = JSON.stringify((await api(`/sessions/${id}/comments`)).json);
    for (const m of MARKERS) expect(list).toContain(m);
    return;
  }
  throw new Error(`no event of ${id} took a comment`);
}

const uuidsOf = (lines: Line[]) => lines.map((l) => l.uuid).filter((u): u is string => typeof u === 'string');

beforeAll(async () => {
  tracker = await startWebTracker();
  client = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
  const fixture = join(FIXTURE_DIR, `${ID}.jsonl`);
  const session = await loadSession(fixture);
  await client.sessions.push(
    gated({
      session: {
        ...session,
        meta: { ...session.meta, gitRoot: '/home/dev/proj', gitRemote: 'https://github.com/dev/proj.git' },
      },
    }),
  );
  await uploadEntries(client, ID, '', readLines(fixture));
  await discuss(ID, uuidsOf(readLines(fixture)));

  root = mkdtempSync(join(tmpdir(), 'baton-comments-model-'));
  home = join(root, 'home');
  claudeDir = join(root, 'claude');
  checkout = join(root, 'work', 'proj');
  mkdirSync(home, { recursive: true });
  mkdirSync(checkout, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: checkout });
  execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/dev/proj'], { cwd: checkout });
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
  mcp = await connectMcp({ env: { ...env, CLAUDE_PROJECT_DIR: checkout }, cwd: checkout, claudePid: 515151 });
});
afterAll(async () => {
  await mcp?.close();
  await client?.close();
  await tracker?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a commented session, as a model can receive it', () => {
  it('MCP get_session, list_sessions and resume_session (fetching the transcript) hold no comment text', async () => {
    const got = await mcp.call('get_session', { sessionId: ID });
    expect(got.isError, got.text).toBeFalsy();
    expect(got.text).toContain(ID.slice(0, 8));
    const listed = await mcp.call('list_sessions', {});
    expect(listed.isError, listed.text).toBeFalsy();
    expect(listed.text).toContain(ID.slice(0, 8));
    const resumed = await mcp.call('resume_session', { target: ID, fetch: true });
    expect(resumed.isError, resumed.text).toBeFalsy();
    expect(resumed.data).toMatchObject({ sessionId: ID, onThisMachine: true });
    for (const [name, r] of [
      ['get_session', got],
      ['list_sessions', listed],
      ['resume_session', resumed],
    ] as const)
      expectNoComment(name, r.text + JSON.stringify(r.data ?? {}));
  });

  it('baton resume writes transcript lines without comment text', async () => {
    const r = await runBaton(['resume', ID, '--force', '--json'], { env, cwd: checkout, home });
    expect(r.code, r.err).toBe(0);
    expectNoComment('resume output', r.out);
    const written = readdirSync(join(claudeDir, 'projects'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.jsonl'))
      .map((e) => join(e.parentPath, e.name));
    expect(written.some((f) => f.endsWith(`${ID}.jsonl`))).toBe(true);
    for (const f of written) expectNoComment(f, readFileSync(f, 'utf8'));
  });

  it('exports from the tracker, every text format, hold no comment text', async () => {
    for (const format of ['md', 'txt', 'json', 'html']) {
      const res = await fetch(`${tracker.url}/api/v1/sessions/${ID}/export?format=${format}`, {
        headers: { authorization: `Bearer ${tracker.ownerKey}` },
      });
      expect(res.status, format).toBe(200);
      const body = await res.text();
      expect(body.length).toBeGreaterThan(100);
      expectNoComment(`export ${format}`, body);
    }
  });

  it('the handoff context another machine loads (/baton:start) holds no comment text', async () => {
    const repo = join(root, 'repo', 'svc');
    const homeA = join(root, 'machine-a');
    const homeB = join(root, 'machine-b');
    mkdirSync(repo, { recursive: true });
    mkdirSync(homeB, { recursive: true });
    await git(repo, root, 'init', '-q', '-b', 'main');
    writeFileSync(join(repo, 'x.txt'), 'x\n');
    await git(repo, root, 'add', '.');
    await git(repo, root, 'commit', '-q', '-m', 'init');
    const transcript = writeFakeTranscript(join(homeA, '.claude'), {
      sessionId: HANDED,
      cwd: repo,
      startedAt: new Date(Date.now() - 600_000).toISOString(),
      prompts: ['Add the retry loop'],
    });
    await client.sessions.push(gated({ session: await loadSession(transcript) }));
    await discuss(HANDED, uuidsOf(readLines(transcript)));
    const on = (h: string, data: string) => ({
      env: { ...env, HOME: h, CLAUDE_CONFIG_DIR: join(h, '.claude'), BATON_DATA_DIR: data },
      cwd: repo,
      home: h,
    });
    const made = await runBaton(['handoff', 'create', '--topic', 'retry', '--narrative', '-'], {
      ...on(homeA, join(root, 'data-a')),
      stdin: '## Next steps\n- Tune the backoff\n',
    });
    expect(made.code, made.err).toBe(0);
    const shown = await runBaton(
      ['handoff', 'show', 'latest', '--allow-missing'],
      on(homeB, join(root, 'data-b')),
    );
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toContain('Tune the backoff');
    expectNoComment('handoff show', shown.out + shown.err);
  });
});
