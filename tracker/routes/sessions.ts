// /api/v1/sessions: push, append events, bulk upload, list/search, read, patch, delete and export.
import {
  AppendEventsRequest,
  AppendEventsResponse,
  DeleteQuery,
  ExportQuery,
  GetSessionQuery,
  ListSessionsQuery,
  ListSessionsResponse,
  PatchSessionRequest,
  PushSessionRequest,
  PushSessionResponse,
  SessionDetailResponse,
  SessionId,
  SessionSummaryResponse,
  TrashResponse,
  UploadSessionsRequest,
  UploadSessionsResponse,
} from '../../src/core/api/index.js';
import { z } from 'zod';
import { CONTENT_TYPES, exportBody, exportComments, exportFileName } from '../services/export.js';
import {
  appendEvents,
  getSession,
  listSessions,
  ownSession,
  patchSession,
  pushSession,
  uploadSessions,
} from '../services/sessions.js';
import { purgeSession, restoreSession, trashSession, unshareSession } from '../services/session-actions.js';
import { apiRoute } from './route-deps.js';

const key = { auth: 'apiKey', rateLimit: 'perKey', tag: 'sessions' } as const;

export const SESSION_ROUTES = [
  apiRoute({
    ...key,
    method: 'post',
    path: '/api/v1/sessions',
    summary: 'Push a whole session (idempotent upsert by session id and event uuid)',
    description:
      'Modes: `postId` adds it to an existing post, `createPost` creates one, neither just stores it.',
    bodyLimit: (d) => d.config.limits.sessionBodyBytes,
    body: PushSessionRequest,
    lossless: ['entries.*.line'],
    responses: { 200: { schema: PushSessionResponse } },
    errors: [404],
    handler: async ({ c, deps, body }) => c.json(await pushSession(deps, c.get('caller'), body), 200),
  }),
  apiRoute({
    ...key,
    method: 'post',
    path: '/api/v1/sessions/upload',
    summary: 'Bulk historical upload of many sessions in one transaction',
    bodyLimit: (d) => d.config.limits.uploadBodyBytes,
    body: UploadSessionsRequest,
    lossless: ['transcripts.*.entries.*.line'],
    responses: { 200: { schema: UploadSessionsResponse } },
    handler: async ({ c, deps, body }) => c.json(await uploadSessions(deps, c.get('caller'), body), 200),
  }),
  apiRoute({
    ...key,
    method: 'post',
    path: '/api/v1/sessions/{id}/events',
    summary: 'Append a batch of events (idempotent per uuid); creates the session if needed',
    // The path names the session it may create: the same id rule as a pushed session's.
    params: z.object({ id: SessionId }),
    bodyLimit: (d) => d.config.limits.sessionBodyBytes,
    body: AppendEventsRequest,
    lossless: ['entries.*.line'],
    responses: { 200: { schema: AppendEventsResponse } },
    handler: async ({ c, deps, params, body }) =>
      c.json(await appendEvents(deps, c.get('caller'), params.id, body), 200),
  }),
  apiRoute({
    ...key,
    method: 'get',
    path: '/api/v1/sessions',
    summary: 'List and full-text search sessions',
    query: ListSessionsQuery,
    responses: { 200: { schema: ListSessionsResponse } },
    handler: async ({ c, deps, query }) => c.json(await listSessions(deps, c.get('caller'), query)),
  }),
  apiRoute({
    ...key,
    method: 'get',
    path: '/api/v1/sessions/{id}',
    summary: 'A session: metadata, totals and a page of events',
    query: GetSessionQuery,
    responses: { 200: { schema: SessionDetailResponse } },
    errors: [404],
    handler: async ({ c, deps, params, query }) =>
      c.json(await getSession(deps, c.get('caller'), params.id, query)),
  }),
  apiRoute({
    ...key,
    method: 'patch',
    path: '/api/v1/sessions/{id}',
    summary: 'Change title, tags, starred, archived or visibility',
    bodyLimit: (d) => d.config.limits.bodyBytes,
    body: PatchSessionRequest,
    responses: { 200: { schema: SessionDetailResponse } },
    errors: [404],
    handler: async ({ c, deps, params, body }) =>
      c.json(await patchSession(deps, c.get('caller'), params.id, body)),
  }),
  apiRoute({
    ...key,
    method: 'delete',
    path: '/api/v1/sessions/{id}',
    summary: 'Move a session to the trash (restorable for 30 days), or delete it for good with purge=true',
    description:
      'Trash hides it at once from lists, search, share links, posts, project pages and exports, and ends its live ' +
      'streams; the answer says until when it can be restored (`purgeAt`). `purge=true` deletes it and its events ' +
      'permanently (`purged: true`).',
    query: DeleteQuery,
    responses: { 200: { schema: TrashResponse } },
    errors: [404],
    handler: async ({ c, deps, params: { id }, query }) => {
      const caller = c.get('caller');
      if (query.purge) {
        await purgeSession(deps, caller, id);
        return c.json({ deleted: true as const, id, purged: true });
      }
      return c.json({ deleted: true as const, ...(await trashSession(deps, caller, id)) });
    },
  }),
  apiRoute({
    ...key,
    method: 'post',
    path: '/api/v1/sessions/{id}/restore',
    summary: 'Bring a session back from the trash (with its share link, posts and project place)',
    responses: { 200: { schema: SessionSummaryResponse } },
    errors: [404],
    handler: async ({ c, deps, params }) =>
      c.json({ session: await restoreSession(deps, c.get('caller'), params.id) }),
  }),
  apiRoute({
    ...key,
    method: 'post',
    path: '/api/v1/sessions/{id}/unshare',
    summary:
      'Withdraw every way a session is shared: private, share link rotated for good, live links revoked',
    responses: { 200: { schema: SessionSummaryResponse } },
    errors: [404],
    handler: async ({ c, deps, params }) =>
      c.json({ session: await unshareSession(deps, c.get('caller'), params.id) }),
  }),
  apiRoute({
    ...key,
    method: 'get',
    path: '/api/v1/sessions/{id}/export',
    summary: 'Export a session (md, json, html, txt, pdf or docx), streamed; comments=true adds its comments',
    query: ExportQuery,
    responses: { 200: { contentType: 'text/markdown' } },
    errors: [404, 413],
    handler: async ({ c, deps, params, query: { format, comments } }) => {
      const caller = c.get('caller');
      const row = await ownSession(deps.store, caller, params.id);
      const opts = comments ? { comments: await exportComments(deps.store, row, caller.userId) } : {};
      return new Response((await exportBody(deps.store, row, format, opts)) as unknown as BodyInit, {
        headers: {
          'Content-Type': CONTENT_TYPES[format],
          'Content-Disposition': `attachment; filename="${exportFileName(row.id, format)}"`,
          'X-Baton-Session-Id': encodeURIComponent(row.id),
        },
      });
    },
  }),
];
