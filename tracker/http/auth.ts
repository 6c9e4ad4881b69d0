// Bearer-key authentication and per-key rate limiting for every /api/v1 route that needs a caller.
import type { MiddlewareHandler } from 'hono';
import type { ServiceDeps } from '../services/service-deps.js';
import { TOUCH_INTERVAL_MS, verifyKey, type AuthFailure } from '../services/keys.js';
import { createRateLimiter } from '../services/rate-limit.js';
import { baseUrlFor } from './base-url.js';
import type { ErrorReason } from '../../src/core/api/common.js';
import { errorResponse, refusalResponse } from './errors.js';
import type { AppEnv } from './env.js';

/** Each failure's message (for people; unchanged, older clients show it) and stable reason (for programs). */
const REFUSALS: Record<AuthFailure, { message: string; reason: ErrorReason }> = {
  missing: { message: 'an API key is required: Authorization: Bearer <key>', reason: 'key_missing' },
  invalid: { message: 'the API key is not valid', reason: 'key_invalid' },
  revoked: { message: 'the API key has been revoked', reason: 'key_revoked' },
  expired: { message: 'the API key has expired', reason: 'key_expired' },
};

export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

export function createAuth(deps: ServiceDeps): MiddlewareHandler<AppEnv> {
  const limiter = createRateLimiter(deps.store);
  // Saves a DB round trip on most requests; the SQL condition still keeps it to once a minute across instances.
  const touched = new Map<string, number>();
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    const now = deps.now();
    const result = token
      ? await verifyKey(deps.store, token, now)
      : ({ ok: false, reason: 'missing' } as const);
    if (!result.ok) {
      c.header('WWW-Authenticate', 'Bearer');
      const { message, reason } = REFUSALS[result.reason];
      return errorResponse(c, 401, 'auth', message, undefined, reason);
    }
    const { key, user } = result;
    const rate = await limiter.check(key.id, Number(key.rate_limit_per_minute), now);
    if (rate.limit > 0) {
      c.header('X-RateLimit-Limit', String(rate.limit));
      c.header('X-RateLimit-Remaining', String(rate.remaining));
    }
    if (!rate.allowed) {
      return refusalResponse(
        c,
        429,
        'rate_limited',
        `rate limit of ${rate.limit} requests per minute exceeded`,
        {
          reason: 'rate_limited',
          details: { retryAfterSeconds: rate.retryAfterSec, limit: rate.limit },
        },
      );
    }
    if (now - (touched.get(key.id) ?? 0) >= TOUCH_INTERVAL_MS) {
      touched.set(key.id, now);
      if (touched.size > 10_000) touched.clear();
      await deps.store.keys.touch(key.id, now, TOUCH_INTERVAL_MS);
    }
    c.set('caller', { userId: user.id, role: user.role, keyId: key.id, baseUrl: baseUrlFor(c, deps.config) });
    await next();
  };
}
