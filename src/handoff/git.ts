// Thin git wrappers (execa, no shell): repository root, branch, status, diff stat, commits, remote.
import { execa } from 'execa';
import { basename } from 'node:path';
import { stripCredentials } from '../core/git/url.js';
import type { CommitFact } from './types.js';

export interface GitRunner {
  (cwd: string, args: string[]): Promise<{ ok: boolean; stdout: string; stderr: string }>;
}

export function createGitRunner(opts: {
  timeoutMs: number;
  env?: Record<string, string | undefined>;
}): GitRunner {
  return async (cwd, args) => {
    const r = await execa('git', args, {
      cwd,
      reject: false,
      timeout: opts.timeoutMs,
      stripFinalNewline: true,
      // No pager, no locks taken on the user's index, stable English output.
      env: { ...opts.env, GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' },
      stdin: 'ignore',
    });
    return {
      ok: r.exitCode === 0 && !r.failed,
      stdout: String(r.stdout ?? ''),
      stderr: String(r.stderr ?? ''),
    };
  };
}

export async function repoRoot(git: GitRunner, dir: string): Promise<string | null> {
  const r = await git(dir, ['rev-parse', '--show-toplevel']);
  return r.ok && r.stdout.trim() !== '' ? r.stdout.trim() : null;
}

export async function currentBranch(
  git: GitRunner,
  root: string,
): Promise<{ branch: string | null; head: string | null }> {
  const head = await git(root, ['rev-parse', '--short', 'HEAD']);
  const sym = await git(root, ['symbolic-ref', '--short', '-q', 'HEAD']);
  const headSha = head.ok ? head.stdout.trim() : null;
  if (sym.ok && sym.stdout.trim() !== '') return { branch: sym.stdout.trim(), head: headSha };
  return { branch: headSha ? `(detached at ${headSha})` : null, head: headSha };
}

/** `origin` (or the first remote) without credentials: `https://user:token@host/x` must never land in a document. */
export async function remoteUrl(git: GitRunner, root: string): Promise<string | null> {
  let r = await git(root, ['remote', 'get-url', 'origin']);
  if (!r.ok) {
    const list = await git(root, ['remote']);
    const first = list.ok ? list.stdout.split('\n')[0]?.trim() : '';
    if (!first) return null;
    r = await git(root, ['remote', 'get-url', first]);
    if (!r.ok) return null;
  }
  return stripCredentials(r.stdout.trim()) || null;
}

/** Porcelain v1 entries; renames keep the new path. Paths are repository-relative. */
export async function statusEntries(git: GitRunner, root: string): Promise<{ code: string; path: string }[]> {
  const r = await git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all']);
  if (!r.ok) return [];
  const out: { code: string; path: string }[] = [];
  const parts = r.stdout.split('\0');
  for (let i = 0; i < parts.length; i++) {
    const entry = parts[i]!;
    if (entry.length < 4) continue;
    const code = entry.slice(0, 2);
    out.push({ code, path: entry.slice(3) });
    // -z writes a rename's original path as the next field.
    if (code[0] === 'R' || code[0] === 'C') i++;
  }
  return out;
}

export async function diffStat(git: GitRunner, root: string, hasHead: boolean): Promise<string | null> {
  const r = await git(root, hasHead ? ['diff', 'HEAD', '--stat=100'] : ['diff', '--cached', '--stat=100']);
  return r.ok && r.stdout.trim() !== '' ? r.stdout.replace(/\s+$/, '') : null;
}

export async function recentCommits(
  git: GitRunner,
  root: string,
  n: number,
  since: string | null,
): Promise<CommitFact[]> {
  if (n === 0) return [];
  const r = await git(root, ['log', `-n${n}`, '--no-color', '--format=%h%x1f%s%x1f%cI']);
  if (!r.ok) return [];
  const sinceMs = since ? Date.parse(since) : NaN;
  return r.stdout
    .split('\n')
    .filter((l) => l.includes('\x1f'))
    .map((line) => {
      const [sha = '', subject = '', date = ''] = line.split('\x1f');
      return { sha, subject, date, inSession: Number.isFinite(sinceMs) && Date.parse(date) >= sinceMs };
    });
}

export function projectNameOf(root: string): string {
  return basename(root) || root;
}
