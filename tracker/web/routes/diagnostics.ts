// `/diagnostics`: what runs here (version, engine, migrations, uptime), live streaming load, recent errors.
import { Hono } from 'hono';
import { html, renderError, requireUser, type WebDeps } from '../context.js';
import { diagnosticsPage } from '../pages/diagnostics.js';

export function createDiagnosticsRoutes(d: WebDeps): Hono {
  const app = new Hono();
  app.onError((err, c) => renderError(c, d, err));
  app.get('/diagnostics', async (c) => {
    const ctx = await requireUser(c, d);
    if (ctx instanceof Response) return ctx;
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
  });
  return app;
}
