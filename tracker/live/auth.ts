// Who may do what on a live stream: producer token (write), owner (API key or web cookie), viewer token (read only).
import type { Context, MiddlewareHandler } from 'hono';
import { BatonError } from '../../src/core/errors.js';
import { bearerToken } from '../http/auth.js';
import type { AppEnv } from '../http/env.js';
import type { LiveStore, LiveStreamRow } from './store.js';
import { hashToken, PRODUCER_PREFIX, VIEWER_PREFIX } from './tokens.js';

/** Supplied by the web-session service: API keys are checked by the tracker's shared auth middleware instead. */
export interface LiveAuth {
  /** The user of the browser session cookie, or null. */
  userFromCookie(c: Context): Promise<{ userId: string } | null>;
}

export const PRODUCER_HEADER = 'x-baton-producer-token';

const isLiveToken = (t: string | null | undefined): boolean =>
  Boolean(t && (t.startsWith(PRODUCER_PREFIX) || t.startsWith(VIEWER_PREFIX)));

/** Stream creation and listing take an API key only: a live token there is a mistake worth naming. */
export function refuseLiveTokens(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (isLiveToken(bearerToken(c.req.header('authorization'))))
      throw new BatonError('forbidden', 'Live stream tokens cannot create or list streams; use an API key.', {
        reason: 'live_token_refused',
      });
    await next();
  };
}

/**
 * For the per-stream routes: a request presenting an API key (alone, or next to the producer token in
 * X-Baton-Producer-Token) goes through the tracker's one auth middleware — key check, rate limit, caller — like
 * every other /api/v1 route. Producer tokens (their own credential, limited per stream by the event bucket),
 * viewer tokens (refused below) and cookie reads pass on to `authorizeStream`.
 */
export function keyAuthUnlessLiveToken(keyAuth: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!token || isLiveToken(token)) return next();
    return keyAuth(c, next);
  };
}

/**
 * Resolves the stream a write (or owner read) is about. Accepted: the producer token as Bearer; the producer token in
 * X-Baton-Producer-Token next to a valid API key; or the owner's API key (or web cookie, for reads only).
 * A viewer token is always refused: it is a read capability that travels in URLs.
 */
export async function authorizeStream(
  c: Context<AppEnv>,
  liveId: string,
  store: LiveStore,
  auth: LiveAuth,
  opts: { allowCookie: boolean },
): Promise<{ row: LiveStreamRow; as: 'producer' | 'owner' }> {
  const token = bearerToken(c.req.header('authorization'));
  const producerHeader = c.req.header(PRODUCER_HEADER);
  if (token?.startsWith(VIEWER_PREFIX) || producerHeader?.startsWith(VIEWER_PREFIX)) {
    throw new BatonError('forbidden', 'A viewer token is read-only.', { reason: 'viewer_token_read_only' });
  }
  const row = await store.getById(liveId);
  if (!row) throw new BatonError('not_found', 'No such live stream.');
  // Set by the shared auth middleware when an API key was presented (and accepted): see keyAuthUnlessLiveToken.
  const caller = c.get('caller') as AppEnv['Variables']['caller'] | undefined;

  if (producerHeader) {
    if (hashToken(producerHeader) !== row.producer_token_hash)
      throw new BatonError('forbidden', 'The producer token does not match this stream.', {
        reason: 'producer_token_mismatch',
      });
    return { row, as: 'producer' };
  }
  if (token?.startsWith(PRODUCER_PREFIX)) {
    if (hashToken(token) !== row.producer_token_hash)
      throw new BatonError('forbidden', 'The producer token does not match this stream.', {
        reason: 'producer_token_mismatch',
      });
    return { row, as: 'producer' };
  }
  if (caller) {
    // Someone else's stream is reported as missing, not forbidden: ids are not confirmed to strangers.
    if (caller.userId !== row.owner_id) throw new BatonError('not_found', 'No such live stream.');
    return { row, as: 'owner' };
  }
  if (opts.allowCookie) {
    const user = await auth.userFromCookie(c);
    if (user && user.userId === row.owner_id) return { row, as: 'owner' };
    if (user) throw new BatonError('not_found', 'No such live stream.');
  }
  throw new BatonError('auth', "Authentication required: a producer token or the owner's API key.", {
    reason: 'live_auth_required',
  });
}
