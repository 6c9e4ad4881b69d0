// Liveness (/healthz: the process answers) and readiness (/readyz: the database answers).
import type { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import type { RouteContext } from './context.js';

export function registerHealthRoutes(app: Hono<AppEnv>, { deps }: RouteContext): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' as const }));
  app.get('/readyz', async (c) => {
    const ok = await deps.store.ping();
    return c.json(
      { status: ok ? ('ready' as const) : ('unavailable' as const), engine: deps.store.engine },
      ok ? 200 : 503,
    );
  });
}
