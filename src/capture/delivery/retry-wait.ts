// How long a delivery loop (sender, live sink) waits before its next try: the tracker's Retry-After, else THE backoff.
import { backoffDelay, type BackoffOptions } from '../../client/backoff.js';
import type { BatonError } from '../../core/errors.js';

/** What the tracker asked for (a 429, or a 503 with Retry-After), in ms; undefined when it asked nothing. */
export function retryAfterMs(err: BatonError): number | undefined {
  const asked = (err.details as { retryAfterMs?: number | null } | undefined)?.retryAfterMs;
  return typeof asked === 'number' ? asked : undefined;
}

/**
 * Wait before retry number `attempt` (0-based) after `err`. These loops run their client with `maxRetries: 0`, so
 * this is the only wait on their path: one retry owner, one backoff formula (src/client/backoff.ts).
 */
export function retryWait(
  err: BatonError,
  attempt: number,
  backoff: BackoffOptions,
  random: () => number = Math.random,
): number {
  return retryAfterMs(err) ?? backoffDelay(attempt, backoff, random);
}
