// Session use cases: push, append events, bulk upload, list/search, read and patch (trash etc.: session-actions.ts).
import type {
  AppendEventsRequest,
  AppendEventsResponse,
  ListSessionsQuery,
  ListSessionsResponse,
  PatchSessionRequest,
  PushSessionRequest,
  PushSessionResponse,
  SessionDetailResponse,
  SessionEntryItem,
  UploadSessionsRequest,
  UploadSessionsResponse,
} from '../../src/core/api/index.js';
import type { ReadStats } from '../../src/core/model/session.js';
import { BatonError } from '../../src/core/errors.js';
import type { Repositories, SessionRow } from '../db/repositories/index.js';
import { searchTerms } from '../db/repositories/session-search.js';
import type { Caller, ServiceDeps } from './service-deps.js';
import { fromEventRow } from './event-rows.js';
import { attachToPost, pushPost } from './posts.js';
import { fullSessionWrite, writeSession, type SessionWriteResult } from './session-writer.js';
import { toMeta, toReadStats, toSummaries } from './session-view.js';
import { newSlug } from './ids.js';
import { storeEntries } from './store-entries.js';
import { withSharing } from './session-sharing.js';
import { postUrl, sessionUrl } from './urls.js';

export async function pushSession(
  deps: ServiceDeps,
  caller: Caller,
  req: PushSessionRequest,
): Promise<PushSessionResponse> {
  const now = deps.now();
  const { result, post } = await deps.store.transaction(async (repos) => {
    const result = await writeSession(
      repos,
      fullSessionWrite(caller.userId, req.session, { ...req, source: req.source ?? 'cli-upload' }),
      now,
    );
    if (req.entries?.length) await storeEntries(repos, Number(result.row.pk), req.entries, now);
    let post = null;
    if (req.postId) post = await attachToPost(repos, caller.userId, req.postId, result.row.pk, now);
    else if (req.createPost)
      post = await pushPost(
        repos,
        caller.userId,
        result.row,
        { title: req.title, visibility: req.visibility },
        now,
      );
    return { result, post };
  });
  publishWrite(deps, caller, result);
  return {
    sessionId: result.row.id,
    ...(post ? { postId: post.id, postUrl: postUrl(caller.baseUrl, post) } : {}),
    projectId: result.projectId,
    url: sessionUrl(caller.baseUrl, result.row),
    eventsInserted: result.inserted.length,
    eventCount: Number(result.row.event_count),
    ...inTrash(result.row),
  };
}

/** A write to a trashed session is stored and stays in the trash; the answer says so (session-actions.ts). */
function inTrash(row: SessionRow): { inTrash?: true } {
  return row.deleted_at !== null && row.deleted_at !== undefined ? { inTrash: true } : {};
}

export async function appendEvents(
  deps: ServiceDeps,
  caller: Caller,
  sessionId: string,
  req: AppendEventsRequest,
): Promise<AppendEventsResponse> {
  const now = deps.now();
  const result = await deps.store.transaction(async (repos) => {
    const result = await writeSession(
      repos,
      {
        userId: caller.userId,
        sessionId,
        meta: req.meta,
        items: req.events,
        totals: req.totals,
        stats: req.stats,
        sidechainInfo: req.sidechains,
        status: req.status,
        source: req.source ?? 'cli-stream',
        pointerSource: req.source ?? 'cli-stream',
      },
      now,
    );
    if (req.entries?.length) await storeEntries(repos, Number(result.row.pk), req.entries, now);
    return result;
  });
  publishWrite(deps, caller, result);
  return {
    sessionId: result.row.id,
    projectId: result.projectId,
    url: sessionUrl(caller.baseUrl, result.row),
    inserted: result.inserted.length,
    duplicates: result.duplicates,
    eventCount: Number(result.row.event_count),
    ...inTrash(result.row),
  };
}

export async function uploadSessions(
  deps: ServiceDeps,
  caller: Caller,
  req: UploadSessionsRequest,
): Promise<UploadSessionsResponse> {
  const now = deps.now();
  // All or nothing: a failure anywhere rolls the whole upload back.
  const results = await deps.store.transaction(async (repos) => {
    const out: SessionWriteResult[] = [];
    const transcripts = transcriptsById(req);
    for (const s of req.sessions) {
      const result = await writeSession(
        repos,
        fullSessionWrite(caller.userId, s, {
          visibility: req.visibility,
          status: req.status,
          source: 'cli-upload',
        }),
        now,
      );
      const entries = transcripts.get(s.meta.id);
      if (entries?.length) await storeEntries(repos, Number(result.row.pk), entries, now);
      out.push(result);
    }
    return out;
  });
  for (const r of results) publishWrite(deps, caller, r);
  return {
    sessions: results.map((r) => ({
      sessionId: r.row.id,
      projectId: r.projectId,
      url: sessionUrl(caller.baseUrl, r.row),
      eventsInserted: r.inserted.length,
      eventCount: Number(r.row.event_count),
    })),
  };
}

/**
 * Each uploaded session's transcript lines by session id (several items for one id are joined in order). Lines for
 * a session the upload does not carry are refused: nothing would own them.
 */
function transcriptsById(req: UploadSessionsRequest): Map<string, SessionEntryItem[]> {
  const ids = new Set(req.sessions.map((s) => s.meta.id));
  const out = new Map<string, SessionEntryItem[]>();
  for (const t of req.transcripts ?? []) {
    if (!ids.has(t.sessionId))
      throw new BatonError(
        'invalid_request',
        `transcripts name session ${t.sessionId}, which the upload does not carry`,
      );
    out.set(t.sessionId, [...(out.get(t.sessionId) ?? []), ...t.entries]);
  }
  return out;
}

export async function listSessions(
  deps: ServiceDeps,
  caller: Caller,
  q: ListSessionsQuery,
): Promise<ListSessionsResponse> {
  const { store } = deps;
  const empty = { sessions: [], pagination: { page: q.page, limit: q.limit, total: 0, totalPages: 0 } };
  let projectId: string | undefined;
  if (q.project) {
    const p = await store.projects.find(caller.userId, q.project);
    if (!p) return empty;
    projectId = p.id;
  }
  let terms: string[] | undefined;
  if (q.search !== undefined && q.search.trim() !== '') {
    terms = searchTerms(q.search);
    // Input with no searchable word matches nothing (rather than everything).
    if (terms.length === 0) return empty;
  }
  const { rows, total } = await store.sessions.list({
    userId: caller.userId,
    status: q.status,
    source: q.source,
    projectId,
    projectKey: q.projectKey,
    tag: q.tag,
    starred: q.starred,
    archived: q.archived,
    terms,
    page: q.page,
    limit: q.limit,
  });
  return {
    sessions: await withSharing(
      store,
      caller.userId,
      rows,
      await toSummaries(store, rows, caller.baseUrl),
      caller.baseUrl,
      deps.now(),
    ),
    pagination: { page: q.page, limit: q.limit, total, totalPages: Math.ceil(total / q.limit) },
  };
}

/** The caller's own session or a 404 (other users' sessions are indistinguishable from missing ones). */
export async function ownSession(repos: Repositories, caller: Caller, id: string): Promise<SessionRow> {
  const row = await repos.sessions.findByUserAndId(caller.userId, id);
  if (!row) throw new BatonError('not_found', `no session ${id}`);
  return row;
}

export async function sessionDetail(
  repos: Repositories,
  row: SessionRow,
  baseUrl: string,
  page: { offset: number; limit: number },
): Promise<SessionDetailResponse> {
  const [summaries, events] = await Promise.all([
    toSummaries(repos, [row], baseUrl),
    page.limit > 0 ? repos.events.page(row.pk, page.offset, page.limit) : Promise.resolve([]),
  ]);
  const total = Number(row.event_count);
  const next = page.offset + events.length;
  return {
    session: summaries[0]!,
    meta: toMeta(row),
    ...withStats(row),
    events: events.map(fromEventRow),
    eventsPage: {
      offset: page.offset,
      limit: page.limit,
      total,
      nextOffset: events.length > 0 && next < total ? next : null,
    },
  };
}

function withStats(row: SessionRow): { stats?: ReadStats } {
  const stats = toReadStats(row);
  return stats ? { stats } : {};
}

export async function getSession(
  deps: ServiceDeps,
  caller: Caller,
  id: string,
  page: { offset: number; limit: number },
): Promise<SessionDetailResponse> {
  const row = await ownSession(deps.store, caller, id);
  return detailWithSharing(deps, caller, row, page);
}

async function detailWithSharing(
  deps: ServiceDeps,
  caller: Caller,
  row: SessionRow,
  page: { offset: number; limit: number },
): Promise<SessionDetailResponse> {
  const detail = await sessionDetail(deps.store, row, caller.baseUrl, page);
  const [session] = await withSharing(
    deps.store,
    caller.userId,
    [row],
    [detail.session],
    caller.baseUrl,
    deps.now(),
  );
  return { ...detail, session: session! };
}

export async function patchSession(
  deps: ServiceDeps,
  caller: Caller,
  id: string,
  req: PatchSessionRequest,
): Promise<SessionDetailResponse> {
  const now = deps.now();
  const row = await deps.store.transaction(async (repos) => {
    const row = await repos.sessions.lockByUserAndId(caller.userId, id);
    if (!row || row.deleted_at !== null) throw new BatonError('not_found', `no session ${id}`);
    const patch: Partial<SessionRow> = { updated_at: now };
    if (req.title !== undefined) patch.title = req.title;
    if (req.starred !== undefined) patch.starred = req.starred ? 1 : 0;
    if (req.archived !== undefined) patch.archived = req.archived ? 1 : 0;
    if (req.visibility !== undefined && req.visibility !== row.visibility) {
      patch.visibility = req.visibility;
      // Going private kills every link handed out so far.
      if (req.visibility === 'private') patch.share_slug = newSlug();
    }
    await repos.sessions.update(row.pk, patch);
    if (req.tags) await repos.sessions.setTags(row.pk, req.tags);
    return { ...row, ...patch };
  });
  deps.events.publish(row.id, { type: 'session.updated', userId: caller.userId, sessionId: row.id });
  return detailWithSharing(deps, caller, row, { offset: 0, limit: 0 });
}

function publishWrite(deps: ServiceDeps, caller: Caller, r: SessionWriteResult): void {
  const sessionId = r.row.id;
  if (r.inserted.length > 0)
    deps.events.publish(sessionId, {
      type: 'events.appended',
      userId: caller.userId,
      sessionId,
      events: r.inserted,
    });
  deps.events.publish(sessionId, {
    type: 'session.upserted',
    userId: caller.userId,
    sessionId,
    status: r.row.status as 'active',
    eventCount: Number(r.row.event_count),
  });
}
