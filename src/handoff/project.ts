// Identifies the current project (repo root, name, remote) so list/show can match handoffs from any machine.
import { basename, resolve } from 'node:path';
import type { ProjectKey } from '../core/handoff/local-index.js';
import { createGitRunner, remoteUrl, repoRoot } from './git.js';
import type { Env } from './types.js';

export interface CurrentProject extends ProjectKey {
  path: string;
  name: string;
  remote: string | null;
}

export async function currentProject(cwd: string, env: Env): Promise<CurrentProject> {
  const git = createGitRunner({ timeoutMs: 5_000, env });
  const dir = resolve(cwd);
  const root = await repoRoot(git, dir);
  if (!root) return { path: dir, name: basename(dir) || dir, remote: null };
  return { path: root, name: basename(root) || root, remote: await remoteUrl(git, root) };
}
