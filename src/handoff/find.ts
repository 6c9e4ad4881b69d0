// Finds handoffs for list/show: the local index first, then the tracker (another machine's handoffs), newest wins.
import { existsSync, readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { BatonError } from '../core/errors.js';
import { isContextId } from '../core/handoff/context-id.js';
import {
  entryMatchesProject,
  INDEX_NEXT_STEPS_MAX,
  type HandoffIndexEntry,
  type ProjectKey,
} from '../core/handoff/local-index.js';
import { parseDocument } from '../core/handoff/parse.js';
import { writeFileAtomic } from '../core/fs/write-atomic.js';
import type { HandoffDocument } from '../core/handoff/document.js';
import type { Handoff, HandoffSummary } from '../core/api/handoffs.js';
import { resumeCommand } from './format.js';
import {
  addToIndex,
  documentPath,
  projectKey,
  readIndex,
  relativeToStore,
  resolveStoredFile,
} from './local-store.js';
import { getRemoteHandoff, listRemoteHandoffs } from './tracker-sync.js';
import type { TrackerTarget } from './types.js';

export interface FoundHandoff {
  contextId: string | null;
  /** The document text as stored (Markdown with frontmatter). */
  text: string;
  document: HandoffDocument | null;
  origin: 'local' | 'tracker';
  file: string | null;
  trackerId: string | null;
  createdAt: string;
}

export interface ListedHandoff {
  contextId: string | null;
  createdAt: string;
  project: string;
  branch: string | null;
  sessionId: string | null;
  topic: string;
  origin: 'local' | 'tracker';
  trackerId: string | null;
}

export interface FindContext {
  dataDir: string;
  tracker: TrackerTarget | null;
  /** Working directory on this machine (paths of fetched handoffs are re-anchored here). */
  cwd: string;
  warn(message: string): void;
}

function fromEntry(e: HandoffIndexEntry): ListedHandoff {
  return {
    contextId: e.contextId,
    createdAt: e.createdAt,
    project: e.project,
    branch: e.branch,
    sessionId: e.sessionId,
    topic: e.topic,
    origin: e.origin,
    trackerId: e.trackerId,
  };
}

function fromSummary(s: HandoffSummary): ListedHandoff {
  return {
    contextId: null,
    createdAt: s.createdAt,
    project: s.project.name,
    branch: null,
    sessionId: s.sessionId,
    topic: s.title ?? '',
    origin: 'tracker',
    trackerId: s.id,
  };
}

/**
 * Handoffs of a project, newest first. Same path or remote beats the same name: a name-only match (another
 * machine's checkout elsewhere) is used only when nothing matches more strongly, so two "api" folders do not mix.
 */
export function localEntries(dataDir: string, project: ProjectKey | null): HandoffIndexEntry[] {
  const entries = readIndex(dataDir).entries.filter((e) => existsSync(resolveStoredFile(dataDir, e)));
  if (!project) return entries;
  const strong = entries.filter((e) =>
    entryMatchesProject(e, { path: project.path, remote: project.remote }),
  );
  return strong.length > 0 ? strong : entries.filter((e) => entryMatchesProject(e, project));
}

async function remoteSummaries(
  ctx: FindContext,
  project: string | undefined,
  limit: number,
): Promise<HandoffSummary[]> {
  if (!ctx.tracker) return [];
  try {
    return await listRemoteHandoffs(ctx.tracker, { project, limit });
  } catch (err) {
    ctx.warn(`tracker not consulted: ${(err as Error).message}`);
    return [];
  }
}

export async function listHandoffs(
  ctx: FindContext,
  opts: { project: ProjectKey | null; limit: number; remote: boolean },
): Promise<ListedHandoff[]> {
  const local = localEntries(ctx.dataDir, opts.project);
  const known = new Set(local.map((e) => e.trackerId).filter(Boolean));
  const remote = opts.remote
    ? (await remoteSummaries(ctx, opts.project?.name ?? undefined, opts.limit)).filter(
        (s) => !known.has(s.id),
      )
    : [];
  return [...local.map(fromEntry), ...remote.map(fromSummary)]
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    .slice(0, opts.limit);
}

function readLocal(ctx: FindContext, e: HandoffIndexEntry): FoundHandoff {
  const file = resolveStoredFile(ctx.dataDir, e);
  const text = readFileSync(file, 'utf8');
  let document: HandoffDocument | null = null;
  try {
    document = parseDocument(text, file);
  } catch (err) {
    ctx.warn(`${file}: ${(err as Error).message}`);
  }
  return {
    contextId: e.contextId,
    text,
    document,
    origin: e.origin,
    file,
    trackerId: e.trackerId,
    createdAt: e.createdAt,
  };
}

/** A tracker handoff back into document text; stored locally when it is a Baton document, so the next look is local. */
function adoptRemote(ctx: FindContext, h: Handoff, project: ProjectKey | null): FoundHandoff {
  const text = /^---\r?\n/.test(h.body)
    ? h.body
    : matter.stringify(h.body.startsWith('\n') ? h.body : `\n${h.body}`, h.frontmatter, {});
  let document: HandoffDocument | null = null;
  try {
    document = parseDocument(text, `tracker handoff ${h.id}`);
  } catch {
    return {
      contextId: null,
      text,
      document: null,
      origin: 'tracker',
      file: null,
      trackerId: h.id,
      createdAt: h.createdAt,
    };
  }
  const meta = document.meta;
  const main = meta.projects[0];
  const file = documentPath(
    ctx.dataDir,
    projectKey(main?.name ?? h.project.name, main?.path ?? null),
    meta.contextId,
  );
  try {
    writeFileAtomic(file, text);
    addToIndex(ctx.dataDir, {
      contextId: meta.contextId,
      topic: meta.topic,
      createdAt: meta.date,
      sessionId: meta.sessionId,
      project: main?.name ?? h.project.name,
      // This machine's checkout counts as the project too, so the SessionStart offer finds it here.
      paths: [
        ...new Set([
          ...meta.projects.map((p) => p.path).filter((p): p is string => Boolean(p)),
          ...(project?.path ? [project.path] : []),
        ]),
      ],
      remotes: meta.projects.map((p) => p.remote).filter((r): r is string => Boolean(r)),
      branch: main?.branch ?? null,
      file: relativeToStore(ctx.dataDir, file),
      repoFile: null,
      nextSteps: document.sections.nextSteps
        ? document.sections.nextSteps.slice(0, INDEX_NEXT_STEPS_MAX)
        : null,
      resumeCommand: meta.sessionId ? resumeCommand(meta.sessionId, meta.cwd) : null,
      origin: 'tracker',
      trackerId: h.id,
    });
  } catch (err) {
    ctx.warn(`could not keep a local copy: ${(err as Error).message}`);
  }
  return {
    contextId: meta.contextId,
    text,
    document,
    origin: 'tracker',
    file,
    trackerId: h.id,
    createdAt: meta.date,
  };
}

async function fetchRemote(
  ctx: FindContext,
  id: string,
  project: ProjectKey | null,
): Promise<FoundHandoff | null> {
  if (!ctx.tracker) return null;
  try {
    return adoptRemote(ctx, await getRemoteHandoff(ctx.tracker, id), project);
  } catch (err) {
    if ((err as BatonError).code !== 'not_found') ctx.warn(`tracker: ${(err as Error).message}`);
    return null;
  }
}

/** `latest`: the newest for the project, local or on the tracker. Else a context id (local, then tracker) or a tracker id. */
export async function findHandoff(
  ctx: FindContext,
  ref: string,
  project: ProjectKey | null,
): Promise<FoundHandoff> {
  const all = readIndex(ctx.dataDir).entries.filter((e) => existsSync(resolveStoredFile(ctx.dataDir, e)));
  if (ref === 'latest') {
    const local = localEntries(ctx.dataDir, project)[0];
    const remote = (await remoteSummaries(ctx, project?.name ?? undefined, 1))[0];
    const localIsNewer =
      local &&
      (!remote ||
        remote.id === local.trackerId ||
        Date.parse(local.createdAt) >= Date.parse(remote.createdAt));
    if (local && localIsNewer) return readLocal(ctx, local);
    const known = remote ? all.find((e) => e.trackerId === remote.id) : undefined;
    if (known) return readLocal(ctx, known);
    if (remote) {
      const found = await fetchRemote(ctx, remote.id, project);
      if (found) return found;
    }
    if (local) return readLocal(ctx, local);
    const where = ctx.tracker
      ? `the local store or the tracker (${ctx.tracker.url})`
      : 'the local store (no tracker configured)';
    throw new BatonError('not_found', `no handoff for project ${project?.name ?? '(any)'} in ${where}`);
  }
  const byId = all.find((e) => e.contextId === ref || e.trackerId === ref);
  if (byId) return readLocal(ctx, byId);
  if (ctx.tracker) {
    if (!isContextId(ref)) {
      const direct = await fetchRemote(ctx, ref, project);
      if (direct) return direct;
    } else {
      // The tracker knows its own ids only: look through the project's recent handoffs for this context id.
      for (const s of await remoteSummaries(ctx, project?.name ?? undefined, 20)) {
        const h = await fetchRemote(ctx, s.id, project);
        if (h?.contextId === ref) return h;
      }
    }
  }
  throw new BatonError(
    'not_found',
    `no handoff "${ref}" ${ctx.tracker ? 'locally or on the tracker' : 'in the local store'}`,
  );
}
