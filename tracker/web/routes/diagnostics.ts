// `/diagnostics`: what runs here (version, engine, migrations, uptime), live streaming load, recent errors.
import { html, type WebDeps } from '../web-deps.js';
import { diagnosticsPage } from '../pages/diagnostics.js';
import { PAGE, pageCtx, pageRoute, pageRoutes } from './page-route.js';

export const DIAGNOSTICS_ROUTES = [
  pageRoute({
    method: 'get',
    path: '/diagnostics',
    tag: 'web',
    summary: 'What runs here: version, engine, migrations, uptime, live load, recent errors',
    auth: 'session',
    rateLimit: 'none', // signed-in pages are limited by the session, as they were before routes were defined
    responses: PAGE,
    handler: async ({ c, deps: d }) => {
      const ctx = pageCtx(c);
      const migrations = await d.services.store.db
        .selectFrom('tracker_migrations' as never)
        .select(['version', 'name', 'applied_at'] as never[])
        .orderBy('version' as never)
        .execute()
        .catch(() => [] as unknown[]);
      const stats = d.live.hub.stats();
      const now = d.services.now();
      return html(
        c,
        diagnosticsPage({
          user: ctx.view,
          csrfToken: ctx.csrf,
          version: d.version,
          node: process.version,
          engine: d.services.store.engine === 'postgres' ? 'PostgreSQL' : 'SQLite',
          migrations: (migrations as Array<{ version: unknown; name: string; applied_at: unknown }>).map(
            (m) => ({
              version: Number(m.version),
              name: m.name,
              appliedAt: m.applied_at === null ? null : new Date(Number(m.applied_at)).toISOString(),
            }),
          ),
          uptimeMs: now - d.startedAt,
          startedAt: new Date(d.startedAt).toISOString(),
          live: {
            streamsByStatus: await d.live.store.countByStatus(),
            connectedStreams: stats.streams,
            connections: stats.connections,
            viewers: stats.viewers,
          },
          recentErrors: d.recentErrors(),
        }),
      );
    },
  }),
];

export function createDiagnosticsRoutes(d: WebDeps) {
  return pageRoutes(d, DIAGNOSTICS_ROUTES);
}
