// `/` (list with search and filters), `/sessions/:id` (detail) and `/sessions/:id/export` for the signed-in owner.
import { ListSessionsQuery, type SessionSummary } from '../../../src/core/api/index.js';
import { BatonError } from '../../../src/core/errors.js';
import { listProjects } from '../../services/projects.js';
import {
  FindQuery,
  FindResponse,
  findInSession,
  pageOffsetOf,
  targetOf,
} from '../../services/session-find.js';
import { listSessions, ownSession, sessionDetail } from '../../services/sessions.js';
import { withSharing } from '../../services/session-sharing.js';
import type { Context } from 'hono';
import { html, type WebDeps } from '../web-deps.js';
import { downloadResponse } from '../export-response.js';
import { liveLinks, openStreamFor } from '../live-links.js';
import { sessionDetailStream, type LineageLink } from '../pages/session-detail.js';
import { sessionsListPage, type SessionsQueryView } from '../pages/sessions-list.js';
import { undoFlashFrom } from '../pages/trash.js';
import { PAGE, pageCtx, pageRoute, pageRoutes } from './page-route.js';

const PAGE_SIZE = 24;
/**
 * Events per page; `?at=` deep links and search steps land on the page of this size that holds the event. 100, not
 * 500: the first screen of a long session is this page, and rendering it is most of its time (bench/session-page.ts).
 */
export const EVENTS_PAGE = 100;

/** A page sent as it is rendered (see sessionDetailStream); the same headers as `html()`. */
export function htmlStream(c: Context, body: ReadableStream<Uint8Array>): Response {
  return c.body(body, 200, { 'content-type': 'text/html; charset=UTF-8' });
}

function queryView(q: Record<string, string>): SessionsQueryView {
  const flag = (v: string | undefined) => v === 'true' || v === '1' || v === 'on';
  return {
    search: q.search?.trim() || undefined,
    status: q.status || undefined,
    source: q.source || undefined,
    project: q.project || undefined,
    tag: q.tag?.trim() || undefined,
    starred: flag(q.starred) || undefined,
    archived: flag(q.archived) || undefined,
  };
}

/** How long the owner's follow stream of an active session lives; reopening the page later makes a new one. */
const FOLLOW_SECONDS = 6 * 3600;

/**
 * The live feed the detail page follows: the session's open stream, or, for a session still marked active, a
 * private one created now. The ingest hook then forwards every event synced for the session into it, so the page
 * updates live on any tracker instance.
 */
async function followStream(
  d: WebDeps,
  userId: string,
  s: SessionSummary,
  baseUrl: string,
): Promise<{ liveId: string } | null> {
  const open = await openStreamFor(d.live, userId, s.id);
  if (open || s.status !== 'active') return open;
  const created = await d.live.service.create(
    userId,
    { sessionId: s.id, title: s.title ?? undefined, visibility: 'private', expiresIn: FOLLOW_SECONDS },
    baseUrl,
  );
  return { liveId: created.liveId };
}

const page = { tag: 'web', auth: 'session', rateLimit: 'none', responses: PAGE } as const;

export const SESSION_PAGE_ROUTES = [
  pageRoute({
    ...page,
    method: 'get',
    path: '/',
    summary: 'Sessions: search, filters and pages',
    errors: [400],
    handler: async ({ c, deps: d }) => {
      const ctx = pageCtx(c);
      const view = queryView(c.req.query());
      const parsed = ListSessionsQuery.safeParse({
        page: c.req.query('page') ?? '1',
        limit: String(PAGE_SIZE),
        ...(view.search ? { search: view.search } : {}),
        ...(view.status ? { status: view.status } : {}),
        ...(view.source ? { source: view.source } : {}),
        ...(view.project ? { project: view.project } : {}),
        ...(view.tag ? { tag: view.tag } : {}),
        ...(view.starred ? { starred: 'true' } : {}),
        ...(view.archived ? { archived: 'true' } : {}),
      });
      if (!parsed.success) throw new BatonError('invalid_request', 'Those filters are not valid.');
      const [list, projects] = await Promise.all([
        listSessions(d.services, ctx.caller, parsed.data),
        listProjects(d.services, ctx.caller),
      ]);
      const live = await liveLinks(
        d.live,
        ctx.user.userId,
        list.sessions.map((s) => s.id),
      );
      return html(
        c,
        sessionsListPage({
          user: ctx.view,
          csrfToken: ctx.csrf,
          query: view,
          sessions: list.sessions,
          pagination: list.pagination,
          projects: projects.map((p) => ({ id: p.id, name: p.name })),
          live,
          flash: undoFlashFrom((k) => c.req.query(k)),
        }),
      );
    },
  }),
  pageRoute({
    ...page,
    method: 'get',
    path: '/sessions/{id}',
    summary: 'A session: timeline, lineage and, while active, a live feed',
    errors: [404],
    handler: async ({ c, deps: d, params: { id } }) => {
      const ctx = pageCtx(c);
      const repos = d.services.store;
      const row = await ownSession(repos, ctx.caller, id);
      const at = await targetOf(repos, row, c.req.query());
      const asked = Math.max(0, Number.parseInt(c.req.query('offset') ?? '0', 10) || 0);
      const offset = await pageOffsetOf(repos.db, row, at, EVENTS_PAGE, asked);
      const detail = await sessionDetail(repos, row, ctx.caller.baseUrl, { offset, limit: EVENTS_PAGE });
      // The owner's page shows how the session is shared (its Sharing panel).
      const [session] = await withSharing(
        repos,
        ctx.user.userId,
        [row],
        [detail.session],
        ctx.caller.baseUrl,
        d.services.now(),
      );
      const base = `/sessions/${encodeURIComponent(id)}`;
      const parentRow = detail.session.parentSessionId
        ? await repos.sessions.findByUserAndId(ctx.user.userId, detail.session.parentSessionId)
        : undefined;
      const parent: LineageLink | null = parentRow
        ? { id: parentRow.id, title: parentRow.title, href: `/sessions/${encodeURIComponent(parentRow.id)}` }
        : null;
      const kids = await repos.db
        .selectFrom('sessions')
        .select(['id', 'title'])
        .where('user_id', '=', ctx.user.userId)
        .where('parent_session_id', '=', id)
        .orderBy('activity_at', 'desc')
        .limit(20)
        .execute();
      const stream = await followStream(d, ctx.user.userId, detail.session, ctx.caller.baseUrl);
      const next = detail.eventsPage.nextOffset;
      return htmlStream(
        c,
        sessionDetailStream({
          user: ctx.view,
          csrfToken: ctx.csrf,
          session: session!,
          meta: detail.meta,
          ...(detail.stats ? { stats: detail.stats } : {}),
          events: detail.events,
          eventsPage: detail.eventsPage,
          nextHref: next !== null ? `${base}?offset=${next}` : null,
          prevHref: offset > 0 ? `${base}?offset=${Math.max(0, offset - EVENTS_PAGE)}` : null,
          reader: { base, owner: { sessionId: id }, at, q: c.req.query('q') ?? '' },
          parent,
          children: kids.map((k) => ({
            id: k.id,
            title: k.title,
            href: `/sessions/${encodeURIComponent(k.id)}`,
          })),
          exportBase: `/sessions/${encodeURIComponent(id)}/export`,
          live: stream ? { eventsUrl: `/api/v1/live/${encodeURIComponent(stream.liveId)}/events` } : null,
        }),
      );
    },
  }),
  pageRoute({
    ...page,
    method: 'get',
    path: '/sessions/{id}/find',
    summary: "Search one of the owner's sessions: the anchors of the matching events, in page order",
    query: FindQuery,
    responses: { 200: { schema: FindResponse } },
    errors: [400, 404],
    handler: async ({ c, deps: d, params, query }) => {
      const row = await ownSession(d.services.store, pageCtx(c).caller, params.id);
      return c.json(await findInSession(d.services.store, row, query.q));
    },
  }),
  pageRoute({
    ...page,
    method: 'get',
    path: '/sessions/{id}/export',
    summary: 'Download a session (md, json, html, txt, pdf or docx; comments=true adds its comments)',
    responses: { 200: { contentType: 'text/markdown' } },
    errors: [400, 404],
    handler: async ({ c, deps: d, params }) => {
      const ctx = pageCtx(c);
      const row = await ownSession(d.services.store, ctx.caller, params.id);
      return downloadResponse(c, d.services.store, row, ctx.caller.userId);
    },
  }),
];

export function createSessionRoutes(d: WebDeps) {
  return pageRoutes(d, SESSION_PAGE_ROUTES);
}
