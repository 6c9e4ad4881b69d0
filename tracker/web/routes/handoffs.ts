// `/handoffs/:id` for the signed-in owner.
import { getHandoff } from '../../services/handoffs.js';
import { html, type WebDeps } from '../web-deps.js';
import { handoffPage } from '../pages/handoff.js';
import { PAGE, pageCtx, pageRoute, pageRoutes } from './page-route.js';

export const HANDOFF_PAGE_ROUTES = [
  pageRoute({
    method: 'get',
    path: '/handoffs/{id}',
    tag: 'web',
    summary: 'One handoff document',
    auth: 'session',
    rateLimit: 'none',
    responses: PAGE,
    errors: [404],
    handler: async ({ c, deps: d, params }) => {
      const ctx = pageCtx(c);
      return html(
        c,
        handoffPage({
          user: ctx.view,
          csrfToken: ctx.csrf,
          handoff: await getHandoff(d.services, ctx.caller, params.id),
        }),
      );
    },
  }),
];

export function createHandoffRoutes(d: WebDeps) {
  return pageRoutes(d, HANDOFF_PAGE_ROUTES);
}
