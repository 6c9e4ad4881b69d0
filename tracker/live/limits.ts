// Per-stream write limits: a token bucket for event rate plus size caps, all configurable.
export interface LiveLimits {
  /** Sustained events per second per stream. */
  eventsPerSecond: number;
  /** Events a stream may send at once above the sustained rate. */
  burst: number;
  /** One event's JSON, in bytes. */
  maxEventBytes: number;
  /** One PATCH body, in bytes. */
  maxBatchBytes: number;
  /** All events of one stream, in bytes. */
  maxStreamBytes: number;
  maxStreamEvents: number;
}

export const DEFAULT_LIVE_LIMITS: LiveLimits = {
  eventsPerSecond: 200,
  burst: 2000,
  maxEventBytes: 512 * 1024,
  maxBatchBytes: 4 * 1024 * 1024,
  maxStreamBytes: 200 * 1024 * 1024,
  maxStreamEvents: 200_000,
};

interface Bucket {
  tokens: number;
  at: number;
}

/** In-memory, per instance: a producer talks to one instance at a time, so a shared bucket is not worth a round trip. */
export function createRateLimiter(
  limits: Pick<LiveLimits, 'eventsPerSecond' | 'burst'>,
  now: () => number = Date.now,
) {
  const buckets = new Map<string, Bucket>();
  return {
    /** Takes `n` tokens, or returns the seconds to wait when the bucket cannot cover them. */
    take(key: string, n: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
      const t = now();
      const b = buckets.get(key) ?? { tokens: limits.burst, at: t };
      b.tokens = Math.min(limits.burst, b.tokens + ((t - b.at) / 1000) * limits.eventsPerSecond);
      b.at = t;
      buckets.set(key, b);
      if (n > limits.burst) return { ok: false, retryAfterSeconds: Math.ceil(n / limits.eventsPerSecond) };
      if (b.tokens >= n) {
        b.tokens -= n;
        return { ok: true };
      }
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((n - b.tokens) / limits.eventsPerSecond)),
      };
    },
    forget(key: string): void {
      buckets.delete(key);
    },
  };
}
