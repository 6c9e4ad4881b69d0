// Key-less reads: unlisted/public sessions and posts by share slug, and the public session listing.
import {
  ExportQuery,
  PublicSessionsQuery,
  PublicSessionsResponse,
  ShareQuery,
  SharedResponse,
} from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import { baseUrlFor } from '../http/base-url.js';
import { CONTENT_TYPES, exportBody, exportComments, exportFileName } from '../services/export.js';
import { toPost, visiblePostSessions } from '../services/posts.js';
import { sessionDetail } from '../services/sessions.js';
import { toSummaries } from '../services/session-view.js';
import { apiRoute } from './route-deps.js';
import { sharedPost, sharedSession } from '../services/shared-links.js';

// No key, so no per-key limit: these are reads of what their owners chose to publish, like the share pages.
const open = { auth: 'none', rateLimit: 'none', tag: 'share' } as const;

export const SHARE_ROUTES = [
  apiRoute({
    ...open,
    method: 'get',
    path: '/api/v1/share/{slug}',
    summary: 'An unlisted or public session or post by share slug (no key)',
    description:
      "A post's visibility does not extend to its sessions: a session that is itself private is left out of " +
      '`sessions` and `post.sessionIds` and only counted in `privateSessions` (the share pages likewise render the ' +
      "post without it and say so). Only that session's owner sees it, through their own session pages.",
    query: ShareQuery,
    responses: { 200: { schema: SharedResponse } },
    errors: [404],
    handler: async ({ c, deps: { store, config }, params: { slug }, query: page }) => {
      const base = baseUrlFor(c, config);
      const session = await sharedSession(store, slug);
      if (session)
        return c.json({ kind: 'session' as const, ...(await sessionDetail(store, session, base, page)) });
      const post = await sharedPost(store, slug);
      if (post) {
        // Keyless: nobody is the owner here, so private sessions are withheld (and only counted).
        const { rows, hidden } = await visiblePostSessions(store, post.id, null);
        return c.json({
          kind: 'post' as const,
          post: toPost(
            post,
            rows.map((r) => r.id),
            base,
          ),
          sessions: await toSummaries(store, rows, base),
          privateSessions: hidden,
        });
      }
      throw new BatonError('not_found', 'nothing is shared under this link');
    },
  }),
  apiRoute({
    ...open,
    method: 'get',
    path: '/api/v1/share/{slug}/export',
    summary: 'Export a shared session (no key); comments=true adds its comments',
    query: ExportQuery,
    responses: { 200: { contentType: 'text/markdown' } },
    errors: [404, 413],
    handler: async ({ deps: { store }, params: { slug }, query: { format, comments } }) => {
      const session = await sharedSession(store, slug);
      if (!session) throw new BatonError('not_found', 'nothing is shared under this link');
      // A share link's reader is anonymous: listComments' rule for a reader without an account.
      const opts = comments ? { comments: await exportComments(store, session, null) } : {};
      return new Response((await exportBody(store, session, format, opts)) as unknown as BodyInit, {
        headers: {
          'Content-Type': CONTENT_TYPES[format],
          'Content-Disposition': `attachment; filename="${exportFileName(session.id, format)}"`,
        },
      });
    },
  }),
  apiRoute({
    ...open,
    method: 'get',
    path: '/api/v1/public/sessions',
    summary: 'Public sessions of every user (no key)',
    query: PublicSessionsQuery,
    responses: { 200: { schema: PublicSessionsResponse } },
    handler: async ({ c, deps: { store, config }, query: q }) => {
      const { rows, total } = await store.sessions.listPublic(q.page, q.limit);
      return c.json({
        sessions: await toSummaries(store, rows, baseUrlFor(c, config)),
        pagination: { page: q.page, limit: q.limit, total, totalPages: Math.ceil(total / q.limit) },
      });
    },
  }),
];
