// Project use cases: list with stats, read one, and "which session do I resume?".
import type { PointerSource, ProjectSummary, ResumeResponse } from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import type { ProjectRow, ProjectStats } from '../db/repositories/index.js';
import type { Caller, ServiceDeps } from './service-deps.js';
import { iso, isoOrNull } from './time.js';

export function toProjectSummary(
  p: ProjectRow,
  stats: ProjectStats | undefined,
  lastTitle: string | null,
): ProjectSummary {
  const sessions = stats?.sessions ?? 0;
  const total = stats?.totalDurationMs ?? 0;
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    cwd: p.cwd,
    lastSession:
      p.last_session_id && p.last_session_at !== null
        ? {
            sessionId: p.last_session_id,
            updatedAt: iso(Number(p.last_session_at)),
            source: (p.last_session_source ?? 'cli-stream') as PointerSource,
            title: lastTitle,
          }
        : null,
    stats: {
      sessions,
      totalDurationMs: total,
      avgDurationMs: sessions > 0 ? Math.round(total / sessions) : 0,
      lastSessionAt: isoOrNull(stats?.lastSessionAt),
      tokens: stats?.tokens ?? { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
      costUsd: stats?.costUsd ?? null,
    },
    createdAt: iso(Number(p.created_at)),
    updatedAt: iso(Number(p.updated_at)),
  };
}

async function summaries(deps: ServiceDeps, caller: Caller, rows: ProjectRow[]): Promise<ProjectSummary[]> {
  const stats = await deps.store.projects.stats(
    caller.userId,
    rows.map((r) => r.id),
  );
  const lastIds = rows.map((r) => r.last_session_id).filter((id): id is string => id !== null);
  const titles = await deps.store.sessions.titlesFor(caller.userId, [...new Set(lastIds)]);
  return rows.map((r) =>
    toProjectSummary(r, stats.get(r.id), r.last_session_id ? (titles.get(r.last_session_id) ?? null) : null),
  );
}

export async function listProjects(deps: ServiceDeps, caller: Caller): Promise<ProjectSummary[]> {
  return summaries(deps, caller, await deps.store.projects.list(caller.userId));
}

/** By id, slug or name; another user's project is a 404 like a missing one. */
export async function findProject(deps: ServiceDeps, caller: Caller, ref: string): Promise<ProjectRow> {
  const p = await deps.store.projects.find(caller.userId, ref);
  if (!p) throw new BatonError('not_found', `no project ${ref}`);
  return p;
}

export async function getProject(deps: ServiceDeps, caller: Caller, ref: string): Promise<ProjectSummary> {
  const [one] = await summaries(deps, caller, [await findProject(deps, caller, ref)]);
  return one!;
}

export async function resumeProject(deps: ServiceDeps, caller: Caller, ref: string): Promise<ResumeResponse> {
  const p = await findProject(deps, caller, ref);
  if (!p.last_session_id || p.last_session_at === null)
    throw new BatonError('not_found', `project ${p.name} has no session yet`);
  return {
    projectId: p.id,
    sessionId: p.last_session_id,
    updatedAt: iso(Number(p.last_session_at)),
    source: (p.last_session_source ?? 'cli-stream') as PointerSource,
    resumeCommand: `claude --resume ${p.last_session_id}`,
  };
}
