// /api/v1/sessions/{id}/entries: a session's transcript lines, kept as sent (issue 12). Owner only.
import {
  AppendEntriesRequest,
  AppendEntriesResponse,
  ListEntriesQuery,
  ListEntriesResponse,
  ListSubkeysResponse,
  SessionId,
} from '../../src/core/api/index.js';
import { z } from 'zod';
import { appendEntries, listEntries, listSubkeys, streamEntries } from '../services/transcript-entries.js';
import { apiRoute } from './route-deps.js';

const key = { auth: 'apiKey', rateLimit: 'perKey', tag: 'sessions' } as const;
const JSONL = 'application/x-ndjson';

export const TRANSCRIPT_ENTRY_ROUTES = [
  apiRoute({
    ...key,
    method: 'post',
    path: '/api/v1/sessions/{id}/entries',
    summary: 'Append transcript lines (idempotent per uuid); creates the session if needed',
    // The path names the session it may create: the same id rule as appended events'.
    params: z.object({ id: SessionId }),
    bodyLimit: (d) => d.config.limits.sessionBodyBytes,
    body: AppendEntriesRequest,
    // Lines are stored deflated as bytes and returned as sent, NUL included.
    lossless: ['entries.*.line'],
    responses: { 200: { schema: AppendEntriesResponse } },
    // 409: a projectKey other than the one the session's first keyed append set (reason project_key_mismatch).
    errors: [409],
    handler: async ({ c, deps, params, body }) =>
      c.json(await appendEntries(deps, c.get('caller'), params.id, body), 200),
  }),
  apiRoute({
    ...key,
    method: 'get',
    path: '/api/v1/sessions/{id}/entries',
    summary: "A page of one transcript file's lines, in arrival order",
    query: ListEntriesQuery,
    responses: { 200: { schema: ListEntriesResponse } },
    errors: [404],
    handler: async ({ c, deps, params, query }) =>
      c.json(await listEntries(deps, c.get('caller'), params.id, query)),
  }),
  apiRoute({
    ...key,
    method: 'get',
    path: '/api/v1/sessions/{id}/entries.jsonl',
    summary: "One transcript file's lines as JSONL, streamed",
    description:
      'Each stored line exactly as kept (NUL and all), then a newline, in arrival order: the whole file in one ' +
      'response, read from the database in chunks and never parsed on the way (what `baton resume` downloads).',
    query: ListEntriesQuery.pick({ subKey: true }),
    responses: { 200: { contentType: JSONL } },
    errors: [404],
    handler: async ({ c, deps, params, query }) =>
      new Response(await streamEntries(deps, c.get('caller'), params.id, query.subKey), {
        headers: { 'Content-Type': JSONL, 'Cache-Control': 'no-store' },
      }),
  }),
  apiRoute({
    ...key,
    method: 'get',
    path: '/api/v1/sessions/{id}/entries/subkeys',
    summary: 'The transcript files of a session that hold entries',
    responses: { 200: { schema: ListSubkeysResponse } },
    errors: [404],
    handler: async ({ c, deps, params }) => c.json(await listSubkeys(deps, c.get('caller'), params.id)),
  }),
];
