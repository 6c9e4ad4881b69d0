// gitOriginOf reads the repository root and remote from git's own files (no git process): checked against real
// repositories made by the real git, including a linked worktree, and never with credentials in the URL.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitMetaOf, gitOriginOf, remoteOf } from '../../src/core/git/origin.js';
import { stripCredentials } from '../../src/core/git/url.js';
import { createGitRunner, remoteUrl } from '../../src/handoff/git.js';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'baton-git-origin-')));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_SYSTEM: '/dev/null' },
  }).trim();
const repo = (name: string): string => {
  const dir = join(base, name);
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q');
  return dir;
};

describe('gitOriginOf', () => {
  it('finds the root from a nested directory and reads origin without its credentials', () => {
    const dir = repo('creds');
    git(dir, 'remote', 'add', 'upstream', 'https://example.com/up/first.git');
    git(dir, 'remote', 'add', 'origin', 'https://alice:s3cr3t-T0KEN@git.example.com/team/proj.git');
    const nested = join(dir, 'src', 'deep');
    mkdirSync(nested, { recursive: true });
    const o = gitOriginOf(nested);
    expect(o).toEqual({ root: dir, remote: 'https://git.example.com/team/proj.git' });
    expect(JSON.stringify(o)).not.toContain('s3cr3t');
  });

  it('takes the first remote when there is no origin, and null when there is none', () => {
    const dir = repo('first');
    git(dir, 'remote', 'add', 'zeta', 'git@example.com:z/one.git');
    git(dir, 'remote', 'add', 'alpha', 'https://example.com/a/two.git');
    expect(gitOriginOf(dir)?.remote).toBe('git@example.com:z/one.git');
    expect(gitOriginOf(repo('none'))).toEqual({ root: join(base, 'none'), remote: null });
  });

  it("reads a linked worktree's remote from the main repository (`.git` is a file there)", () => {
    const dir = repo('main-wt');
    git(dir, 'remote', 'add', 'origin', 'https://tok@example.com/wt/proj.git');
    writeFileSync(join(dir, 'f'), 'x');
    git(dir, 'add', 'f');
    git(dir, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'init');
    const wt = join(base, 'linked');
    git(dir, 'worktree', 'add', '-q', wt);
    expect(gitOriginOf(join(wt))).toEqual({ root: wt, remote: 'https://example.com/wt/proj.git' });
  });

  it('agrees with `git remote get-url` on quoted and commented values', () => {
    const dir = repo('quoted');
    writeFileSync(
      join(dir, '.git', 'config'),
      [
        '[core]',
        '\tbare = false',
        '; a comment',
        '[remote "origin"]',
        '\turl = "https://example.com/with space/x.git" # trailing comment',
        '\tfetch = +refs/heads/*:refs/remotes/origin/*',
      ].join('\n'),
    );
    expect(gitOriginOf(dir)?.remote).toBe(git(dir, 'remote', 'get-url', 'origin'));
  });

  it('is null outside any repository', () => {
    const plain = join(base, 'plain', 'sub');
    mkdirSync(plain, { recursive: true });
    expect(gitOriginOf(plain)).toBeNull();
  });

  it('parses remote sections case-insensitively and ignores other sections', () => {
    expect(remoteOf('[Remote "o2"]\n  URL = https://h/x\n[branch "main"]\n url = nope')).toBe('https://h/x');
    expect(remoteOf('[core]\n')).toBeNull();
  });
});

describe('one credential rule for handoff and capture', () => {
  it('strips user and token from URLs, keeps scp-style addresses', () => {
    expect(stripCredentials('https://user:tok@host/x')).toBe('https://host/x');
    expect(stripCredentials('ssh://git@host:22/x')).toBe('ssh://host:22/x');
    expect(stripCredentials('git@github.com:o/r.git')).toBe('git@github.com:o/r.git');
  });

  it("handoff's remoteUrl (real git) gives the same URL as gitOriginOf", async () => {
    const dir = repo('handoff');
    git(dir, 'remote', 'add', 'origin', 'https://bob:pw-XYZ@example.com/h/p.git');
    const viaGit = await remoteUrl(createGitRunner({ timeoutMs: 10_000 }), dir);
    expect(viaGit).toBe('https://example.com/h/p.git');
    expect(gitOriginOf(dir)?.remote).toBe(viaGit);
  });
});

describe('gitMetaOf (what every upload path puts in a session meta)', () => {
  it('names the checkout of a cwd that exists', () => {
    const dir = repo('meta');
    git(dir, 'remote', 'add', 'origin', 'git@example.com:team/meta.git');
    expect(gitMetaOf(dir)).toEqual({ gitRoot: dir, gitRemote: 'git@example.com:team/meta.git' });
  });

  it('says nothing for a cwd deleted since (walking up would find the enclosing repository)', () => {
    const outer = repo('outer');
    git(outer, 'remote', 'add', 'origin', 'https://example.com/outer.git');
    expect(gitMetaOf(join(outer, 'gone', 'sub'))).toEqual({});
    expect(gitMetaOf(undefined)).toEqual({});
  });

  it('leaves out a remote past the contract limit, keeping the root', () => {
    const dir = repo('long-remote');
    git(dir, 'remote', 'add', 'origin', `https://example.com/${'x'.repeat(2100)}.git`);
    expect(gitMetaOf(dir)).toEqual({ gitRoot: dir });
  });
});
