// /live/:viewerToken/events: the read-only SSE feed behind a shared view URL (no login for unlisted streams).
import type { Context, Hono } from 'hono';
import { LiveEventsQuery, type LiveStatusProbe } from '../../src/core/api/live.js';
import { BatonError } from '../../src/core/errors.js';
import { readQuery } from '../http/validate.js';
import type { AppEnv } from '../http/env.js';
import type { LiveRouteDeps } from './api-routes.js';
import type { LiveAuth } from './auth.js';
import type { LiveService } from './service.js';
import { openLiveSse, parseLastEventId } from './sse.js';
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
  if (status === 'revoked')
    throw new BatonError('gone', 'This live stream was ended by its owner.', { details: { status } });
  if (status === 'expired')
    throw new BatonError('gone', 'This live stream has expired.', { details: { status } });
  return row;
}

/** On the tracker app (its error handler and headers); anonymous, so only the viewer gate bounds the feed. */
export function registerLiveViewerRoutes(app: Hono<AppEnv>, d: LiveRouteDeps): void {
  // The viewer page polls this while reconnecting, to tell an ended stream from a network hiccup.
  app.get('/live/:viewerToken/status', async (c) => {
    const info = d.service.info(await resolveViewer(c, c.req.param('viewerToken'), d));
    c.header('cache-control', 'no-store');
    return c.json<LiveStatusProbe>({
      status: info.status,
      title: info.title,
      postUrl: info.postUrl,
      viewers: info.viewers,
      lastSeq: info.lastSeq,
    });
  });

  app.get('/live/:viewerToken/events', async (c) => {
    const { lastEventId } = readQuery(c, LiveEventsQuery);
    const row = await resolveViewer(c, c.req.param('viewerToken'), d);
    const release = d.gate.admit(c, row.id, { viewer: true });
    return openLiveSse(
      {
        hub: d.hub,
        store: d.store,
        row,
        status: d.service.effectiveStatus(row),
        lastEventId: parseLastEventId(c.req.header('last-event-id'), lastEventId),
        viewer: true,
        heartbeatMs: d.heartbeatMs,
        onClose: release,
      },
      c,
    );
  });
}
