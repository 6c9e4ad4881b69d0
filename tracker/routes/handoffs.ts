// /api/v1/handoffs: store, list and read handoff documents.
import type { Hono } from 'hono';
import { CreateHandoffRequest, ListHandoffsQuery } from '../../src/core/api/index.js';
import { limitBody } from '../http/body-limit.js';
import type { AppEnv } from '../http/env.js';
import { readJson, readQuery } from '../http/validate.js';
import { createHandoff, getHandoff, listHandoffs } from '../services/handoffs.js';
import type { RouteContext } from './context.js';

export function registerHandoffRoutes(app: Hono<AppEnv>, { deps, auth }: RouteContext): void {
  // A handoff document may be up to 1M characters (up to 4 bytes each), plus the JSON envelope.
  app.post(
    '/api/v1/handoffs',
    auth,
    limitBody(Math.max(deps.config.limits.bodyBytes, 5 * 1024 * 1024)),
    async (c) => {
      const req = await readJson(c, CreateHandoffRequest);
      return c.json(await createHandoff(deps, c.get('caller'), req), 201);
    },
  );
  app.get('/api/v1/handoffs', auth, async (c) => {
    return c.json({ handoffs: await listHandoffs(deps, c.get('caller'), readQuery(c, ListHandoffsQuery)) });
  });
  app.get('/api/v1/handoffs/:id', auth, async (c) =>
    c.json({ handoff: await getHandoff(deps, c.get('caller'), c.req.param('id')) }),
  );
}
