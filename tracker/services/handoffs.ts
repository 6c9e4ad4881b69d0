// Handoff documents: store, list and read; each POST also moves the project's latest-session pointer.
import type {
  CreateHandoffRequest,
  CreateHandoffResponse,
  Handoff,
  HandoffSummary,
} from '../../src/core/api/index.js';
import { projectName, projectSlug } from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import type { HandoffListRow, ProjectRow } from '../db/repositories/index.js';
import type { Caller, ServiceDeps } from './service-deps.js';
import { safeJson } from './event-rows.js';
import { parseFrontmatter } from './frontmatter.js';
import { newId, projectId } from './ids.js';
import { toProjectRef } from './session-view.js';
import { iso } from './time.js';
import { handoffUrl } from './urls.js';

export async function createHandoff(
  deps: ServiceDeps,
  caller: Caller,
  req: CreateHandoffRequest,
): Promise<CreateHandoffResponse> {
  const now = deps.now();
  const parsed = parseFrontmatter(req.markdown);
  const frontmatter = req.frontmatter ?? parsed.frontmatter;
  const body = req.frontmatter ? req.markdown : parsed.body;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const id = newId('ho');
  const row = await deps.store.transaction(async (repos) => {
    const session = await repos.sessions.findByUserAndId(caller.userId, req.sessionId);
    let project: ProjectRow | undefined;
    const named = { project: req.project ?? str(frontmatter.project), cwd: req.cwd ?? str(frontmatter.cwd) };
    const slug = projectSlug(named);
    if (slug) {
      project = await repos.projects.upsert({
        id: projectId(caller.userId, slug),
        userId: caller.userId,
        slug,
        name: projectName(named) ?? slug,
        cwd: named.cwd ?? null,
        now,
      });
    } else if (session?.project_id) {
      project = await repos.projects.findById(session.project_id);
    }
    if (!project) {
      throw new BatonError(
        'invalid_request',
        'name the project: give project or cwd (or push the session first)',
        {
          details: [{ path: ['project'], message: 'required when the session is unknown' }],
        },
      );
    }
    await repos.handoffs.create({
      id,
      user_id: caller.userId,
      project_id: project.id,
      session_id: req.sessionId,
      title: req.title ?? str(frontmatter.title) ?? firstHeading(body),
      frontmatter: JSON.stringify(frontmatter),
      body,
      created_at: now,
    });
    // A handoff is an explicit "continue from here": it always wins the pointer.
    await repos.projects.movePointer(
      project.id,
      { sessionId: req.sessionId, at: now, source: 'handoff' },
      true,
    );
    return { projectId: project.id };
  });
  return { id, sessionId: req.sessionId, projectId: row.projectId, url: handoffUrl(caller.baseUrl, id) };
}

async function withProjects(deps: ServiceDeps, rows: HandoffListRow[]): Promise<Map<string, ProjectRow>> {
  const ids = [...new Set(rows.map((r) => r.project_id))];
  const found = await deps.store.projects.byIds(ids);
  return new Map(found.map((p) => [p.id, p]));
}

function toSummary(r: HandoffListRow, p: ProjectRow | undefined, baseUrl: string): HandoffSummary {
  return {
    id: r.id,
    sessionId: r.session_id,
    project: toProjectRef(p) ?? { id: r.project_id, slug: '', name: '' },
    title: r.title,
    createdAt: iso(Number(r.created_at)),
    url: handoffUrl(baseUrl, r.id),
  };
}

export async function listHandoffs(
  deps: ServiceDeps,
  caller: Caller,
  q: { project?: string; limit: number },
): Promise<HandoffSummary[]> {
  let projectIdFilter: string | undefined;
  if (q.project) {
    const p = await deps.store.projects.find(caller.userId, q.project);
    if (!p) return [];
    projectIdFilter = p.id;
  }
  const rows = await deps.store.handoffs.list(caller.userId, { projectId: projectIdFilter, limit: q.limit });
  const projects = await withProjects(deps, rows);
  return rows.map((r) => toSummary(r, projects.get(r.project_id), caller.baseUrl));
}

export async function getHandoff(deps: ServiceDeps, caller: Caller, id: string): Promise<Handoff> {
  const r = await deps.store.handoffs.findForUser(caller.userId, id);
  if (!r) throw new BatonError('not_found', `no handoff ${id}`);
  const projects = await withProjects(deps, [r]);
  return {
    ...toSummary(r, projects.get(r.project_id), caller.baseUrl),
    frontmatter: (safeJson(r.frontmatter) as Record<string, unknown> | undefined) ?? {},
    body: r.body,
  };
}

function firstHeading(body: string): string | null {
  const m = /^#{1,6}\s+(.+)$/m.exec(body);
  return m ? m[1]!.trim().slice(0, 300) : null;
}
