// `/share/:slug` and `/p/:slug`: unlisted/public sessions and posts for anyone with the link; `/posts/:id` for owners.
import type { Context } from 'hono';
import { BatonError } from '../../../src/core/errors.js';
import type { SessionRow } from '../../db/repositories/index.js';
import { toPost, visiblePostSessions } from '../../services/posts.js';
import {
  FindQuery,
  FindResponse,
  findInSession,
  pageOffsetOf,
  targetOf,
} from '../../services/session-find.js';
import { sessionDetail } from '../../services/sessions.js';
import { toSummaries } from '../../services/session-view.js';
import { baseUrlFor } from '../../http/base-url.js';
import { html, type WebDeps } from '../web-deps.js';
import { downloadResponse } from '../export-response.js';
import { sessionDetailStream } from '../pages/session-detail.js';
import { sharedPostPage } from '../pages/shared-post.js';
import { PAGE, pageCtx, pageRoute, pageRoutes } from './page-route.js';
import { EVENTS_PAGE, htmlStream } from './sessions.js';
import { sharedPost as sharedPostOf, sharedSession as sharedSessionOf } from '../../services/shared-links.js';

/** The helpers every share page uses, over one tracker's deps. */
function sharing(d: WebDeps) {
  const store = d.services.store;

  const viewer = async (c: Context) => {
    const u = await d.sessions.current(c);
    return u ? { user: { name: u.name }, csrfToken: await d.csrf.token(c) } : { user: null };
  };

  /** A shared session page; `base` is the path prefix its export and paging links hang off. */
  const sessionPage = async (c: Context, row: SessionRow, base: string, shareSlug: string) => {
    const at = await targetOf(store, row, c.req.query());
    const asked = Math.max(0, Number.parseInt(c.req.query('offset') ?? '0', 10) || 0);
    const offset = await pageOffsetOf(store.db, row, at, EVENTS_PAGE, asked);
    const detail = await sessionDetail(store, row, baseUrlFor(c, d.services.config), {
      offset,
      limit: EVENTS_PAGE,
    });
    const next = detail.eventsPage.nextOffset;
    return htmlStream(
      c,
      sessionDetailStream({
        ...(await viewer(c)),
        session: detail.session,
        meta: detail.meta,
        ...(detail.stats ? { stats: detail.stats } : {}),
        events: detail.events,
        eventsPage: detail.eventsPage,
        nextHref: next !== null ? `${base}?offset=${next}` : null,
        prevHref: offset > 0 ? `${base}?offset=${Math.max(0, offset - EVENTS_PAGE)}` : null,
        reader: { base, owner: { shareSlug }, at, q: c.req.query('q') ?? '' },
        parent: null,
        children: [],
        exportBase: `${base}/export`,
        live: null,
      }),
    );
  };

  /** Private things are reported missing: a guessed or stale slug learns nothing. */
  const sharedSession = (slug: string) => sharedSessionOf(store, slug);
  const sharedPost = (slug: string) => sharedPostOf(store, slug);
  const viewerId = async (c: Context) => (await d.sessions.current(c))?.userId ?? null;
  // A share link's readers get its comments when they ask, as they read them on the page.
  const exportOf = async (c: Context, row: SessionRow) => downloadResponse(c, store, row, await viewerId(c));
  /** A session reached through a shared post: it must belong to that post, and be visible to this viewer. */
  const postSession = async (c: Context, postId: string, sessionId: string) => {
    const { rows } = await visiblePostSessions(store, postId, await viewerId(c));
    return rows.find((r) => r.id === sessionId);
  };

  const postPage = async (
    c: Context,
    post: NonNullable<Awaited<ReturnType<typeof sharedPost>>>,
    slug: string,
    prefix: string,
  ) => {
    const me = await viewerId(c);
    const { rows, hidden } = await visiblePostSessions(store, post.id, me);
    // A post of one session (the usual case: a finished live stream) shows that session directly.
    if (rows.length === 1 && hidden === 0)
      return sessionPage(c, rows[0]!, `${prefix}/${slug}/s/${encodeURIComponent(rows[0]!.id)}`, slug);
    const base = baseUrlFor(c, d.services.config);
    const summaries = await toSummaries(store, rows, base);
    return html(
      c,
      sharedPostPage({
        ...(await viewer(c)),
        post: toPost(
          post,
          rows.map((r) => r.id),
          base,
        ),
        sessions: summaries.map((s) => ({
          summary: s,
          href: `${prefix}/${slug}/s/${encodeURIComponent(s.id)}`,
        })),
        privateSessions: hidden,
        owner: me !== null && me === post.user_id,
      }),
    );
  };

  const findIn = async (c: Context, row: SessionRow, q: string) => c.json(await findInSession(store, row, q));

  return { sessionPage, exportOf, findIn, sharedSession, sharedPost, postSession, postPage };
}

// Anyone with the link; reads of what owners chose to share, like the share API (no per-key limit without a key).
const shared = { tag: 'web', auth: 'none', rateLimit: 'none', responses: PAGE, errors: [404] } as const;
const download = {
  ...shared,
  responses: { 200: { contentType: 'text/markdown' } },
  errors: [400, 404],
} as const;

export const SHARE_PAGE_ROUTES = [
  ...['/share', '/p'].flatMap((prefix) => [
    pageRoute({
      ...shared,
      method: 'get',
      path: `${prefix}/{slug}`,
      summary: 'A shared session or post',
      handler: async ({ c, deps, params: { slug } }) => {
        const s = sharing(deps);
        const row = await s.sharedSession(slug);
        if (row) return s.sessionPage(c, row, `${prefix}/${slug}`, slug);
        const post = await s.sharedPost(slug);
        if (post) return s.postPage(c, post, slug, prefix);
        throw new BatonError('not_found', 'Not found.');
      },
    }),
    pageRoute({
      ...download,
      method: 'get',
      path: `${prefix}/{slug}/export`,
      summary: 'Download a shared session',
      handler: async ({ c, deps, params: { slug } }) => {
        const s = sharing(deps);
        const row = await s.sharedSession(slug);
        if (!row) throw new BatonError('not_found', 'Not found.');
        return s.exportOf(c, row);
      },
    }),
    pageRoute({
      ...shared,
      method: 'get',
      path: `${prefix}/{slug}/find`,
      summary: 'Search a shared session: the anchors of the matching events',
      query: FindQuery,
      responses: { 200: { schema: FindResponse } },
      errors: [400, 404],
      handler: async ({ c, deps, params: { slug }, query }) => {
        const s = sharing(deps);
        const row = await s.sharedSession(slug);
        if (!row) throw new BatonError('not_found', 'Not found.');
        return s.findIn(c, row, query.q);
      },
    }),
    pageRoute({
      ...shared,
      method: 'get',
      path: `${prefix}/{slug}/s/{sessionId}/find`,
      summary: 'Search a session of a shared post',
      query: FindQuery,
      responses: { 200: { schema: FindResponse } },
      errors: [400, 404],
      handler: async ({ c, deps, params: { slug, sessionId }, query }) => {
        const s = sharing(deps);
        const post = await s.sharedPost(slug);
        const row = post ? await s.postSession(c, post.id, sessionId) : undefined;
        if (!row) throw new BatonError('not_found', 'Not found.');
        return s.findIn(c, row, query.q);
      },
    }),
    pageRoute({
      ...shared,
      method: 'get',
      path: `${prefix}/{slug}/s/{sessionId}`,
      summary: 'A session of a shared post',
      handler: async ({ c, deps, params: { slug, sessionId } }) => {
        const s = sharing(deps);
        const post = await s.sharedPost(slug);
        const row = post ? await s.postSession(c, post.id, sessionId) : undefined;
        if (!row) throw new BatonError('not_found', 'Not found.');
        return s.sessionPage(c, row, `${prefix}/${slug}/s/${encodeURIComponent(row.id)}`, slug);
      },
    }),
    pageRoute({
      ...download,
      method: 'get',
      path: `${prefix}/{slug}/s/{sessionId}/export`,
      summary: 'Download a session of a shared post',
      handler: async ({ c, deps, params: { slug, sessionId } }) => {
        const s = sharing(deps);
        const post = await s.sharedPost(slug);
        const row = post ? await s.postSession(c, post.id, sessionId) : undefined;
        if (!row) throw new BatonError('not_found', 'Not found.');
        return s.exportOf(c, row);
      },
    }),
  ]),
  // Private posts: the owner's view of the same page.
  pageRoute({
    method: 'get',
    path: '/posts/{id}',
    tag: 'web',
    summary: "The owner's view of a post",
    auth: 'session',
    rateLimit: 'none',
    responses: PAGE,
    errors: [404],
    handler: async ({ c, deps: d, params }) => {
      const ctx = pageCtx(c);
      const store = d.services.store;
      const post = await store.posts.findForUser(ctx.user.userId, params.id);
      if (!post) throw new BatonError('not_found', 'Not found.');
      // The post's owner; a session someone else owns (none today) would still be withheld by the same rule.
      const { rows, hidden } = await visiblePostSessions(store, post.id, ctx.user.userId);
      const summaries = await toSummaries(store, rows, ctx.caller.baseUrl);
      return html(
        c,
        sharedPostPage({
          user: ctx.view,
          csrfToken: ctx.csrf,
          post: toPost(
            post,
            rows.map((r) => r.id),
            ctx.caller.baseUrl,
          ),
          sessions: summaries.map((s) => ({ summary: s, href: `/sessions/${encodeURIComponent(s.id)}` })),
          privateSessions: hidden,
          owner: true,
        }),
      );
    },
  }),
];

export function createShareRoutes(d: WebDeps) {
  return pageRoutes(d, SHARE_PAGE_ROUTES);
}
