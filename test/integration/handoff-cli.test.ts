// `baton handoff create|list|show` end to end, in-process, against a temp git repo, transcript and data dir.
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHandoffCommand } from '../../src/cli/commands/handoff.js';
import type { CliIo } from '../../src/cli/io.js';
import { resolveConfig } from '../../src/core/config/index.js';
import { parseDocument } from '../../src/core/handoff/index.js';
import { handoffContextFor } from '../../src/capture/session/next-steps-offer.js';
import { git, writeFakeTranscript } from '../helpers/handoff-session.js';

const SESSION = '5b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d';
let root: string;
let home: string;
let repo: string;
let dataDir: string;
let claudeDir: string;

const NARRATIVE = `## Session summary
Token checks moved into a middleware in ${'/'}REPO/src/new.ts.

## Accomplished
- Wrote the middleware
- Edited the router

## Key decisions
- Middleware over per-route checks: one place to audit.

## Next steps
1. Wire the middleware into the admin routes.
2. Delete the old checks in src/a.ts.
`;

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(
  argv: string[],
  opts: { stdin?: string; env?: Record<string, string>; cwd?: string } = {},
): Promise<Run> {
  let out = '';
  let err = '';
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    BATON_DATA_DIR: dataDir,
    CLAUDE_CONFIG_DIR: claudeDir,
    BATON_CLIPBOARD: 'off',
    XDG_CONFIG_HOME: join(home, '.config'),
    ...opts.env,
  };
  const io: CliIo = {
    env,
    cwd: opts.cwd ?? repo,
    home,
    stdin: Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)]),
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    isTty: false,
  };
  const config = resolveConfig(env, { homedir: home, readFile: () => null });
  const code = await runHandoffCommand(argv, { io, config, claudeConfigDir: claudeDir });
  return { code, out, err };
}

/** Every file under a directory with its size and mtime: "a dry run changes nothing" is checked against this. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, name);
    const st = statSync(p);
    out[name] = st.isDirectory() ? 'dir' : `${st.size}:${st.mtimeMs}`;
  }
  return out;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'baton-handoff-cli-'));
  home = join(root, 'home');
  repo = join(root, 'work', 'proj');
  dataDir = join(root, 'data');
  claudeDir = join(home, '.claude');
  mkdirSync(join(repo, 'src'), { recursive: true });
  mkdirSync(home, { recursive: true });
  await git(repo, home, 'init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'README.md'), '# proj\n');
  writeFileSync(join(repo, 'src', 'a.ts'), 'export const a = 1;\n');
  await git(repo, home, 'add', '.');
  await git(repo, home, 'commit', '-q', '-m', 'initial commit');
  await git(repo, home, 'checkout', '-q', '-b', 'feat/auth');
  // What the session did: one new file, one edit, one commit.
  writeFileSync(join(repo, 'src', 'new.ts'), 'export const mw = 1;\n');
  writeFileSync(join(repo, 'src', 'a.ts'), 'export const a = 2;\n');
  writeFileSync(join(repo, 'CHANGELOG.md'), 'x\n');
  await git(repo, home, 'add', 'CHANGELOG.md');
  await git(repo, home, 'commit', '-q', '-m', 'Add changelog');
  writeFakeTranscript(claudeDir, {
    sessionId: SESSION,
    cwd: repo,
    startedAt: new Date(Date.now() - 3_600_000).toISOString(),
    prompts: ['Move the token checks into a middleware', 'Now add a changelog', '/baton:end auth'],
    created: [join(repo, 'src', 'new.ts')],
    edited: [join(repo, 'src', 'a.ts')],
    gitBranch: 'feat/auth',
  });
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('baton handoff create', () => {
  it('a dry run prints the plan and the document and changes nothing', async () => {
    const before = {
      data: snapshot(dataDir),
      repo: snapshot(repo),
      status: await git(repo, home, 'status', '--porcelain'),
    };
    const r = await run(['create', '--topic', 'auth', '--dry-run', '--in-repo'], { stdin: NARRATIVE });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Dry run for handoff auth-\d{4}-\d{2}-\d{2}-\d{6}: nothing was written or sent\./);
    expect(r.out).toContain(`write ${join(dataDir, 'handoffs')}`);
    expect(r.out).toContain(join(repo, 'docs', 'handoff'));
    expect(r.out).toContain('## Next steps');
    expect({
      data: snapshot(dataDir),
      repo: snapshot(repo),
      status: await git(repo, home, 'status', '--porcelain'),
    }).toEqual(before);
  });

  it('writes the document with facts and the given narrative, indexes it, and says it stayed local', async () => {
    const narrativeFile = join(root, 'narrative.md');
    writeFileSync(narrativeFile, NARRATIVE.replace('/REPO', repo));
    const r = await run(['create', '--topic', 'Auth middleware', '--narrative', narrativeFile]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const id = /Handoff (auth-middleware-\d{4}-\d{2}-\d{2}-\d{6}) saved\./.exec(r.out)?.[1];
    expect(id).toBeDefined();
    expect(r.out).toContain('Tracker:   no tracker configured: kept local only');
    expect(r.out).toContain('Narrative: complete');
    expect(r.out).toContain(`Resume this session: cd ${repo} && claude --resume ${SESSION}`);

    const file = /Local: +(\S+\.md)/.exec(r.out)![1]!;
    expect(file.startsWith(join(dataDir, 'handoffs'))).toBe(true);
    const doc = parseDocument(readFileSync(file, 'utf8'));
    expect(doc.meta).toMatchObject({
      contextId: id,
      topic: 'Auth middleware',
      sessionId: SESSION,
      claudeVersion: '2.1.330',
      cwd: repo,
      routine: 'handoff',
      preset: null,
      narrativeMissing: [],
    });
    expect(doc.meta.projects).toEqual([
      expect.objectContaining({ name: 'proj', path: repo, branch: 'feat/auth' }),
    ]);
    expect(doc.sections.projects).toContain('Branch: `feat/auth`');
    expect(doc.sections.projects).toMatch(/Add changelog _\(this session\)_/);
    expect(doc.sections.projects).toContain('src/a.ts');
    expect(doc.sections.files).toContain('- New:\n  - `src/new.ts`');
    expect(doc.sections.files).toContain('- Modified:\n  - `src/a.ts`');
    expect(doc.sections.facts).toContain('Move the token checks into a middleware');
    expect(doc.sections.facts).not.toContain('/baton:end');
    expect(doc.sections.facts).toMatch(/Tools: Edit ×1, Write ×1/);
    expect(doc.sections.nextSteps).toBe(
      '1. Wire the middleware into the admin routes.\n2. Delete the old checks in src/a.ts.',
    );
    expect(doc.sections.decisions).toContain('one place to audit');
    expect(doc.sections.resume).toContain(`cd ${repo} && claude --resume ${SESSION}`);

    const index = JSON.parse(readFileSync(join(dataDir, 'handoffs', 'index.json'), 'utf8'));
    expect(index.entries[0]).toMatchObject({
      contextId: id,
      project: 'proj',
      sessionId: SESSION,
      origin: 'local',
    });
    expect(index.entries[0].nextSteps).toContain('admin routes');
    // The SessionStart offer reads that index.
    const offer = handoffContextFor(dataDir, join(repo, 'src'), Date.now(), { maxAgeHours: 24 });
    expect(offer).toContain(id);
    expect(offer).toContain('Wire the middleware into the admin routes.');
  });

  it('marks narrative sections as not written when none is given, and reads the session from CLAUDE_CODE_SESSION_ID', async () => {
    const r = await run(['create', '--topic', 'bare', '--json'], {
      env: { CLAUDE_CODE_SESSION_ID: SESSION },
    });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.sessionId).toBe(SESSION);
    expect(json.narrativeMissing).toEqual(['summary', 'accomplished', 'decisions', 'nextSteps']);
    const doc = parseDocument(readFileSync(json.outputs.localFile, 'utf8'));
    expect(doc.sections.summary).toBeNull();
    expect(doc.sections.nextSteps).toBeNull();
    expect(readFileSync(json.outputs.localFile, 'utf8')).toContain('## Next steps\n\n_Not written:');
  });

  it('reads the narrative from stdin and also writes into the repository with --in-repo', async () => {
    const r = await run(['create', '--topic', 'in repo', '--narrative', '-', '--in-repo'], {
      stdin: NARRATIVE,
    });
    expect(r.code).toBe(0);
    const repoFile = /In repo: +(\S+\.md)/.exec(r.out)![1]!;
    expect(repoFile.startsWith(join(repo, 'docs', 'handoff', 'in-repo-'))).toBe(true);
    expect(parseDocument(readFileSync(repoFile, 'utf8')).sections.accomplished).toContain(
      'Wrote the middleware',
    );
    rmSync(join(repo, 'docs'), { recursive: true });
  });

  it('a broken routine file fails with one line naming the field', async () => {
    const bad = join(root, 'bad-routine.json');
    writeFileSync(
      bad,
      JSON.stringify({
        name: 'handoff',
        version: 1,
        steps: [{ id: 'git', kind: 'git-facts', options: { maxFiles: -3 } }],
      }),
    );
    const r = await run(['create', '--routine', bad]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(`${bad}: steps[0].options.maxFiles (step "git"): Too small`);
  });

  it('unknown presets and flags are clear errors', async () => {
    expect((await run(['create', '--preset', 'nope'])).err).toMatch(
      /preset "nope" not found: .*routines\/presets\/nope\.json/,
    );
    const r = await run(['create', '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Unknown option '--frobnicate'");
  });
});

describe('the claude-ai-transfer preset', () => {
  it('without a clipboard tool: writes a file and prints a self-contained prompt, next steps first, no local paths', async () => {
    const r = await run(['create', '--preset', 'claude-ai-transfer', '--topic', 'web', '--narrative', '-'], {
      stdin: NARRATIVE.replace('/REPO', repo),
    });
    expect(r.code).toBe(0);
    const file = /File: +(\S+\.txt)/.exec(r.out)![1]!;
    const prompt = readFileSync(file, 'utf8');
    expect(r.out).toContain(prompt.trim());
    expect(prompt.startsWith('I am continuing a software task')).toBe(true);
    expect(prompt.indexOf('## What to do next')).toBeGreaterThan(0);
    expect(prompt.indexOf('## What to do next')).toBeLessThan(prompt.indexOf('## Where things stand'));
    expect(prompt).toContain('proj/src/new.ts');
    expect(prompt).not.toContain(root);
    expect(prompt).not.toContain('claude --resume');
    expect(prompt).not.toMatch(/^---/);
    expect(prompt.length).toBeLessThanOrEqual(12_000);
    // The preset stores nothing in the handoff store and sends nothing.
    const index = JSON.parse(readFileSync(join(dataDir, 'handoffs', 'index.json'), 'utf8'));
    expect(index.entries.some((e: { topic: string }) => e.topic === 'web')).toBe(false);
  });

  it('copies to the clipboard when a clipboard tool exists', async () => {
    const bin = join(root, 'bin');
    mkdirSync(bin, { recursive: true });
    const sink = join(root, 'clipboard.txt');
    const tool = join(bin, 'fake-clip');
    writeFileSync(tool, `#!/bin/sh\ncat > '${sink}'\n`);
    chmodSync(tool, 0o755);
    const r = await run(['create', '--preset', 'claude-ai-transfer', '--topic', 'clip'], {
      env: { BATON_CLIPBOARD: tool },
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Clipboard: copied');
    const copied = readFileSync(sink, 'utf8');
    expect(copied).toContain('## What to do next');
    // Copied, so the prompt itself is not dumped on stdout.
    expect(r.out).not.toContain('## What to do next');
  });
});

describe('baton handoff list / show', () => {
  it('lists this project’s handoffs newest first and shows the latest', async () => {
    const list = await run(['list']);
    expect(list.code).toBe(0);
    expect(list.out).toContain('Recent handoffs for project proj');
    const ids = [...list.out.matchAll(/^ {2}(\S+-\d{4}-\d{2}-\d{2}-\d{6}(?:-\d+)?) /gm)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const latest = await run(['show', 'latest']);
    expect(latest.code).toBe(0);
    expect(parseDocument(latest.out).meta.contextId).toBe(ids[0]);
    const one = await run(['show', ids[ids.length - 1]!]);
    expect(parseDocument(one.out).meta.contextId).toBe(ids[ids.length - 1]);
  });

  it('show on a project without handoffs fails, or notes it with --allow-missing', async () => {
    const other = join(root, 'elsewhere');
    mkdirSync(other, { recursive: true });
    const missing = await run(['show', 'latest'], { cwd: other });
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(
      'no handoff for project elsewhere in the local store (no tracker configured)',
    );
    const allowed = await run(['show', 'latest', '--allow-missing'], { cwd: other });
    expect(allowed.code).toBe(0);
    expect(allowed.out).toMatch(/^No handoff found/);
  });
});
