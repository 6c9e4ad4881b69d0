// Step `git-facts`: for the working directory's repository and every repository the session touched files in.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import type { GitFactsOptions } from '../../core/routine/schema.js';
import {
  createGitRunner,
  currentBranch,
  diffStat,
  projectNameOf,
  recentCommits,
  remoteUrl,
  repoRoot,
  statusEntries,
  type GitRunner,
} from '../git.js';
import type { FileChanges, GitFacts, HandoffRunContext, HandoffState, ProjectFacts } from '../types.js';

const MAX_DIRS = 64;

function existingDir(path: string): string | null {
  let dir = path;
  for (let i = 0; i < 64; i++) {
    try {
      if (existsSync(dir) && statSync(dir).isDirectory()) return dir;
    } catch {
      /* unreadable: go up */
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
  return null;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel);
}

function classify(
  status: { code: string; path: string }[] | null,
  sessionFiles: { created: string[]; modified: string[] },
  maxFiles: number,
): FileChanges {
  const created = new Set<string>();
  const modified = new Set<string>();
  const deleted = new Set<string>();
  for (const { code, path } of status ?? []) {
    if (code === '??' || code[0] === 'A') created.add(path);
    else if (code.includes('D')) deleted.add(path);
    else modified.add(path);
  }
  // What the session wrote but git no longer shows (already committed) still counts as its work.
  for (const p of sessionFiles.created) if (!modified.has(p) && !deleted.has(p)) created.add(p);
  for (const p of sessionFiles.modified) if (!created.has(p) && !deleted.has(p)) modified.add(p);
  let budget = maxFiles;
  let omitted = 0;
  const take = (set: Set<string>) => {
    const all = [...set].sort();
    const kept = all.slice(0, Math.max(0, budget));
    budget -= kept.length;
    omitted += all.length - kept.length;
    return kept;
  };
  return { created: take(created), modified: take(modified), deleted: take(deleted), omitted };
}

async function projectFacts(
  git: GitRunner,
  root: string,
  isMain: boolean,
  opts: GitFactsOptions,
  sessionFiles: { created: string[]; modified: string[] },
  since: string | null,
): Promise<ProjectFacts> {
  const { branch, head } = await currentBranch(git, root);
  const status = opts.status || opts.changedFiles ? await statusEntries(git, root) : null;
  return {
    name: projectNameOf(root),
    root,
    isRepo: true,
    isMain,
    branch,
    head,
    remote: await remoteUrl(git, root),
    status: opts.status ? status : null,
    diffStat: opts.diffStat ? await diffStat(git, root, head !== null) : null,
    commits: await recentCommits(git, root, opts.recentCommits, since),
    files: classify(opts.changedFiles ? status : [], sessionFiles, opts.maxFiles),
  };
}

export async function runGitFacts(
  opts: GitFactsOptions,
  state: HandoffState,
  ctx: HandoffRunContext,
): Promise<string> {
  const git = createGitRunner({ timeoutMs: opts.timeoutMs, env: ctx.env });
  const cwd = resolve(ctx.cwd);
  const touched = state.session?.files ?? { created: [], modified: [] };
  const mainRoot = await repoRoot(git, cwd);

  // Map every touched file to its repository (one rev-parse per distinct directory).
  const rootOfDir = new Map<string, string | null>();
  if (mainRoot) rootOfDir.set(mainRoot, mainRoot);
  const roots = new Set<string>(mainRoot ? [mainRoot] : []);
  const filesByRoot = new Map<string, { created: string[]; modified: string[] }>();
  const outside = { created: [] as string[], modified: [] as string[] };
  for (const kind of ['created', 'modified'] as const) {
    for (const file of touched[kind]) {
      const abs = resolve(cwd, file);
      let root: string | null = null;
      if (mainRoot && inside(mainRoot, abs)) root = mainRoot;
      else if (opts.repos === 'cwd+session') {
        const dir = existingDir(dirname(abs));
        if (dir !== null) {
          if (!rootOfDir.has(dir) && rootOfDir.size < MAX_DIRS) rootOfDir.set(dir, await repoRoot(git, dir));
          root = rootOfDir.get(dir) ?? null;
        }
      }
      if (root === null) {
        outside[kind].push(abs);
        continue;
      }
      roots.add(root);
      if (!filesByRoot.has(root)) filesByRoot.set(root, { created: [], modified: [] });
      filesByRoot.get(root)![kind].push(relative(root, abs).split(sep).join('/'));
    }
  }

  const since = state.session?.startedAt ?? null;
  const projects: ProjectFacts[] = [];
  for (const root of roots) {
    projects.push(
      await projectFacts(
        git,
        root,
        root === mainRoot,
        opts,
        filesByRoot.get(root) ?? { created: [], modified: [] },
        since,
      ),
    );
  }
  if (!mainRoot) {
    // Not a repository: still a project (named after the directory), with nothing but its path.
    projects.unshift({
      name: basename(cwd) || cwd,
      root: cwd,
      isRepo: false,
      isMain: true,
      branch: null,
      head: null,
      remote: null,
      status: null,
      diffStat: null,
      commits: [],
      files: { created: [], modified: [], deleted: [], omitted: 0 },
    });
  }
  projects.sort((a, b) => Number(b.isMain) - Number(a.isMain) || a.name.localeCompare(b.name));
  outside.created.sort();
  outside.modified.sort();
  const facts: GitFacts = { projects, outside };
  state.git = facts;
  const repos = projects.filter((p) => p.isRepo).length;
  return repos === 0 ? `${cwd} is not in a git repository` : `${repos} repositor${repos === 1 ? 'y' : 'ies'}`;
}
