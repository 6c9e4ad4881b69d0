// `/projects` and `/projects/:id` for the signed-in user.
import { ListSessionsQuery } from '../../../src/core/api/index.js';
import { listHandoffs } from '../../services/handoffs.js';
import { getProject, listProjects } from '../../services/projects.js';
import { listSessions } from '../../services/sessions.js';
import { html, type WebDeps } from '../web-deps.js';
import { liveLinks } from '../live-links.js';
import { projectDetailPage, projectsListPage } from '../pages/projects.js';
import { PAGE, pageCtx, pageRoute, pageRoutes } from './page-route.js';

const page = { tag: 'web', auth: 'session', rateLimit: 'none', responses: PAGE } as const;

export const PROJECT_PAGE_ROUTES = [
  pageRoute({
    ...page,
    method: 'get',
    path: '/projects',
    summary: 'Projects with their stats',
    handler: async ({ c, deps: d }) => {
      const ctx = pageCtx(c);
      return html(
        c,
        projectsListPage({
          user: ctx.view,
          csrfToken: ctx.csrf,
          projects: await listProjects(d.services, ctx.caller),
        }),
      );
    },
  }),
  pageRoute({
    ...page,
    method: 'get',
    path: '/projects/{id}',
    summary: 'A project: its recent sessions, latest handoff and live links',
    errors: [404],
    handler: async ({ c, deps: d, params }) => {
      const ctx = pageCtx(c);
      const project = await getProject(d.services, ctx.caller, params.id);
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
    },
  }),
];

export function createProjectRoutes(d: WebDeps) {
  return pageRoutes(d, PROJECT_PAGE_ROUTES);
}
