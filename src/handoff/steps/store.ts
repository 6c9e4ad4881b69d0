// Step `store`: writes the document to the data dir (and the repository when asked) and updates the local index.
import { existsSync } from 'node:fs';
import { isAbsolute, join, normalize, relative, resolve } from 'node:path';
import { BatonError } from '../../core/errors.js';
import { INDEX_NEXT_STEPS_MAX, type HandoffIndexEntry } from '../../core/handoff/local-index.js';
import type { StoreOptions } from '../../core/routine/schema.js';
import { resumeCommand } from '../format.js';
import { writeFileAtomic } from '../../core/fs/write-atomic.js';
import { addToIndex, documentPath, projectKey, relativeToStore } from '../local-store.js';
import type { HandoffRunContext, HandoffState } from '../types.js';

/** The repo copy must stay inside the repository: `../x` or an absolute path is refused. */
function repoTarget(root: string, repoDir: string, contextId: string): string {
  if (isAbsolute(repoDir) || normalize(repoDir).startsWith('..')) {
    throw new BatonError(
      'invalid_input',
      `store.repoDir must be a folder inside the repository (got "${repoDir}")`,
    );
  }
  const file = resolve(root, repoDir, `${contextId}.md`);
  if (relative(root, file).startsWith('..')) {
    throw new BatonError(
      'invalid_input',
      `store.repoDir must be a folder inside the repository (got "${repoDir}")`,
    );
  }
  return file;
}

function clip(text: string | null | undefined, max: number): string | null {
  if (!text) return null;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function indexEntryFor(
  state: HandoffState,
  ctx: HandoffRunContext,
  file: string,
  repoFile: string | null,
): HandoffIndexEntry {
  const doc = state.document!;
  const projects = state.git?.projects ?? [];
  const main = projects.find((p) => p.isMain) ?? projects[0];
  return {
    contextId: doc.meta.contextId,
    topic: doc.meta.topic,
    createdAt: doc.meta.date,
    sessionId: state.sessionId,
    project: main?.name ?? doc.meta.projects[0]?.name ?? 'session',
    paths: [...new Set([...projects.map((p) => p.root), ctx.cwd])],
    remotes: [...new Set(projects.map((p) => p.remote).filter((r): r is string => Boolean(r)))],
    branch: main?.branch ?? null,
    file: relativeToStore(ctx.dataDir, file),
    repoFile,
    nextSteps: clip(doc.sections.nextSteps, INDEX_NEXT_STEPS_MAX),
    resumeCommand: state.sessionId ? resumeCommand(state.sessionId, ctx.cwd) : null,
    origin: 'local',
    trackerId: null,
  };
}

export async function runStore(
  opts: StoreOptions,
  state: HandoffState,
  ctx: HandoffRunContext,
): Promise<string> {
  if (!state.document || state.text === null || state.template !== 'document') {
    throw new BatonError(
      'invalid_input',
      'store needs a rendered document: put a render step with template "document" before it',
    );
  }
  const contextId = state.document.meta.contextId;
  const main = state.git?.projects.find((p) => p.isMain) ?? state.git?.projects[0];
  const root = main?.root ?? ctx.cwd;
  const localFile = documentPath(ctx.dataDir, projectKey(main?.name ?? 'session', root), contextId);
  const repoDir = ctx.repoDir !== undefined ? ctx.repoDir : opts.repoDir;
  const repoFile = repoDir ? repoTarget(root, repoDir, contextId) : null;

  if (ctx.dryRun) {
    if (opts.local)
      state.plan.push(`write ${localFile}`, `update ${join(ctx.dataDir, 'handoffs', 'index.json')}`);
    if (repoFile) state.plan.push(`write ${repoFile}`);
    return 'dry run: nothing written';
  }
  if (repoFile && existsSync(repoFile)) throw new BatonError('already_exists', `${repoFile} already exists`);
  const wrote: string[] = [];
  if (opts.local) {
    writeFileAtomic(localFile, state.text);
    state.outputs.localFile = localFile;
    addToIndex(ctx.dataDir, indexEntryFor(state, ctx, localFile, repoFile));
    wrote.push(localFile);
  }
  if (repoFile) {
    // A file in the user's repository, meant to be committed: readable like their other files, and any directory
    // made on the way gets the umask's say (0o777 before it), not Baton's private 0o700.
    writeFileAtomic(repoFile, state.text, { mode: 0o644, dirMode: 0o777 });
    state.outputs.repoFile = repoFile;
    wrote.push(repoFile);
  }
  return wrote.length > 0 ? `wrote ${wrote.join(', ')}` : 'nothing to store (local and repoDir both off)';
}
