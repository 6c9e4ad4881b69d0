// Who may do what on a live stream: producer token (write), owner (API key or web cookie), viewer token (read only).
import type { Context } from 'hono';
import { BatonError } from '../../src/core/errors.js';
import { bearer } from './http.js';
import type { LiveStore, LiveStreamRow } from './store.js';
import { hashToken, PRODUCER_PREFIX, VIEWER_PREFIX } from './tokens.js';

/** Supplied by the tracker's key and web-session services. */
export interface LiveAuth {
  /** The user owning a raw API key, or null when it is unknown, revoked or expired. */
  userFromApiKey(rawKey: string): Promise<{ userId: string } | null>;
  /** The user of the browser session cookie, or null. */
  userFromCookie(c: Context): Promise<{ userId: string } | null>;
}

export const PRODUCER_HEADER = 'x-baton-producer-token';

export async function requireApiUser(c: Context, auth: LiveAuth): Promise<{ userId: string }> {
  const token = bearer(c);
  if (!token) throw new BatonError('auth', 'An API key is required (Authorization: Bearer <key>).');
  if (token.startsWith(PRODUCER_PREFIX) || token.startsWith(VIEWER_PREFIX)) {
    throw new BatonError('forbidden', 'Live stream tokens cannot create streams; use an API key.');
  }
  const user = await auth.userFromApiKey(token);
  if (!user) throw new BatonError('auth', 'The API key is invalid, expired or revoked.');
  return user;
}

/**
 * Resolves the stream a write (or owner read) is about. Accepted: the producer token as Bearer; the producer token in
 * X-Baton-Producer-Token next to a valid API key; or the owner's API key (or web cookie, for reads only).
 * A viewer token is always refused: it is a read capability that travels in URLs.
 */
export async function authorizeStream(
  c: Context,
  liveId: string,
  store: LiveStore,
  auth: LiveAuth,
  opts: { allowCookie: boolean },
): Promise<{ row: LiveStreamRow; as: 'producer' | 'owner' }> {
  const token = bearer(c);
  const producerHeader = c.req.header(PRODUCER_HEADER);
  if (token?.startsWith(VIEWER_PREFIX) || producerHeader?.startsWith(VIEWER_PREFIX)) {
    throw new BatonError('forbidden', 'A viewer token is read-only.');
  }
  const row = await store.getById(liveId);
  if (!row) throw new BatonError('not_found', 'No such live stream.');

  if (producerHeader) {
    if (hashToken(producerHeader) !== row.producer_token_hash)
      throw new BatonError('forbidden', 'The producer token does not match this stream.');
    if (token && !(await auth.userFromApiKey(token)))
      throw new BatonError('auth', 'The API key is invalid, expired or revoked.');
    return { row, as: 'producer' };
  }
  if (token?.startsWith(PRODUCER_PREFIX)) {
    if (hashToken(token) !== row.producer_token_hash)
      throw new BatonError('forbidden', 'The producer token does not match this stream.');
    return { row, as: 'producer' };
  }
  if (token) {
    const user = await auth.userFromApiKey(token);
    if (!user) throw new BatonError('auth', 'The API key is invalid, expired or revoked.');
    // Someone else's stream is reported as missing, not forbidden: ids are not confirmed to strangers.
    if (user.userId !== row.owner_id) throw new BatonError('not_found', 'No such live stream.');
    return { row, as: 'owner' };
  }
  if (opts.allowCookie) {
    const user = await auth.userFromCookie(c);
    if (user && user.userId === row.owner_id) return { row, as: 'owner' };
    if (user) throw new BatonError('not_found', 'No such live stream.');
  }
  throw new BatonError('auth', "Authentication required: a producer token or the owner's API key.");
}
