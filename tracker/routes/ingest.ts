// /api/v1/ingest: AgentPipe bridge events (one, or a batch).
import type { Hono } from 'hono';
import { IngestRequest, type IngestEvent } from '../../src/core/api/index.js';
import { limitBody } from '../http/body-limit.js';
import type { AppEnv } from '../http/env.js';
import { readJson } from '../http/validate.js';
import { ingest } from '../services/ingest.js';
import type { RouteContext } from './context.js';

export function registerIngestRoutes(app: Hono<AppEnv>, { deps, auth }: RouteContext): void {
  app.post('/api/v1/ingest', auth, limitBody(deps.config.limits.sessionBodyBytes), async (c) => {
    const req = await readJson(c, IngestRequest);
    const events: IngestEvent[] = Array.isArray(req) ? req : 'events' in req ? req.events : [req];
    const results = await ingest(deps, c.get('caller'), events);
    return c.json({ results }, 201);
  });
}
