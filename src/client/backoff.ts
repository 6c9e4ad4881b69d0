// Retry timing: exponential backoff with full jitter, and Retry-After parsing (seconds or HTTP date).

export interface BackoffOptions {
  /** First retry waits up to this long (before jitter). */
  baseMs: number;
  /** No single wait exceeds this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = Object.freeze({ baseMs: 250, maxMs: 8_000 });

/**
 * Wait before retry number `attempt` (0-based). Full jitter (a uniform pick in [0, cap]) spreads clients that failed
 * together, so a tracker coming back up is not hit by all of them in the same millisecond. Never below 10% of cap,
 * so a retry is never immediate.
 */
export function backoffDelay(
  attempt: number,
  opts: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const cap = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(cap * (0.1 + 0.9 * random()));
}

/** Milliseconds a `Retry-After` header asks us to wait, or null when absent or unparseable. */
export function parseRetryAfter(
  header: string | string[] | undefined,
  now: number = Date.now(),
): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
