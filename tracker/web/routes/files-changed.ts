// `/sessions/:id/files` for the owner and `/share/:slug/files` (and `/p/…`) for anyone the share page admits.
import type { Context } from 'hono';
import { BatonError } from '../../../src/core/errors.js';
import type { SessionRow } from '../../db/repositories/index.js';
import { sessionFilesChanged } from '../../services/session-files.js';
import { sharedSession } from '../../services/shared-links.js';
import { ownSession } from '../../services/sessions.js';
import { sessionTitle } from '../components/session-card.js';
import { filesChangedPage } from '../pages/files-changed.js';
import { html, type WebDeps } from '../web-deps.js';
import { PAGE, pageCtx, pageRoute, pageRoutes } from './page-route.js';

async function page(
  c: Context,
  d: WebDeps,
  row: SessionRow,
  sessionHref: string,
  viewer: { user: { name: string } | null; csrfToken?: string },
) {
  const files = await sessionFilesChanged(d.services.store, row);
  return html(
    c,
    filesChangedPage({
      ...viewer,
      title: sessionTitle({ id: row.id, title: row.title }),
      files,
      sessionHref,
      noindex: row.visibility !== 'public',
    }),
  );
}

export const FILES_CHANGED_ROUTES = [
  pageRoute({
    method: 'get',
    path: '/sessions/{id}/files',
    tag: 'web',
    summary: "A session's files changed: each edited file with its diffs",
    auth: 'session',
    rateLimit: 'none',
    responses: PAGE,
    errors: [404],
    handler: async ({ c, deps: d, params: { id } }) => {
      const ctx = pageCtx(c);
      const row = await ownSession(d.services.store, ctx.caller, id);
      const href = `/sessions/${encodeURIComponent(row.id)}`;
      return page(c, d, row, href, { user: ctx.view, csrfToken: ctx.csrf });
    },
  }),
  ...['/share', '/p'].map((prefix) =>
    pageRoute({
      method: 'get',
      path: `${prefix}/{slug}/files`,
      tag: 'web',
      summary: "A shared session's files changed",
      auth: 'none',
      rateLimit: 'none',
      responses: PAGE,
      errors: [404],
      handler: async ({ c, deps: d, params: { slug } }) => {
        const row = await sharedSession(d.services.store, slug);
        if (!row) throw new BatonError('not_found', 'Not found.');
        const u = await d.sessions.current(c);
        const viewer = u ? { user: { name: u.name }, csrfToken: await d.csrf.token(c) } : { user: null };
        return page(c, d, row, `${prefix}/${slug}`, viewer);
      },
    }),
  ),
];

export function createFilesChangedRoutes(d: WebDeps) {
  return pageRoutes(d, FILES_CHANGED_ROUTES);
}
