// Typed errors with stable codes: callers branch on `code`, never on message text.

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

export class BatonError extends Error {
  readonly code: BatonErrorCode;
  readonly details?: unknown;

  constructor(code: BatonErrorCode, message: string, options?: { cause?: unknown; details?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BatonError';
    this.code = code;
    this.details = options?.details;
  }
}

export function isBatonError(value: unknown): value is BatonError {
  return value instanceof BatonError;
}
