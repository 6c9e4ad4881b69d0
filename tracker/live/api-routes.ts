// /api/v1/live: create a stream, append events, pause/resume/complete/revoke it, and read it as its owner (SSE).
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import {
  AppendLiveRequest,
  CompleteLiveRequest,
  CreateLiveRequest,
  LiveEventsQuery,
  RevokeLiveQuery,
} from '../../src/core/api/live.js';
import { baseUrlFor, type UrlConfig } from '../http/base-url.js';
import { limitBody } from '../http/body-limit.js';
import type { AppEnv } from '../http/env.js';
import { readJson, readQuery } from '../http/validate.js';
import { authorizeStream, keyAuthUnlessLiveToken, refuseLiveTokens, type LiveAuth } from './auth.js';
import type { LiveHub } from './hub.js';
import type { LiveService } from './service.js';
import { openLiveSse, parseLastEventId } from './sse.js';
import type { LiveStore } from './store.js';
import type { ViewerGate } from './viewer-gate.js';

export interface LiveRouteDeps {
  service: LiveService;
  store: LiveStore;
  hub: LiveHub;
  auth: LiveAuth;
  heartbeatMs: number;
  gate: ViewerGate;
}

const SMALL_BODY = 64 * 1024;
export const EmptyBody = z.object({}).loose();

/**
 * Registered on the tracker app itself, so these routes share its auth (key check and per-key rate limit), body
 * limits, validation and error handler with every other /api/v1 route; `keyAuth` is that app's auth middleware.
 */
export function registerLiveApiRoutes(
  app: Hono<AppEnv>,
  keyAuth: MiddlewareHandler<AppEnv>,
  config: UrlConfig,
  d: LiveRouteDeps,
): void {
  const small = limitBody(SMALL_BODY);
  const stream = keyAuthUnlessLiveToken(keyAuth);
  const baseUrl = (c: Context<AppEnv>) => c.get('caller')?.baseUrl ?? baseUrlFor(c, config);
  const owned = (c: Context<AppEnv>, allowCookie: boolean) =>
    authorizeStream(c, c.req.param('liveId')!, d.store, d.auth, { allowCookie });

  app.post('/api/v1/live', refuseLiveTokens(), keyAuth, small, async (c) => {
    const req = await readJson(c, CreateLiveRequest, { allowEmpty: true });
    return c.json(await d.service.create(c.get('caller').userId, req, baseUrl(c)), 201);
  });

  app.get('/api/v1/live', refuseLiveTokens(), keyAuth, async (c) => {
    const rows = await d.store.listByOwner(c.get('caller').userId, 100);
    return c.json({ streams: rows.map((r) => d.service.info(r)) });
  });

  app.get('/api/v1/live/:liveId', stream, async (c) => {
    const { row } = await owned(c, true);
    return c.json(d.service.info(row));
  });

  app.patch('/api/v1/live/:liveId', stream, limitBody(d.service.limits.maxBatchBytes), async (c) => {
    const { row } = await owned(c, false);
    const body = await readJson(c, AppendLiveRequest);
    return c.json(await d.service.append(row, body.events));
  });

  app.post('/api/v1/live/:liveId/complete', stream, small, async (c) => {
    const { row } = await owned(c, false);
    const body = await readJson(c, CompleteLiveRequest, { allowEmpty: true });
    return c.json(await d.service.complete(row, body, baseUrl(c)));
  });

  app.post('/api/v1/live/:liveId/pause', stream, small, async (c) => {
    const { row } = await owned(c, false);
    await readJson(c, EmptyBody, { allowEmpty: true });
    return c.json(await d.service.pause(row));
  });

  app.post('/api/v1/live/:liveId/resume', stream, small, async (c) => {
    const { row } = await owned(c, false);
    await readJson(c, EmptyBody, { allowEmpty: true });
    return c.json(await d.service.resume(row));
  });

  app.delete('/api/v1/live/:liveId', stream, async (c) => {
    const { purge } = readQuery(c, RevokeLiveQuery);
    const { row } = await owned(c, false);
    return c.json(await d.service.revoke(row, { purge: purge === 'true' }));
  });

  app.get('/api/v1/live/:liveId/events', stream, async (c) => {
    const { lastEventId } = readQuery(c, LiveEventsQuery);
    const { row } = await owned(c, true);
    const release = d.gate.admit(c, row.id, { viewer: false });
    return openLiveSse(
      {
        hub: d.hub,
        store: d.store,
        row,
        status: d.service.effectiveStatus(row),
        lastEventId: parseLastEventId(c.req.header('last-event-id'), lastEventId),
        viewer: false,
        heartbeatMs: d.heartbeatMs,
        onClose: release,
      },
      c,
    );
  });
}
