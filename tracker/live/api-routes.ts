// /api/v1/live: create a stream, append events, pause/resume/complete/revoke it, and read it as its owner (SSE).
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import {
  AppendLiveRequest,
  AppendLiveResponse,
  CompleteLiveRequest,
  CreateLiveRequest,
  CreateLiveResponse,
  ListLiveResponse,
  LiveEventsQuery,
  LiveInfo,
  RevokeLiveQuery,
} from '../../src/core/api/live.js';
import { baseUrlFor, type UrlConfig } from '../http/base-url.js';
import { defineRoute, mountRoutes } from '../http/define-route.js';
import type { AppEnv } from '../http/env.js';
import { authorizeStream, keyAuthUnlessLiveToken, refuseLiveTokens, type LiveAuth } from './auth.js';
import type { LiveHub } from './hub.js';
import type { LiveService } from './service.js';
import { openLiveSse, parseLastEventId } from './sse.js';
import type { LiveStore, LiveStreamRow } from './store.js';
import type { ViewerGate } from './viewer-gate.js';
import type { LivePresence } from './presence.js';
import { streamRoom } from './presence-sse.js';
import type { Identify } from './watcher.js';

export interface LiveRouteDeps {
  service: LiveService;
  store: LiveStore;
  hub: LiveHub;
  auth: LiveAuth;
  heartbeatMs: number;
  gate: ViewerGate;
  presence: LivePresence;
  identify: Identify;
}

type LiveApiDeps = LiveRouteDeps & { config: UrlConfig };

const SMALL_BODY = 64 * 1024;
export const EmptyBody = z.object({}).loose();

const route = defineRoute<LiveApiDeps>();
const baseUrl = (c: Context<AppEnv>, d: LiveApiDeps) => c.get('caller')?.baseUrl ?? baseUrlFor(c, d.config);
const owned = (c: Context<AppEnv>, d: LiveApiDeps, allowCookie: boolean) =>
  authorizeStream(c, c.req.param('liveId')!, d.store, d.auth, { allowCookie });
/** Writes: the producer token or the owner's key, checked before the body is read. */
const writer = async (c: Context<AppEnv>, d: LiveApiDeps) => (await owned(c, d, false)).row;

// Creating and listing take an API key only; per-stream routes also take the stream's producer token.
const keyOnly = { tag: 'live', auth: 'apiKeyOnly', rateLimit: 'perKey' } as const;
const perStream = { tag: 'live', auth: 'liveStream', rateLimit: 'perKey' } as const;

export const LIVE_API_ROUTES = [
  route({
    ...keyOnly,
    method: 'post',
    path: '/api/v1/live',
    summary: 'Start a live stream: returns its producer token (write) and view URL (read)',
    bodyLimit: () => SMALL_BODY,
    body: CreateLiveRequest,
    emptyBody: true,
    responses: { 201: { schema: CreateLiveResponse } },
    errors: [403],
    handler: async ({ c, deps, body }) =>
      c.json(await deps.service.create(c.get('caller').userId, body, baseUrl(c, deps)), 201),
  }),
  route({
    ...keyOnly,
    method: 'get',
    path: '/api/v1/live',
    summary: "The caller's recent live streams",
    responses: { 200: { schema: ListLiveResponse } },
    errors: [403],
    handler: async ({ c, deps }) => {
      const rows = await deps.store.listByOwner(c.get('caller').userId, 100);
      return c.json({ streams: rows.map((r) => deps.service.info(r)) });
    },
  }),
  route({
    ...perStream,
    method: 'get',
    path: '/api/v1/live/{liveId}',
    summary: 'One stream (owner key, producer token or owner web session)',
    responses: { 200: { schema: LiveInfo } },
    errors: [403, 404],
    handler: async ({ c, deps }) => c.json(deps.service.info((await owned(c, deps, true)).row)),
  }),
  route({
    ...perStream,
    method: 'patch',
    path: '/api/v1/live/{liveId}',
    summary: 'Append events (idempotent by seq and transcript uuid); reports gaps',
    description:
      'Limited per stream by an event bucket (429 with Retry-After), per event and per batch size (413).',
    bodyLimit: (d) => d.service.limits.maxBatchBytes,
    authorize: writer,
    body: AppendLiveRequest,
    responses: { 200: { schema: AppendLiveResponse } },
    errors: [403, 404, 410],
    handler: async ({ c, deps, body, allowed: row }) => c.json(await deps.service.append(row, body.events)),
  }),
  route({
    ...perStream,
    method: 'post',
    path: '/api/v1/live/{liveId}/complete',
    summary: 'End the stream normally, optionally publishing it as a post',
    bodyLimit: () => SMALL_BODY,
    authorize: writer,
    body: CompleteLiveRequest,
    emptyBody: true,
    responses: { 200: { schema: LiveInfo } },
    errors: [403, 404, 409, 410],
    handler: async ({ c, deps, body, allowed: row }) =>
      c.json(await deps.service.complete(row, body, baseUrl(c, deps))),
  }),
  ...(['pause', 'resume'] as const).map((action) =>
    route({
      ...perStream,
      method: 'post',
      path: `/api/v1/live/{liveId}/${action}`,
      summary:
        action === 'pause' ? 'Pause the stream (viewers see a paused status)' : 'Resume a paused stream',
      bodyLimit: () => SMALL_BODY,
      authorize: writer,
      body: EmptyBody,
      emptyBody: true,
      responses: { 200: { schema: LiveInfo } },
      errors: [403, 404, 409, 410],
      handler: async ({ c, deps, allowed: row }) => c.json(await deps.service[action](row)),
    }),
  ),
  route({
    ...perStream,
    method: 'delete',
    path: '/api/v1/live/{liveId}',
    summary: 'Revoke the stream at once (viewers get an end event; the view URL answers 410)',
    query: RevokeLiveQuery,
    responses: { 200: { schema: LiveInfo } },
    errors: [403, 404],
    handler: async ({ c, deps, query: { purge } }) => {
      const { row } = await owned(c, deps, false);
      return c.json(await deps.service.revoke(row, { purge: purge === 'true' }));
    },
  }),
  route({
    ...perStream,
    method: 'get',
    path: '/api/v1/live/{liveId}/events',
    summary: 'The stream as Server-Sent Events, for its owner or producer (resumable with Last-Event-ID)',
    description:
      'Counts toward the per-address cap on live connections (429 `too_many_connections`, see the viewer feed).',
    query: LiveEventsQuery,
    responses: { 200: { contentType: 'text/event-stream' } },
    errors: [403, 404],
    handler: async ({ c, deps: d, query: { lastEventId } }) => {
      const { row } = await owned(c, d, true);
      return streamTo(c, d, row, { viewer: false, lastEventId });
    },
  }),
];

/** One SSE connection to a stream, admitted by the viewer gate (its slot freed when the connection closes). */
export async function streamTo(
  c: Context,
  d: LiveRouteDeps,
  row: LiveStreamRow,
  opts: { viewer: boolean; lastEventId: string | undefined },
): Promise<Response> {
  const who = await d.identify(c);
  const release = d.gate.admit(c, row.id, { viewer: opts.viewer });
  return openLiveSse(
    {
      hub: d.hub,
      store: d.store,
      row,
      status: d.service.effectiveStatus(row),
      lastEventId: parseLastEventId(c.req.header('last-event-id'), opts.lastEventId),
      viewer: opts.viewer,
      heartbeatMs: d.heartbeatMs,
      presence: { registry: d.presence, room: streamRoom(row), who },
      onClose: release,
    },
    c,
  );
}

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
  mountRoutes(
    app,
    LIVE_API_ROUTES,
    { ...d, config },
    {
      guards: {
        apiKeyOnly: [refuseLiveTokens(), keyAuth],
        liveStream: [keyAuthUnlessLiveToken(keyAuth)],
      },
    },
  );
}
