// /live/:viewerToken/events: the read-only SSE feed behind a shared view URL (no login for unlisted streams).
import type { Context, Hono } from 'hono';
import { LiveEventsQuery, LiveStatusProbe } from '../../src/core/api/live.js';
import { BatonError } from '../../src/core/errors.js';
import { defineRoute, mountRoutes } from '../http/define-route.js';
import type { AppEnv } from '../http/env.js';
import { streamTo, type LiveRouteDeps } from './api-routes.js';
import type { LiveAuth } from './auth.js';
import type { LiveService } from './service.js';
import type { LiveStore, LiveStreamRow } from './store.js';
import { hashToken, looksLikeViewerToken } from './tokens.js';

/**
 * The stream a viewer token opens, or a typed error: unknown → not_found; revoked or expired → gone; a private stream
 * is only for its owner's cookie (anyone else gets not_found, so its existence is not confirmed).
 * Completed streams stay readable: late viewers replay them.
 */
export async function resolveViewer(
  c: Context,
  token: string,
  d: { service: LiveService; store: LiveStore; auth: LiveAuth },
): Promise<LiveStreamRow> {
  if (!looksLikeViewerToken(token)) throw new BatonError('not_found', 'No such live stream.');
  const row = await d.store.getByViewerHash(hashToken(token));
  if (!row) throw new BatonError('not_found', 'No such live stream.');
  if (row.visibility === 'private') {
    const user = await d.auth.userFromCookie(c);
    if (!user || user.userId !== row.owner_id) throw new BatonError('not_found', 'No such live stream.');
  }
  const status = d.service.effectiveStatus(row);
  const ended = { reason: 'stream_ended', details: { status } } as const;
  if (status === 'revoked')
    throw BatonError.refusal('gone', 'This live stream was ended by its owner.', ended);
  if (status === 'expired') throw BatonError.refusal('gone', 'This live stream has expired.', ended);
  return row;
}

const route = defineRoute<LiveRouteDeps>();
// Anonymous, so no per-key limit: the viewer gate (per stream, per address) bounds the feed instead.
const viewer = { tag: 'live', auth: 'none', rateLimit: 'none' } as const;

export const LIVE_VIEWER_ROUTES = [
  route({
    ...viewer,
    method: 'get',
    path: '/live/{viewerToken}/events',
    summary: 'The read-only feed behind a view URL (Server-Sent Events; no key for unlisted streams)',
    description:
      'Capped per stream (503 `stream_full`) and per client address (429 `too_many_connections`), both with ' +
      "Retry-After, so one shared link cannot exhaust the server's connections. Defaults: 200 viewers per stream, " +
      '20 live connections per address, per tracker instance (BATON_TRACKER_LIVE_MAX_VIEWERS, ' +
      "BATON_TRACKER_LIVE_MAX_PER_ADDRESS). The address is the socket peer, or the trusted proxy's last " +
      'X-Forwarded-For entry under --trust-proxy.',
    query: LiveEventsQuery,
    responses: { 200: { contentType: 'text/event-stream' } },
    errors: [404, 410, 429, 503],
    handler: async ({ c, deps: d, params, query: { lastEventId } }) => {
      const row = await resolveViewer(c, params.viewerToken, d);
      return streamTo(c, d, row, { viewer: true, lastEventId });
    },
  }),
  route({
    ...viewer,
    method: 'get',
    path: '/live/{viewerToken}/status',
    summary: 'Status probe behind a view URL (no key for unlisted streams)',
    responses: { 200: { schema: LiveStatusProbe } },
    errors: [404, 410],
    // The viewer page polls this while reconnecting, to tell an ended stream from a network hiccup.
    handler: async ({ c, deps: d, params }) => {
      const info = d.service.info(await resolveViewer(c, params.viewerToken, d));
      c.header('cache-control', 'no-store');
      return c.json<LiveStatusProbe>({
        status: info.status,
        title: info.title,
        postUrl: info.postUrl,
        viewers: info.viewers,
        lastSeq: info.lastSeq,
      });
    },
  }),
];

/** On the tracker app (its error handler and headers). */
export function registerLiveViewerRoutes(app: Hono<AppEnv>, d: LiveRouteDeps): void {
  mountRoutes(app, LIVE_VIEWER_ROUTES, d, { guards: { none: [] } });
}
