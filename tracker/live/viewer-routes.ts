// /live/:viewerToken/events: the read-only SSE feed behind a shared view URL (no login for unlisted streams).
import type { Context } from 'hono';
import { Hono } from 'hono';
import { BatonError } from '../../src/core/errors.js';
import type { LiveAuth } from './auth.js';
import type { LiveHub } from './hub.js';
import { errorResponse } from './http.js';
import type { LiveService } from './service.js';
import { openLiveSse, parseLastEventId } from './sse.js';
import type { LiveStore, LiveStreamRow } from './store.js';
import { hashToken, looksLikeViewerToken } from './tokens.js';

export interface LiveViewerDeps {
  service: LiveService;
  store: LiveStore;
  hub: LiveHub;
  auth: LiveAuth;
  heartbeatMs: number;
}

/**
 * The stream a viewer token opens, or a typed error: unknown → not_found; revoked or expired → gone; a private stream
 * is only for its owner's cookie (anyone else gets not_found, so its existence is not confirmed).
 * Completed streams stay readable: late viewers replay them.
 */
export async function resolveViewer(
  c: Context,
  token: string,
  d: Pick<LiveViewerDeps, 'service' | 'store' | 'auth'>,
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

export function createLiveViewerRoutes(d: LiveViewerDeps): Hono {
  const app = new Hono();
  app.onError((err, c) => errorResponse(c, err));
  app.get('/:viewerToken/events', async (c) => {
    const row = await resolveViewer(c, c.req.param('viewerToken'), d);
    return openLiveSse(
      {
        hub: d.hub,
        store: d.store,
        row,
        status: d.service.effectiveStatus(row),
        lastEventId: parseLastEventId(c.req.header('last-event-id'), c.req.query('lastEventId')),
        viewer: true,
        heartbeatMs: d.heartbeatMs,
      },
      c,
    );
  });
  return app;
}
