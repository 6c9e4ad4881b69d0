// /api/v1/ingest: AgentPipe bridge events (one, or a batch).
import { IngestRequest, IngestResponse, type IngestEvent } from '../../src/core/api/index.js';
import { ingest } from '../services/ingest.js';
import { apiRoute } from './route-deps.js';

export const INGEST_ROUTES = [
  apiRoute({
    method: 'post',
    path: '/api/v1/ingest',
    tag: 'ingest',
    summary: 'AgentPipe bridge events: one event, an array, or {events}',
    auth: 'apiKey',
    rateLimit: 'perKey',
    bodyLimit: (d) => d.config.limits.sessionBodyBytes,
    body: IngestRequest,
    responses: { 201: { schema: IngestResponse } },
    handler: async ({ c, deps, body }) => {
      const events: IngestEvent[] = Array.isArray(body) ? body : 'events' in body ? body.events : [body];
      return c.json({ results: await ingest(deps, c.get('caller'), events) }, 201);
    },
  }),
];
