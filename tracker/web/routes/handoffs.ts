// `/handoffs/:id` for the signed-in owner.
import { Hono } from 'hono';
import { getHandoff } from '../../services/handoffs.js';
import { html, renderError, requireUser, type WebDeps } from '../context.js';
import { handoffPage } from '../pages/handoff.js';

export function createHandoffRoutes(d: WebDeps): Hono {
  const app = new Hono();
  app.onError((err, c) => renderError(c, d, err));
  app.get('/handoffs/:id', async (c) => {
    const ctx = await requireUser(c, d);
    if (ctx instanceof Response) return ctx;
    return html(
      c,
      handoffPage({
        user: ctx.view,
        csrfToken: ctx.csrf,
        handoff: await getHandoff(d.services, ctx.caller, c.req.param('id')),
      }),
    );
  });
  return app;
}
