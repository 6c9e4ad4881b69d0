// /api/v1/live: create a stream, append events, pause/resume/complete/revoke it, and read it as its owner (SSE).
import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppendLiveRequest, CompleteLiveRequest, CreateLiveRequest } from '../../src/core/api/live.js';
import { z } from 'zod';
import { authorizeStream, requireApiUser, type LiveAuth } from './auth.js';
import type { LiveHub } from './hub.js';
import { errorResponse, readJson } from './http.js';
import type { LiveService } from './service.js';
import { openLiveSse, parseLastEventId } from './sse.js';
import type { LiveStore } from './store.js';

export interface LiveApiDeps {
  service: LiveService;
  store: LiveStore;
  hub: LiveHub;
  auth: LiveAuth;
  heartbeatMs: number;
  baseUrl: (c: Context) => string;
}

const SMALL_BODY = 64 * 1024;

export function createLiveApiRoutes(d: LiveApiDeps): Hono {
  const app = new Hono();
  app.onError((err, c) => errorResponse(c, err));

  app.post('/', async (c) => {
    const user = await requireApiUser(c, d.auth);
    const req = await readJson(c, CreateLiveRequest, SMALL_BODY, true);
    return c.json(await d.service.create(user.userId, req, d.baseUrl(c)), 201);
  });

  app.get('/', async (c) => {
    const user = await requireApiUser(c, d.auth);
    const rows = await d.store.listByOwner(user.userId, 100);
    return c.json({ streams: rows.map((r) => d.service.info(r)) });
  });

  app.get('/:liveId', async (c) => {
    const { row } = await authorizeStream(c, c.req.param('liveId'), d.store, d.auth, { allowCookie: true });
    return c.json(d.service.info(row));
  });

  app.patch('/:liveId', async (c) => {
    const { row } = await authorizeStream(c, c.req.param('liveId'), d.store, d.auth, { allowCookie: false });
    const body = await readJson(c, AppendLiveRequest, d.service.limits.maxBatchBytes);
    return c.json(await d.service.append(row, body.events));
  });

  app.post('/:liveId/complete', async (c) => {
    const { row } = await authorizeStream(c, c.req.param('liveId'), d.store, d.auth, { allowCookie: false });
    const body = await readJson(c, CompleteLiveRequest, SMALL_BODY, true);
    return c.json(await d.service.complete(row, body, d.baseUrl(c)));
  });

  const EmptyBody = z.object({}).loose();
  app.post('/:liveId/pause', async (c) => {
    const { row } = await authorizeStream(c, c.req.param('liveId'), d.store, d.auth, { allowCookie: false });
    await readJson(c, EmptyBody, SMALL_BODY, true);
    return c.json(await d.service.pause(row));
  });

  app.post('/:liveId/resume', async (c) => {
    const { row } = await authorizeStream(c, c.req.param('liveId'), d.store, d.auth, { allowCookie: false });
    await readJson(c, EmptyBody, SMALL_BODY, true);
    return c.json(await d.service.resume(row));
  });

  app.delete('/:liveId', async (c) => {
    const { row } = await authorizeStream(c, c.req.param('liveId'), d.store, d.auth, { allowCookie: false });
    return c.json(await d.service.revoke(row, { purge: c.req.query('purge') === 'true' }));
  });

  app.get('/:liveId/events', async (c) => {
    const { row } = await authorizeStream(c, c.req.param('liveId'), d.store, d.auth, { allowCookie: true });
    return openLiveSse(
      {
        hub: d.hub,
        store: d.store,
        row,
        status: d.service.effectiveStatus(row),
        lastEventId: parseLastEventId(c.req.header('last-event-id'), c.req.query('lastEventId')),
        viewer: false,
        heartbeatMs: d.heartbeatMs,
      },
      c,
    );
  });

  return app;
}
