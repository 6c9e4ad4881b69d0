// Comments from the browser (issue 14): JSON reads and CSRF-checked form posts beside the owner's session page, a
// share page and a live viewer page; the same service and rules as /api/v1/sessions/{id}/comments.
import type { Context } from 'hono';
import { z } from 'zod';
import {
  CommentResponse,
  CommentSettingsResponse,
  CommentsResponse,
  CommentText,
  DeleteCommentResponse,
  ReactionEmoji,
  ReactionResponse,
} from '../../../src/core/api/index.js';
import { BatonError } from '../../../src/core/errors.js';
import type { Route } from '../../http/define-route.js';
import { resolveViewer } from '../../live/index.js';
import {
  authorKey,
  createComment,
  deleteComment,
  listComments,
  setCommentsEnabled,
  toggleReaction,
  type CommentAccess,
} from '../../services/comments.js';
import { ownSession } from '../../services/sessions.js';
import type { WebDeps } from '../web-deps.js';
import { pageCtx, pageRoute, pageRoutes } from './page-route.js';
import { liveAuthFor } from './live-pages.js';
import { sharedSession } from '../../services/shared-links.js';

/** A 4000-character comment of 4-byte characters, percent-encoded, fits. */
const COMMENT_FORM_BYTES = 64 * 1024;
const notFound = () => new BatonError('not_found', 'Not found.');

type Resolve = (c: Context, d: WebDeps) => Promise<CommentAccess>;

const viewerOf = async (c: Context, d: WebDeps) => (await d.sessions.current(c))?.userId ?? null;

const owner: Resolve = async (c, d) => {
  const ctx = pageCtx(c);
  return {
    row: await ownSession(d.services.store, ctx.caller, c.req.param('id') ?? ''),
    viewerId: ctx.user.userId,
  };
};

/** Anyone holding the link reads; only a signed-in user writes (the service checks). */
const shared: Resolve = async (c, d) => {
  const slug = c.req.param('slug') ?? '';
  const row = await sharedSession(d.services.store, slug);
  if (!row) throw notFound();
  return { row, viewerId: await viewerOf(c, d) };
};

/** The view URL is the capability (a private stream also wants its owner's cookie); comments live on its session. */
const live: Resolve = async (c, d) => {
  const deps = { service: d.live.service, store: d.live.store, auth: liveAuthFor(d) };
  const stream = await resolveViewer(c, c.req.param('token') ?? '', deps);
  const row = stream.session_id
    ? await d.services.store.sessions.findByUserAndId(stream.owner_id, stream.session_id)
    : undefined;
  if (!row) throw notFound();
  return { row, viewerId: await viewerOf(c, d) };
};

const ListResponse = CommentsResponse.extend({
  /** The caller's author key (their own comments), null when anonymous. */
  me: z.string().nullable(),
  isOwner: z.boolean(),
});
const CommentForm = z.object({
  eventUuid: z.string().min(1).max(200),
  text: CommentText,
  parentId: z.string().min(1).max(100).optional(),
});
const ReactionForm = z.object({
  eventUuid: z.string().min(1).max(200),
  commentId: z.string().min(1).max(100).optional(),
  emoji: ReactionEmoji,
});
const ANY_FORM = z.object({});
const WRITE_ERRORS = [403, 404, 429] as const;

function scopeRoutes(prefix: string, auth: 'session' | 'none', resolve: Resolve): Array<Route<WebDeps>> {
  const base = { tag: 'web', auth, rateLimit: 'none' } as const;
  const form = { bodyLimit: () => COMMENT_FORM_BYTES } as const;
  return [
    pageRoute({
      ...base,
      method: 'get',
      path: `${prefix}/comments`,
      summary: 'Comments and reactions on this session (JSON, for the page script)',
      responses: { 200: { schema: ListResponse } },
      errors: [404, 410],
      handler: async ({ c, deps: d }) => {
        const a = await resolve(c, d);
        c.header('cache-control', 'no-store');
        return c.json({
          ...(await listComments(d.services.store, a)),
          me: a.viewerId ? authorKey(a.viewerId) : null,
          isOwner: a.viewerId === a.row.user_id,
        });
      },
    }),
    pageRoute({
      ...base,
      ...form,
      method: 'post',
      path: `${prefix}/comments`,
      summary: 'Comment on an event or reply (form; signed in)',
      form: CommentForm,
      responses: { 201: { schema: CommentResponse } },
      errors: [...WRITE_ERRORS, 410],
      handler: async ({ c, deps: d, form: f }) => {
        const a = await resolve(c, d);
        const body = {
          eventUuid: f.eventUuid,
          text: f.text,
          ...(f.parentId ? { parentId: f.parentId } : {}),
        };
        return c.json({ comment: await createComment(d.services, a, body) }, 201);
      },
    }),
    pageRoute({
      ...base,
      ...form,
      method: 'post',
      path: `${prefix}/comments/{commentId}/delete`,
      summary: 'Delete a comment (form; its author or the session owner)',
      form: ANY_FORM,
      responses: { 200: { schema: DeleteCommentResponse } },
      errors: [403, 404, 410],
      handler: async ({ c, deps: d }) => {
        const id = c.req.param('commentId') ?? '';
        await deleteComment(d.services, await resolve(c, d), id);
        return c.json({ deleted: true as const, id });
      },
    }),
    pageRoute({
      ...base,
      ...form,
      method: 'post',
      path: `${prefix}/reactions`,
      summary: 'Toggle a reaction on an event or comment (form; signed in)',
      form: ReactionForm,
      responses: { 200: { schema: ReactionResponse } },
      errors: [...WRITE_ERRORS, 410],
      handler: async ({ c, deps: d, form: f }) =>
        c.json(
          await toggleReaction(d.services, await resolve(c, d), {
            eventUuid: f.eventUuid,
            emoji: f.emoji,
            ...(f.commentId ? { commentId: f.commentId } : {}),
          }),
        ),
    }),
  ];
}

export const COMMENT_PAGE_ROUTES: Array<Route<WebDeps>> = [
  ...scopeRoutes('/sessions/{id}', 'session', owner),
  pageRoute({
    tag: 'web',
    auth: 'session',
    rateLimit: 'none',
    bodyLimit: () => COMMENT_FORM_BYTES,
    method: 'post',
    path: '/sessions/{id}/comments/settings',
    summary: 'Turn comments on or off for one of your sessions (form)',
    form: z.object({ enabled: z.enum(['true', 'false']) }),
    responses: { 200: { schema: CommentSettingsResponse } },
    errors: [403, 404],
    handler: async ({ c, deps: d, form }) => {
      const a = await owner(c, d);
      await setCommentsEnabled(d.services, a, form.enabled === 'true');
      return c.json({ sessionId: a.row.id, commentsEnabled: form.enabled === 'true' });
    },
  }),
  ...scopeRoutes('/share/{slug}', 'none', shared),
];

/** Mounted at /live beside the viewer page. */
export const LIVE_COMMENT_ROUTES: Array<Route<WebDeps>> = scopeRoutes('/live/{token}', 'none', live);

export function createCommentRoutes(d: WebDeps) {
  return pageRoutes(d, COMMENT_PAGE_ROUTES);
}

export function createLiveCommentRoutes(d: WebDeps) {
  return pageRoutes(d, LIVE_COMMENT_ROUTES, { basePath: '/live' });
}
