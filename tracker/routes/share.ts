// Key-less reads: unlisted/public sessions and posts by share slug, and the public session listing.
import type { Hono } from 'hono';
import { ExportQuery, PublicSessionsQuery, ShareQuery } from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import { baseUrlFor } from '../http/base-url.js';
import type { AppEnv } from '../http/env.js';
import { readQuery } from '../http/validate.js';
import { CONTENT_TYPES, exportFileName, exportStream } from '../services/export.js';
import { toPost, visiblePostSessions } from '../services/posts.js';
import { sessionDetail } from '../services/sessions.js';
import { toSummaries } from '../services/session-view.js';
import type { RouteContext } from './context.js';

export function registerShareRoutes(app: Hono<AppEnv>, { deps }: RouteContext): void {
  const { store } = deps;
  /** Private rows never resolve by slug: to a stranger they do not exist. */
  const sharedSession = async (slug: string) => {
    const s = await store.sessions.findByShareSlug(slug);
    return s && s.visibility !== 'private' ? s : undefined;
  };

  app.get('/api/v1/share/:slug', async (c) => {
    const slug = c.req.param('slug');
    const page = readQuery(c, ShareQuery);
    const base = baseUrlFor(c, deps.config);
    const session = await sharedSession(slug);
    if (session)
      return c.json({ kind: 'session' as const, ...(await sessionDetail(store, session, base, page)) });
    const post = await store.posts.findByShareSlug(slug);
    if (post && post.visibility !== 'private') {
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
  });

  app.get('/api/v1/share/:slug/export', async (c) => {
    const { format } = readQuery(c, ExportQuery);
    const session = await sharedSession(c.req.param('slug'));
    if (!session) throw new BatonError('not_found', 'nothing is shared under this link');
    return new Response(exportStream(store, session, format), {
      headers: {
        'Content-Type': CONTENT_TYPES[format],
        'Content-Disposition': `attachment; filename="${exportFileName(session.id, format)}"`,
      },
    });
  });

  app.get('/api/v1/public/sessions', async (c) => {
    const q = readQuery(c, PublicSessionsQuery);
    const { rows, total } = await store.sessions.listPublic(q.page, q.limit);
    return c.json({
      sessions: await toSummaries(store, rows, baseUrlFor(c, deps.config)),
      pagination: { page: q.page, limit: q.limit, total, totalPages: Math.ceil(total / q.limit) },
    });
  });
}
