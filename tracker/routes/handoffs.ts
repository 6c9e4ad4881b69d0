// /api/v1/handoffs: store, list and read handoff documents.
import {
  CreateHandoffRequest,
  CreateHandoffResponse,
  HandoffResponse,
  ListHandoffsQuery,
  ListHandoffsResponse,
} from '../../src/core/api/index.js';
import { createHandoff, getHandoff, listHandoffs } from '../services/handoffs.js';
import { apiRoute } from './route-deps.js';

const key = { auth: 'apiKey', rateLimit: 'perKey', tag: 'handoffs' } as const;

export const HANDOFF_ROUTES = [
  apiRoute({
    ...key,
    method: 'post',
    path: '/api/v1/handoffs',
    summary: 'Store a handoff document (also moves the project pointer, source handoff)',
    // A handoff document may be up to 1M characters (up to 4 bytes each), plus the JSON envelope.
    bodyLimit: (d) => Math.max(d.config.limits.bodyBytes, 5 * 1024 * 1024),
    body: CreateHandoffRequest,
    responses: { 201: { schema: CreateHandoffResponse } },
    handler: async ({ c, deps, body }) => c.json(await createHandoff(deps, c.get('caller'), body), 201),
  }),
  apiRoute({
    ...key,
    method: 'get',
    path: '/api/v1/handoffs',
    summary: 'Latest handoffs, optionally for one project',
    query: ListHandoffsQuery,
    responses: { 200: { schema: ListHandoffsResponse } },
    handler: async ({ c, deps, query }) =>
      c.json({ handoffs: await listHandoffs(deps, c.get('caller'), query) }),
  }),
  apiRoute({
    ...key,
    method: 'get',
    path: '/api/v1/handoffs/{id}',
    summary: 'One handoff with its Markdown body and frontmatter',
    responses: { 200: { schema: HandoffResponse } },
    errors: [404],
    handler: async ({ c, deps, params }) =>
      c.json({ handoff: await getHandoff(deps, c.get('caller'), params.id) }),
  }),
];
