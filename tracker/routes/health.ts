// Liveness (/healthz: the process answers) and readiness (/readyz: the database answers).
import { HealthResponse, ReadyResponse } from '../../src/core/api/index.js';
import { apiRoute } from './route-deps.js';

export const HEALTH_ROUTES = [
  apiRoute({
    method: 'get',
    path: '/healthz',
    tag: 'health',
    summary: 'Liveness',
    auth: 'none',
    rateLimit: 'none', // probes: answering must stay cheaper than counting
    responses: { 200: { schema: HealthResponse } },
    handler: ({ c }) => c.json({ status: 'ok' as const }),
  }),
  apiRoute({
    method: 'get',
    path: '/readyz',
    tag: 'health',
    summary: 'Readiness: the database answers (503 when not)',
    auth: 'none',
    rateLimit: 'none',
    responses: {
      200: { schema: ReadyResponse },
      503: { schema: ReadyResponse, description: 'The database does not answer' },
    },
    handler: async ({ c, deps }) => {
      const ok = await deps.store.ping();
      return c.json(
        { status: ok ? ('ready' as const) : ('unavailable' as const), engine: deps.store.engine },
        ok ? 200 : 503,
      );
    },
  }),
];
