// `/sessions/{id}/replay` (owner) and `/share|p/{slug}/replay` (anyone with the link): a stored session played back on
// its own timestamps. The page is a shell; /assets/replay.js reads the events from the JSON feed beside it, in pages.
import type { Context } from 'hono';
import { z } from 'zod';
import { EventsPage, StoredEvent } from '../../../src/core/api/sessions.js';
import { BatonError } from '../../../src/core/errors.js';
import type { SessionRow } from '../../db/repositories/index.js';
import { baseUrlFor } from '../../http/base-url.js';
import { visiblePostSessions } from '../../services/posts.js';
import { ownSession, sessionDetail } from '../../services/sessions.js';
import { sessionTitle } from '../components/session-card.js';
import { replayPage } from '../pages/replay.js';
import { html, type WebDeps } from '../web-deps.js';
import { PAGE, pageCtx, pageRoute, pageRoutes } from './page-route.js';
import { sharedPost, sharedPostSession, sharedSession } from '../../services/shared-links.js';

/** A page of the feed: big enough that a long session loads in a few requests, small enough to start playing early. */
export const REPLAY_PAGE = 500;

export const ReplayEventsQuery = z.object({
  offset: z.coerce.number().int().min(0).max(100_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(REPLAY_PAGE).default(REPLAY_PAGE),
});
export const ReplayEventsResponse = z.object({ events: z.array(StoredEvent), eventsPage: EventsPage });

const notFound = () => new BatonError('not_found', 'Not found.');

/**
 * What a share link reaches, by the share page's rules: a session shared by link, or a post whose one visible session
 * it shows (the post a finished live stream leaves). Private things are missing, so a guessed slug learns nothing.
 */
async function sharedRow(c: Context, d: WebDeps, slug: string): Promise<SessionRow> {
  const store = d.services.store;
  const row = await sharedSession(store, slug);
  if (row) return row;
  const post = await sharedPost(store, slug);
  if (!post) throw notFound();
  const viewer = (await d.sessions.current(c))?.userId ?? null;
  const { rows, hidden } = await visiblePostSessions(store, post.id, viewer);
  if (rows.length !== 1 || hidden !== 0) throw notFound();
  return rows[0]!;
}

/** A session of a shared post, visible to this viewer (the share page's `/s/{sessionId}` rule). */
async function postRow(c: Context, d: WebDeps, slug: string, sessionId: string): Promise<SessionRow> {
  const viewer = (await d.sessions.current(c))?.userId ?? null;
  const row = await sharedPostSession(d.services.store, slug, sessionId, viewer);
  if (!row) throw notFound();
  return row;
}

async function page(c: Context, d: WebDeps, row: SessionRow, base: string, baseUrl: string) {
  const detail = await sessionDetail(d.services.store, row, baseUrl, { offset: 0, limit: 0 });
  const u = await d.sessions.current(c);
  return html(
    c,
    replayPage({
      title: sessionTitle(detail.session),
      back: base,
      eventsUrl: `${base}/replay/events`,
      total: detail.eventsPage.total,
      user: u ? { name: u.name } : null,
      ...(u ? { csrfToken: await d.csrf.token(c) } : {}),
    }),
  );
}

async function feed(c: Context, d: WebDeps, row: SessionRow, q: z.infer<typeof ReplayEventsQuery>) {
  const detail = await sessionDetail(d.services.store, row, baseUrlFor(c, d.services.config), q);
  return c.json({ events: detail.events, eventsPage: detail.eventsPage });
}

const owner = { tag: 'web', auth: 'session', rateLimit: 'none', errors: [404] } as const;
const shared = { tag: 'web', auth: 'none', rateLimit: 'none', errors: [404] } as const;
const events = { responses: { 200: { schema: ReplayEventsResponse } }, query: ReplayEventsQuery } as const;

export const REPLAY_ROUTES = [
  pageRoute({
    ...owner,
    method: 'get',
    path: '/sessions/{id}/replay',
    summary: 'Replay one of your sessions on its own timestamps',
    responses: PAGE,
    handler: async ({ c, deps: d, params: { id } }) => {
      const ctx = pageCtx(c);
      const row = await ownSession(d.services.store, ctx.caller, id);
      return page(c, d, row, `/sessions/${encodeURIComponent(id)}`, ctx.caller.baseUrl);
    },
  }),
  pageRoute({
    ...owner,
    ...events,
    method: 'get',
    path: '/sessions/{id}/replay/events',
    summary: "A page of one of your sessions' events, for its replay",
    errors: [400, 404],
    handler: async ({ c, deps: d, params: { id }, query }) =>
      feed(c, d, await ownSession(d.services.store, pageCtx(c).caller, id), query),
  }),
  ...['/share', '/p'].flatMap((prefix) => [
    pageRoute({
      ...shared,
      method: 'get',
      path: `${prefix}/{slug}/replay`,
      summary: 'Replay a shared session on its own timestamps',
      responses: PAGE,
      handler: async ({ c, deps: d, params: { slug } }) =>
        page(c, d, await sharedRow(c, d, slug), `${prefix}/${slug}`, baseUrlFor(c, d.services.config)),
    }),
    pageRoute({
      ...shared,
      ...events,
      method: 'get',
      path: `${prefix}/{slug}/replay/events`,
      summary: "A page of a shared session's events, for its replay",
      errors: [400, 404],
      handler: async ({ c, deps: d, params: { slug }, query }) =>
        feed(c, d, await sharedRow(c, d, slug), query),
    }),
    pageRoute({
      ...shared,
      method: 'get',
      path: `${prefix}/{slug}/s/{sessionId}/replay`,
      summary: 'Replay a session of a shared post',
      responses: PAGE,
      handler: async ({ c, deps: d, params: { slug, sessionId } }) =>
        page(
          c,
          d,
          await postRow(c, d, slug, sessionId),
          `${prefix}/${slug}/s/${encodeURIComponent(sessionId)}`,
          baseUrlFor(c, d.services.config),
        ),
    }),
    pageRoute({
      ...shared,
      ...events,
      method: 'get',
      path: `${prefix}/{slug}/s/{sessionId}/replay/events`,
      summary: "A page of a shared post's session's events, for its replay",
      errors: [400, 404],
      handler: async ({ c, deps: d, params: { slug, sessionId }, query }) =>
        feed(c, d, await postRow(c, d, slug, sessionId), query),
    }),
  ]),
];

export function createReplayRoutes(d: WebDeps) {
  return pageRoutes(d, REPLAY_ROUTES);
}
