// Per-key fixed-window rate limiting with the counter in the database (shared by every tracker instance).
import type { Repositories } from '../db/repositories/index.js';

export const WINDOW_MS = 60_000;

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the current window ends. */
  retryAfterSec: number;
}

export interface RateLimiter {
  check(keyId: string, limitPerMinute: number, now: number): Promise<RateDecision>;
}

export function createRateLimiter(repos: Repositories): RateLimiter {
  let lastPrune = 0;
  return {
    async check(keyId, limit, now) {
      const windowStart = Math.floor(now / WINDOW_MS) * WINDOW_MS;
      const retryAfterSec = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000));
      if (limit <= 0) return { allowed: true, limit: 0, remaining: 0, retryAfterSec };
      const count = await repos.rateLimits.hit(keyId, windowStart);
      // Old windows are useless; sweep them at most once a window per instance.
      if (now - lastPrune > WINDOW_MS) {
        lastPrune = now;
        await repos.rateLimits.prune(windowStart - WINDOW_MS);
      }
      return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), retryAfterSec };
    },
  };
}
