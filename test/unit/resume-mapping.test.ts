// The rules `baton resume` decides with: same repository whatever the URL form, where the session lands on this
// machine, which cwd values move, which tracker-named files may be written, and when local work counts as newer.
import { mkdirSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatonError } from '../../src/core/errors.js';
import { compareLocal } from '../../src/resume/local-copy.js';
import { transcriptFile } from '../../src/resume/paths.js';
import { normalizeRemote, sameRemote } from '../../src/resume/remote.js';
import { chooseTargetDir, resumeRefusal, rewriteCwd } from '../../src/resume/target-dir.js';

describe('sameRemote', () => {
  it('matches ssh, scp-like, https (with user, .git, trailing slash) forms of one repository', () => {
    const forms = [
      'git@github.com:Owner/Repo.git',
      'ssh://git@github.com:22/owner/repo',
      'https://user@github.com/owner/repo/',
      'https://github.com/owner/repo.git',
      'github.com/owner/repo',
    ];
    for (const f of forms) expect(normalizeRemote(f), f).toBe('github.com/owner/repo');
    expect(sameRemote('git@github.com:owner/repo.git', 'https://github.com/owner/repo-two')).toBe(false);
    expect(sameRemote('git@github.com:owner/repo.git', 'https://gitlab.com/owner/repo')).toBe(false);
    expect(sameRemote(null, 'https://github.com/owner/repo')).toBe(false);
  });
});

describe('chooseTargetDir', () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'baton-target-')));
  const checkout = join(root, 'b', 'checkout');
  mkdirSync(join(checkout, 'packages', 'api'), { recursive: true });
  const here = { root: checkout, remote: 'https://github.com/o/r' };

  it('maps a subdirectory of the repository onto the same one in this checkout', () => {
    const t = chooseTargetDir({
      session: { cwd: '/a/repo/packages/api', gitRoot: '/a/repo', gitRemote: 'git@github.com:o/r.git' },
      here,
    });
    expect(t).toEqual({
      dir: join(checkout, 'packages', 'api'),
      via: 'git',
      rewrite: { from: '/a/repo', to: checkout },
    });
  });

  it('--cwd wins; the session’s own cwd when it exists here; else no_checkout naming --cwd', () => {
    const s = { cwd: '/a/repo', gitRoot: '/a/repo', gitRemote: 'git@github.com:o/r.git' };
    expect(chooseTargetDir({ session: s, here, flagCwd: root })).toEqual({
      dir: root,
      via: 'flag',
      rewrite: { from: '/a/repo', to: root },
    });
    expect(chooseTargetDir({ session: { cwd: checkout }, here: null })).toEqual({
      dir: checkout,
      via: 'same-path',
      rewrite: null,
    });
    const other = { root: checkout, remote: 'https://github.com/o/other' };
    let err: unknown;
    try {
      chooseTargetDir({ session: s, here: other });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BatonError);
    expect((err as BatonError).code).toBe('not_found');
    expect(resumeRefusal(err)).toBe('no_checkout');
    expect((err as Error).message).toMatch(/pass --cwd <dir>/);
    expect(() => chooseTargetDir({ session: s, here, flagCwd: join(root, 'missing') })).toThrow(
      /not a directory/,
    );
  });

  it('rewrites cwd at a path boundary only, and leaves other lines as the same object', () => {
    const r = { from: '/home/dev/proj', to: '/w/proj' };
    expect(rewriteCwd({ a: 1, cwd: '/home/dev/proj', b: 2 }, r)).toEqual({ a: 1, cwd: '/w/proj', b: 2 });
    expect(Object.keys(rewriteCwd({ a: 1, cwd: '/home/dev/proj', b: 2 }, r))).toEqual(['a', 'cwd', 'b']);
    expect(rewriteCwd({ cwd: '/home/dev/proj/sub' }, r)).toEqual({ cwd: '/w/proj/sub' });
    const sibling = { cwd: '/home/dev/project' };
    expect(rewriteCwd(sibling, r)).toBe(sibling);
    const none = { type: 'summary' };
    expect(rewriteCwd(none, r)).toBe(none);
  });
});

describe('transcriptFile', () => {
  it('writes only plain relative names the tracker gives, under the session folder', () => {
    expect(transcriptFile('/p', 'abc', '')).toBe('/p/abc.jsonl');
    expect(transcriptFile('/p', 'abc', 'subagents/agent-x')).toBe('/p/abc/subagents/agent-x.jsonl');
    for (const bad of ['../x', 'subagents/../../x', '/etc/passwd', 'a//b', '.hidden'])
      expect(() => transcriptFile('/p', 'abc', bad), bad).toThrow(/will not write/);
    expect(() => transcriptFile('/p', '../abc', '')).toThrow(/not a session id/);
  });
});

describe('compareLocal', () => {
  const remote = { lines: 4, uuids: new Set(['a', 'b', 'c']) };
  it('absent, same, older, and newer by an unknown uuid or by more lines', () => {
    expect(compareLocal(null, remote)).toBe('absent');
    expect(compareLocal({ lines: 4, uuids: new Set(['a', 'b', 'c']) }, remote)).toBe('same');
    expect(compareLocal({ lines: 2, uuids: new Set(['a']) }, remote)).toBe('older');
    expect(compareLocal({ lines: 2, uuids: new Set(['a', 'z']) }, remote)).toBe('newer');
    expect(compareLocal({ lines: 5, uuids: new Set(['a', 'b', 'c']) }, remote)).toBe('newer');
  });
});
