// `/projects` and `/projects/:id` for the signed-in user.
import { Hono } from 'hono';
import { ListSessionsQuery } from '../../../src/core/api/index.js';
import { listHandoffs } from '../../services/handoffs.js';
import { getProject, listProjects } from '../../services/projects.js';
import { listSessions } from '../../services/sessions.js';
import { html, renderError, requireUser, type WebDeps } from '../context.js';
import { liveLinks } from '../live-links.js';
import { projectDetailPage, projectsListPage } from '../pages/projects.js';

export function createProjectRoutes(d: WebDeps): Hono {
  const app = new Hono();
  app.onError((err, c) => renderError(c, d, err));

  app.get('/projects', async (c) => {
    const ctx = await requireUser(c, d);
    if (ctx instanceof Response) return ctx;
    return html(
      c,
      projectsListPage({
        user: ctx.view,
        csrfToken: ctx.csrf,
        projects: await listProjects(d.services, ctx.caller),
      }),
    );
  });

  app.get('/projects/:id', async (c) => {
    const ctx = await requireUser(c, d);
    if (ctx instanceof Response) return ctx;
    const project = await getProject(d.services, ctx.caller, c.req.param('id'));
    const [list, handoffs] = await Promise.all([
      listSessions(d.services, ctx.caller, ListSessionsQuery.parse({ project: project.id, limit: '24' })),
      listHandoffs(d.services, ctx.caller, { project: project.id, limit: 1 }),
    ]);
    const h = handoffs[0];
    return html(
      c,
      projectDetailPage({
        user: ctx.view,
        csrfToken: ctx.csrf,
        project,
        sessions: list.sessions,
        latestHandoff: h
          ? {
              id: h.id,
              title: h.title,
              createdAt: h.createdAt,
              href: `/handoffs/${encodeURIComponent(h.id)}`,
            }
          : null,
        live: await liveLinks(
          d.live,
          ctx.user.userId,
          list.sessions.map((s) => s.id),
        ),
        moreHref: list.pagination.totalPages > 1 ? `/?project=${encodeURIComponent(project.id)}` : null,
      }),
    );
  });

  return app;
}
