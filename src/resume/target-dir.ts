// Where a session resumes on this machine: --cwd, else this checkout of the same repository, else the session's own
// cwd when it exists here. And the one rewrite of the records' `cwd` that goes with it.
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { BatonError } from '../core/errors.js';
import { sameRemote } from './remote.js';

/** What the tracker knows of where the session ran (its meta; older sessions have only `cwd`). */
export interface SessionPlace {
  cwd: string | null;
  gitRemote?: string | null;
  gitRoot?: string | null;
}

/** This machine's checkout around the current directory (src/handoff/project.ts), when it is a git repository. */
export interface LocalCheckout {
  root: string;
  remote: string | null;
}

export interface TargetDir {
  /** The directory `claude --resume` must run in here (real path, exists). */
  dir: string;
  /** How it was chosen. */
  via: 'flag' | 'git' | 'same-path';
  /** Records whose cwd is `from` or below it get `to` in its place; null: no rewrite. */
  rewrite: { from: string; to: string } | null;
}

/** Stable `details.kind` of the refusals this room throws (the codes are BatonError's own). */
export type ResumeRefusal = 'no_checkout' | 'no_entries' | 'local_newer';

export function resumeRefusal(err: unknown): ResumeRefusal | null {
  if (!(err instanceof BatonError)) return null;
  const d = err.details as { kind?: unknown } | undefined;
  return d && typeof d.kind === 'string' ? (d.kind as ResumeRefusal) : null;
}

const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** Claude Code names the project dir after process.cwd(), which is the real path (symlinks resolved). */
const real = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
};

/** `child` is `parent` or inside it (plain path prefix, separator-aware). */
export function isWithin(child: string, parent: string): boolean {
  if (child === parent) return true;
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

export function chooseTargetDir(opts: {
  session: SessionPlace;
  /** --cwd, resolved against the current directory. */
  flagCwd?: string;
  here: LocalCheckout | null;
}): TargetDir {
  const { session, here } = opts;
  const old = session.cwd;
  if (opts.flagCwd !== undefined) {
    const dir = resolve(opts.flagCwd);
    if (!isDir(dir)) throw new BatonError('invalid_input', `--cwd ${dir} is not a directory on this machine`);
    const to = real(dir);
    return { dir: to, via: 'flag', rewrite: old && old !== to ? { from: old, to } : null };
  }
  if (here && sameRemote(here.remote, session.gitRemote)) {
    const oldRoot = session.gitRoot && old && isWithin(old, session.gitRoot) ? session.gitRoot : old;
    if (oldRoot) {
      const rel = old ? relative(oldRoot, old) : '';
      const dir = resolve(here.root, ...(rel ? rel.split(/[\\/]/) : []));
      if (isDir(dir)) {
        const to = real(here.root);
        return {
          dir: real(dir),
          via: 'git',
          rewrite: oldRoot !== to ? { from: oldRoot, to } : null,
        };
      }
    }
  }
  if (old && isDir(old)) return { dir: real(old), via: 'same-path', rewrite: null };
  const repo = session.gitRemote ? ` of ${session.gitRemote}` : '';
  throw new BatonError(
    'not_found',
    `no directory on this machine to resume in: the session ran in ${old ?? 'an unknown directory'}${session.gitRemote ? ` (repository ${session.gitRemote})` : ''}, which is not here` +
      `${here ? ` and this checkout (${here.root}) has ${here.remote ? `another remote (${here.remote})` : 'no remote'}` : ''}. ` +
      `Run it inside your checkout${repo}, or pass --cwd <dir>`,
    { details: { kind: 'no_checkout' satisfies ResumeRefusal } },
  );
}

/** The line with its `cwd` moved from `rewrite.from` to `rewrite.to`; the same object when nothing changes. */
export function rewriteCwd(
  line: Record<string, unknown>,
  rewrite: TargetDir['rewrite'],
): Record<string, unknown> {
  if (!rewrite || typeof line.cwd !== 'string') return line;
  const cwd = line.cwd;
  if (cwd !== rewrite.from && !cwd.startsWith(rewrite.from.endsWith(sep) ? rewrite.from : rewrite.from + sep))
    return line;
  // Spread keeps the key order, so the written line differs from the stored one in this value only.
  return { ...line, cwd: rewrite.to + cwd.slice(rewrite.from.length) };
}
