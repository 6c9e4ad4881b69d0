// How long a delivery loop (sender, live sink) waits before its next try: the tracker's Retry-After, else THE backoff.
import { backoffDelay, type BackoffOptions } from '../../client/backoff.js';
import { retryAfterMsOf } from '../../client/errors.js';
import type { BatonError } from '../../core/errors.js';

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
  return retryAfterMsOf(err) ?? backoffDelay(attempt, backoff, random);
}
