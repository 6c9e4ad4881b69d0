// Tracker sync of handoffs against the real tracker (temp SQLite): POST on create, the project pointer moves,
// an unreachable tracker only warns, and "another machine" finds the handoff with show.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHandoffCommand } from '../../src/cli/commands/handoff.js';
import type { CliIo } from '../../src/cli/io.js';
import { resolveConfig } from '../../src/core/config/index.js';
import { parseDocument } from '../../src/core/handoff/index.js';
import { handoffContextFor } from '../../src/capture/session/next-steps-offer.js';
import { startTestTracker, type TestTracker } from '../helpers/handoff-tracker.js';
import { git, writeFakeTranscript } from '../helpers/handoff-session.js';

const SESSION = '0d1e2f30-4152-4637-8849-5a6b7c8d9e0f';
let root: string;
let homeA: string;
let homeB: string;
let repo: string;
let tracker: TestTracker;

async function run(
  argv: string[],
  o: { home: string; dataDir: string; env?: Record<string, string>; stdin?: string },
) {
  let out = '';
  let err = '';
  const env = {
    PATH: process.env.PATH,
    HOME: o.home,
    BATON_DATA_DIR: o.dataDir,
    CLAUDE_CONFIG_DIR: join(o.home, '.claude'),
    XDG_CONFIG_HOME: join(o.home, '.config'),
    BATON_URL: tracker.url,
    BATON_API_KEY: tracker.apiKey,
    ...o.env,
  };
  const io: CliIo = {
    env,
    cwd: repo,
    home: o.home,
    stdin: Readable.from(o.stdin ? [Buffer.from(o.stdin)] : []),
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    isTty: false,
  };
  const config = resolveConfig(env, { homedir: o.home, readFile: () => null });
  const code = await runHandoffCommand(argv, { io, config, claudeConfigDir: join(o.home, '.claude') });
  return { code, out, err };
}

beforeAll(async () => {
  tracker = await startTestTracker();
  root = mkdtempSync(join(tmpdir(), 'baton-handoff-sync-'));
  homeA = join(root, 'machine-a');
  homeB = join(root, 'machine-b');
  repo = join(root, 'repo', 'svc');
  mkdirSync(repo, { recursive: true });
  mkdirSync(homeB, { recursive: true });
  await git(repo, root, 'init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'x.txt'), 'x\n');
  await git(repo, root, 'add', '.');
  await git(repo, root, 'commit', '-q', '-m', 'init');
  writeFakeTranscript(join(homeA, '.claude'), {
    sessionId: SESSION,
    cwd: repo,
    startedAt: new Date(Date.now() - 600_000).toISOString(),
    prompts: ['Add the retry loop'],
  });
});

afterAll(async () => {
  await tracker?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** GET on the tracker's API with the owner key. */
async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${tracker.url}/api/v1${path}`, {
    headers: { authorization: `Bearer ${tracker.apiKey}` },
  });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

async function trackerHandoffs(): Promise<{ id: string; sessionId: string; project: { name: string } }[]> {
  return (
    await api<{ handoffs: { id: string; sessionId: string; project: { name: string } }[] }>(
      '/handoffs?limit=100',
    )
  ).handoffs;
}

describe('handoff tracker sync', () => {
  it('stores the document on the tracker under the session and project, moves the pointer, and records the id', async () => {
    const dataA = join(root, 'data-a');
    const r = await run(['create', '--topic', 'retry', '--narrative', '-'], {
      home: homeA,
      dataDir: dataA,
      stdin: '## Next steps\n- Tune the backoff\n',
    });
    expect(r.code).toBe(0);
    const id = /Tracker: +synced to \S+ \(id (\S+)\)/.exec(r.out)?.[1];
    expect(id).toBeDefined();
    const { handoff } = await api<{
      handoff: {
        sessionId: string;
        project: { name: string };
        frontmatter: { contextId: string };
        body: string;
      };
    }>(`/handoffs/${id}`);
    expect(handoff.sessionId).toBe(SESSION);
    expect(handoff.project.name).toBe('svc');
    const local = /Local: +(\S+\.md)/.exec(r.out)![1]!;
    expect(handoff.body).toBe(readFileSync(local, 'utf8'));
    expect(handoff.frontmatter.contextId).toBe(parseDocument(handoff.body).meta.contextId);
    // A handoff is an explicit "continue from here": the project's latest session is now this one.
    const { project } = await api<{ project: { lastSession: { sessionId: string; source: string } | null } }>(
      '/projects/svc',
    );
    expect(project.lastSession).toMatchObject({ sessionId: SESSION, source: 'handoff' });
    const index = JSON.parse(readFileSync(join(dataA, 'handoffs', 'index.json'), 'utf8'));
    expect(index.entries[0].trackerId).toBe(id);
  });

  it('another machine (fresh home and data dir, same tracker) finds the handoff with show latest and keeps a copy', async () => {
    const dataB = join(root, 'data-b');
    const shown = await run(['show', 'latest'], { home: homeB, dataDir: dataB });
    expect(shown.code).toBe(0);
    expect(shown.err).toContain('from the tracker');
    const doc = parseDocument(shown.out);
    expect(doc.meta.sessionId).toBe(SESSION);
    expect(doc.sections.nextSteps).toBe('- Tune the backoff');
    expect(doc.sections.resume).toContain(`claude --resume ${SESSION}`);
    // Cached: the next look is local, and the SessionStart offer on this machine sees it.
    const again = await run(['show', 'latest', '--local-only'], { home: homeB, dataDir: dataB });
    expect(parseDocument(again.out).meta.contextId).toBe(doc.meta.contextId);
    expect(handoffContextFor(dataB, repo, Date.now(), 'always')).toContain('Tune the backoff');
    const list = await run(['list'], { home: homeB, dataDir: dataB });
    expect(list.out).toContain(doc.meta.contextId);
  });

  it('show <context-id> finds a handoff only the tracker has', async () => {
    const [first] = await trackerHandoffs();
    const { handoff } = await api<{ handoff: { body: string } }>(`/handoffs/${first!.id}`);
    const id = parseDocument(handoff.body).meta.contextId;
    const r = await run(['show', id], { home: homeB, dataDir: join(root, 'data-c') });
    expect(r.code).toBe(0);
    expect(parseDocument(r.out).meta.contextId).toBe(id);
  });

  it('an unreachable tracker or a bad key only warns: the handoff is stored locally', async () => {
    const dataD = join(root, 'data-d');
    const down = await run(['create', '--topic', 'offline'], {
      home: homeA,
      dataDir: dataD,
      env: { BATON_URL: 'http://127.0.0.1:9' },
    });
    expect(down.code).toBe(0);
    expect(down.out).toMatch(/Tracker: +sync failed: tracker http:\/\/127\.0\.0\.1:9 unreachable/);
    expect(down.err).toContain('note: step "sync" (sync)');
    expect(down.out).toMatch(/Local: +\S+offline-\d{4}/);
    const badKey = await run(['create', '--topic', 'badkey'], {
      home: homeA,
      dataDir: dataD,
      env: { BATON_API_KEY: 'wrong' },
    });
    expect(badKey.code).toBe(0);
    expect(badKey.out).toMatch(/sync failed: tracker: POST \/handoffs: .+/);
  });

  it('--local-only and the transfer preset never send anything to the tracker', async () => {
    const before = (await trackerHandoffs()).length;
    await run(['create', '--local-only'], { home: homeA, dataDir: join(root, 'data-e') });
    await run(['create', '--preset', 'claude-ai-transfer'], {
      home: homeA,
      dataDir: join(root, 'data-e'),
      env: { BATON_CLIPBOARD: 'off' },
    });
    expect((await trackerHandoffs()).length).toBe(before);
  });
});
