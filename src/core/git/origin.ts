// Which repository a working directory is in, and its remote, read from the files git keeps: no `git` process, so the
// sender can ask for every session it delivers. Another machine maps a session's cwd onto its own checkout with these.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { stripCredentials } from './url.js';

export interface GitOrigin {
  /** The working tree's top directory (the one holding `.git`). */
  root: string;
  /** `origin`'s URL, else the first remote's, without credentials; null when the repository has no remote. */
  remote: string | null;
}

const cache = new Map<string, GitOrigin | null>();

/** The session meta fields (SessionMeta.gitRoot/gitRemote) naming the checkout `cwd` is in; {} when unknown. */
export interface GitMeta {
  gitRoot?: string;
  gitRemote?: string;
}

/**
 * What every upload path (the sender, push, sync) puts in a session's meta so another machine can map its cwd onto
 * its own checkout. Only for a cwd that still exists here: walking up from a deleted one could find another
 * repository. A path or URL past the contract's limits is no use to another machine, and would fail the request.
 */
export function gitMetaOf(cwd: string | undefined): GitMeta {
  if (cwd === undefined || !existsSync(cwd)) return {};
  const git = gitOriginOf(cwd);
  if (git === null || git.root.length > 4096) return {};
  return {
    gitRoot: git.root,
    ...(git.remote !== null && git.remote.length <= 2000 ? { gitRemote: git.remote } : {}),
  };
}

/** The repository `cwd` is in and its remote, or null outside a repository. Cached per cwd for the process. */
export function gitOriginOf(cwd: string): GitOrigin | null {
  const key = resolve(cwd);
  let hit = cache.get(key);
  if (hit === undefined) {
    hit = readOrigin(key);
    cache.set(key, hit);
  }
  return hit;
}

function readOrigin(cwd: string): GitOrigin | null {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    const gitDir = gitDirOf(dotGit);
    if (gitDir !== null) return { root: dir, remote: remoteOf(configText(gitDir)) };
    if (dirname(dir) === dir) return null;
  }
}

/** `.git` as a directory, or as a file `gitdir: <path>` (a worktree, a submodule); null when neither. */
function gitDirOf(dotGit: string): string | null {
  let st;
  try {
    st = statSync(dotGit);
  } catch {
    return null;
  }
  if (st.isDirectory()) return dotGit;
  if (!st.isFile()) return null;
  const m = /^gitdir:\s*(.+?)\s*$/m.exec(readText(dotGit) ?? '');
  if (!m) return null;
  return isAbsolute(m[1]!) ? m[1]! : resolve(dirname(dotGit), m[1]!);
}

/** A worktree's own git dir holds no config: `commondir` points at the main repository's git dir, which does. */
function configText(gitDir: string): string {
  const own = readText(join(gitDir, 'config'));
  if (own !== null) return own;
  const common = readText(join(gitDir, 'commondir'))?.trim();
  if (!common) return '';
  return readText(join(isAbsolute(common) ? common : resolve(gitDir, common), 'config')) ?? '';
}

/** `[remote "origin"] url = …`, else the first remote's url in file order. */
export function remoteOf(config: string): string | null {
  const urls = new Map<string, string>();
  let remote: string | null = null;
  for (const raw of config.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(line);
    if (section) {
      remote =
        section[1]!.toLowerCase() === 'remote' && section[2] !== undefined ? unescape(section[2]) : null;
      continue;
    }
    if (remote === null || urls.has(remote)) continue;
    const kv = /^url\s*=\s*(.*)$/i.exec(line);
    if (kv) urls.set(remote, configValue(kv[1]!));
  }
  const url = urls.get('origin') ?? urls.values().next().value;
  return url === undefined ? null : stripCredentials(url) || null;
}

/** A config value: quotes removed, escapes resolved, a trailing comment cut. */
function configValue(v: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c === '"') quoted = !quoted;
    else if (c === '\\' && i + 1 < v.length) {
      const n = v[++i]!;
      out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
    } else if (!quoted && (c === '#' || c === ';')) break;
    else out += c;
  }
  return out.trim();
}

const unescape = (s: string): string => s.replace(/\\(.)/g, '$1');

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
