// `/trash` and `/shared` ("What I share") for the signed-in user.
import type { Route } from '../../http/define-route.js';
import { listPosts } from '../../services/posts.js';
import { listTrash } from '../../services/session-actions.js';
import { toSummaries } from '../../services/session-view.js';
import { sharedPage, type SharedLive } from '../pages/shared.js';
import { trashPage, undoFlashFrom } from '../pages/trash.js';
import { html, type PageCtx, type WebDeps } from '../web-deps.js';
import { PAGE, pageCtx, pageRoute } from './page-route.js';

/** Enough for one page of everything a person shares; beyond that the list says so by its length. */
const SHARED_LIMIT = 200;
const page = { tag: 'web', auth: 'session', rateLimit: 'none', responses: PAGE } as const;

/** The caller's sessions readable by link (not private, not in the trash), most recent activity first. */
async function sharedSessions(d: WebDeps, ctx: PageCtx) {
  const store = d.services.store;
  const rows = await store.db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', ctx.user.userId)
    .where('visibility', '!=', 'private')
    .where('deleted_at', 'is', null)
    .orderBy('activity_at', 'desc')
    .limit(SHARED_LIMIT)
    .execute();
  return toSummaries(store, rows, ctx.caller.baseUrl);
}

/** Open live links others can watch (private streams are the owner's own follow feeds). */
async function sharedLive(d: WebDeps, ctx: PageCtx): Promise<SharedLive[]> {
  const rows = await d.live.store.listByOwner(ctx.user.userId, SHARED_LIMIT);
  return rows
    .map((r) => ({ r, status: d.live.service.effectiveStatus(r) }))
    .filter(({ r, status }) => r.visibility !== 'private' && (status === 'active' || status === 'paused'))
    .map(({ r, status }) => ({
      liveId: r.id,
      title: r.title,
      sessionId: r.session_id,
      status,
      visibility: r.visibility,
    }));
}

export const MANAGE_PAGE_ROUTES: ReadonlyArray<Route<WebDeps>> = [
  pageRoute({
    ...page,
    method: 'get',
    path: '/trash',
    summary: 'Deleted sessions and posts: restore or delete forever',
    handler: async ({ c, deps: d }) => {
      const ctx = pageCtx(c);
      const trash = await listTrash(d.services, ctx.caller, { page: 1, limit: 100 });
      return html(c, trashPage({ user: ctx.view, csrfToken: ctx.csrf, trash }));
    },
  }),
  pageRoute({
    ...page,
    method: 'get',
    path: '/shared',
    summary: 'What I share: every session link, post and live link others can open, with its withdrawal',
    handler: async ({ c, deps: d }) => {
      const ctx = pageCtx(c);
      const [sessions, posts, live] = await Promise.all([
        sharedSessions(d, ctx),
        listPosts(d.services, ctx.caller, 1, SHARED_LIMIT),
        sharedLive(d, ctx),
      ]);
      return html(
        c,
        sharedPage({
          user: ctx.view,
          csrfToken: ctx.csrf,
          sessions,
          posts: posts.posts.filter((p) => p.visibility !== 'private'),
          live,
          flash: undoFlashFrom((k) => c.req.query(k)),
        }),
      );
    },
  }),
];
