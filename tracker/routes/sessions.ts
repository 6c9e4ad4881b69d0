// /api/v1/sessions: push, append events, bulk upload, list/search, read, patch, delete and export.
import type { Hono } from 'hono';
import {
  AppendEventsRequest,
  ExportQuery,
  GetSessionQuery,
  ListSessionsQuery,
  PatchSessionRequest,
  PushSessionRequest,
  UploadSessionsRequest,
} from '../../src/core/api/index.js';
import { limitBody } from '../http/body-limit.js';
import type { AppEnv } from '../http/env.js';
import { readJson, readQuery } from '../http/validate.js';
import { CONTENT_TYPES, exportFileName, exportStream } from '../services/export.js';
import {
  appendEvents,
  deleteSession,
  getSession,
  listSessions,
  ownSession,
  patchSession,
  pushSession,
  uploadSessions,
} from '../services/sessions.js';
import type { RouteContext } from './context.js';

export function registerSessionRoutes(app: Hono<AppEnv>, { deps, auth }: RouteContext): void {
  const { limits } = deps.config;
  const sessionBody = limitBody(limits.sessionBodyBytes);

  app.post('/api/v1/sessions', auth, sessionBody, async (c) => {
    const req = await readJson(c, PushSessionRequest);
    return c.json(await pushSession(deps, c.get('caller'), req), 200);
  });
  app.post('/api/v1/sessions/upload', auth, limitBody(limits.uploadBodyBytes), async (c) => {
    const req = await readJson(c, UploadSessionsRequest);
    return c.json(await uploadSessions(deps, c.get('caller'), req), 200);
  });
  app.post('/api/v1/sessions/:id/events', auth, sessionBody, async (c) => {
    const req = await readJson(c, AppendEventsRequest);
    return c.json(await appendEvents(deps, c.get('caller'), c.req.param('id'), req), 200);
  });
  app.get('/api/v1/sessions', auth, async (c) => {
    return c.json(await listSessions(deps, c.get('caller'), readQuery(c, ListSessionsQuery)));
  });
  app.get('/api/v1/sessions/:id', auth, async (c) => {
    const page = readQuery(c, GetSessionQuery);
    return c.json(await getSession(deps, c.get('caller'), c.req.param('id'), page));
  });
  app.patch('/api/v1/sessions/:id', auth, limitBody(limits.bodyBytes), async (c) => {
    const req = await readJson(c, PatchSessionRequest);
    return c.json(await patchSession(deps, c.get('caller'), c.req.param('id'), req));
  });
  app.delete('/api/v1/sessions/:id', auth, async (c) => {
    const id = c.req.param('id');
    await deleteSession(deps, c.get('caller'), id);
    return c.json({ deleted: true as const, id });
  });
  app.get('/api/v1/sessions/:id/export', auth, async (c) => {
    const { format } = readQuery(c, ExportQuery);
    const row = await ownSession(deps.store, c.get('caller'), c.req.param('id'));
    return new Response(exportStream(deps.store, row, format), {
      headers: {
        'Content-Type': CONTENT_TYPES[format],
        'Content-Disposition': `attachment; filename="${exportFileName(row.id, format)}"`,
        'X-Baton-Session-Id': encodeURIComponent(row.id),
      },
    });
  });
}
