// Typed errors with stable codes: callers branch on `code` (and `reason`), never on message text.
// Type-only import: hooks load this file, and must not load zod.
import type { ErrorReason, ReasonedError } from './api/common.js';

export type BatonErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'already_exists'
  | 'io'
  | 'config'
  | 'disabled'
  | 'timeout'
  | 'network'
  | 'auth'
  | 'forbidden'
  | 'rate_limited'
  | 'invalid_request'
  | 'too_large'
  | 'gone'
  | 'conflict'
  | 'server'
  | 'internal'
  /** Outbound data that bypassed the egress gate (src/core/egress): a programming error, refused before it leaves. */
  | 'egress_ungated';

/** An HTTP failure as the tracker client saw it (src/client/errors.ts): every non-2xx carries these details. */
export interface HttpFailureDetails {
  status: number;
  /** The tracker's own `error.code`, when the body had one. */
  serverCode?: string;
  serverMessage?: string;
  /** The tracker's `error.reason`, when it sent one this client knows (see ErrorReason). */
  reason?: ErrorReason;
  requestId?: string;
  /** From Retry-After (or the reason's `retryAfterSeconds`): when to come back. */
  retryAfterMs?: number;
  /** The body's `error.details`, as sent (checked against the reason's schema when there is a reason). */
  details?: unknown;
}

/** A thrown transport error (refused, reset, DNS…): the errno or undici code, when there was one. */
export interface TransportFailureDetails {
  cause?: string;
}

export interface TimeoutDetails {
  cause?: string;
  timeoutMs?: number;
  /** The caller's signal aborted the call: not a tracker fault, never retried. */
  cancelled?: boolean;
}

export interface IoDetails {
  errno?: string;
}

/**
 * What `details` holds, per code, where a caller reads it. The HTTP codes carry HttpFailureDetails when the client
 * made them; the tracker throws some of the same codes with its own wire details, so read them with `detailsOf`,
 * whose fields are all optional.
 */
export interface BatonErrorDetails {
  network: TransportFailureDetails;
  timeout: TimeoutDetails;
  io: IoDetails;
  rate_limited: HttpFailureDetails;
  auth: HttpFailureDetails;
  forbidden: HttpFailureDetails;
  not_found: HttpFailureDetails;
  conflict: HttpFailureDetails;
  gone: HttpFailureDetails;
  too_large: HttpFailureDetails;
  invalid_request: HttpFailureDetails;
  /** A 5xx, or (no status) a 2xx whose body did not match the schema: then `issues` says where. */
  server: HttpFailureDetails & { issues?: Array<{ path: string; message: string }> };
}

export interface BatonErrorOptions {
  cause?: unknown;
  details?: unknown;
  /** A stable reason within the code (sent by the tracker as `error.reason`). */
  reason?: ErrorReason;
}

export class BatonError extends Error {
  readonly code: BatonErrorCode;
  readonly details?: unknown;
  readonly reason?: ErrorReason;

  constructor(code: BatonErrorCode, message: string, options?: BatonErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BatonError';
    this.code = code;
    this.details = options?.details;
    if (options?.reason !== undefined) this.reason = options.reason;
  }

  /** A refusal with a stable reason and the details that reason promises (typed by src/core/api ReasonedError). */
  static refusal(code: BatonErrorCode, message: string, r: ReasonedError): BatonError {
    return new BatonError(code, message, { reason: r.reason, details: r.details });
  }
}

export function isBatonError(value: unknown): value is BatonError {
  return value instanceof BatonError;
}

/**
 * The details of `err` when it is a BatonError with `code`, typed for that code; undefined otherwise. Replaces casts
 * like `(err.details as { retryAfterMs?: number })`: `detailsOf(err, 'rate_limited')?.retryAfterMs`.
 */
export function detailsOf<C extends keyof BatonErrorDetails>(
  err: unknown,
  code: C,
): Partial<BatonErrorDetails[C]> | undefined {
  if (!isBatonError(err) || err.code !== code) return undefined;
  const d = err.details;
  return d !== null && typeof d === 'object' && !Array.isArray(d)
    ? (d as Partial<BatonErrorDetails[C]>)
    : undefined;
}

/** The HTTP failure details of `err` (any code) when the tracker answered with an error status; undefined otherwise. */
export function httpFailureOf(err: unknown): HttpFailureDetails | undefined {
  if (!isBatonError(err)) return undefined;
  const d = err.details as Partial<HttpFailureDetails> | null | undefined;
  return d && typeof d === 'object' && typeof d.status === 'number' ? (d as HttpFailureDetails) : undefined;
}

/** The stable reason of `err` (a BatonError from the tracker or the client), or undefined. */
export function reasonOf(err: unknown): ErrorReason | undefined {
  return isBatonError(err) ? err.reason : undefined;
}
