// The one place errors become HTTP responses: `{ error: { code, message, reason?, details? } }`, never a stack trace.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { ErrorReason, ReasonedError } from '../../src/core/api/common.js';
import { BatonError, isBatonError, type BatonErrorCode } from '../../src/core/errors.js';
import type { Logger } from '../log.js';

const STATUS: Partial<Record<BatonErrorCode, ContentfulStatusCode>> = {
  invalid_input: 400,
  invalid_request: 400,
  auth: 401,
  forbidden: 403,
  not_found: 404,
  already_exists: 409,
  conflict: 409,
  gone: 410,
  too_large: 413,
  rate_limited: 429,
};

/** The status a shared error code answers with (500 for codes that are not the client's fault). */
export function statusFor(code: BatonErrorCode): ContentfulStatusCode {
  return STATUS[code] ?? 500;
}

/**
 * A tracker-specific refusal whose stable code is not one of the shared BatonErrorCodes (`key_escalation`,
 * `too_many_viewers`, …). Thrown anywhere below a route; the one error handler turns it into the JSON body.
 */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly opts: { details?: unknown; retryAfterSeconds?: number; reason?: ErrorReason } = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  /** A refusal with a stable reason and the details that reason promises (typed by src/core/api ReasonedError). */
  static refusal(status: ContentfulStatusCode, code: string, message: string, r: ReasonedError): HttpError {
    const retryAfterSeconds =
      r.details && 'retryAfterSeconds' in r.details && typeof r.details.retryAfterSeconds === 'number'
        ? r.details.retryAfterSeconds
        : undefined;
    return new HttpError(status, code, message, {
      reason: r.reason,
      details: r.details,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    });
  }
}

/** A 429/503 tells the client when to come back; the seconds travel in the header and in details. */
function retryAfterOf(details: unknown): number | undefined {
  const v = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof v === 'number' && v > 0 ? Math.ceil(v) : undefined;
}

/**
 * The error body. `reason` (optional, from the closed ErrorReason enum) sits beside `code`, which keeps its old values
 * so clients that predate reasons read the same body as before.
 */
export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  details?: unknown,
  reason?: ErrorReason,
) {
  const retryAfter = retryAfterOf(details);
  if (retryAfter !== undefined && (status === 429 || status === 503))
    c.header('Retry-After', String(retryAfter));
  return c.json(
    {
      error: {
        code,
        message,
        ...(reason === undefined ? {} : { reason }),
        ...(details === undefined ? {} : { details }),
      },
    },
    status,
  );
}

/** An error body with a stable reason; `details` are typed by the reason, so a refusal cannot send the wrong shape. */
export function refusalResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  r: ReasonedError,
) {
  return errorResponse(c, status, code, message, r.details, r.reason);
}

/** zod issues as `[{ path, message, code }]`, capped so a huge bad body cannot produce a huge error. */
export function issueDetails(
  error: z.ZodError,
): Array<{ path: Array<string | number>; message: string; code: string }> {
  return error.issues.slice(0, 20).map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: i.message,
    code: i.code,
  }));
}

export function createErrorHandler(logger: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof HttpError) {
      const details =
        err.opts.retryAfterSeconds !== undefined
          ? { ...(err.opts.details as object | undefined), retryAfterSeconds: err.opts.retryAfterSeconds }
          : err.opts.details;
      return errorResponse(c, err.status, err.code, err.message, details, err.opts.reason);
    }
    if (isBatonError(err)) {
      const status = STATUS[err.code];
      if (status) return errorResponse(c, status, err.code, err.message, err.details, err.reason);
    }
    if (err instanceof z.ZodError)
      return errorResponse(c, 400, 'invalid_request', 'invalid request', issueDetails(err));
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      if (status === 413) return errorResponse(c, 413, 'too_large', 'request body too large');
      if (status < 500) return errorResponse(c, status, 'invalid_request', err.message || 'bad request');
    }
    logger.error('request failed', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
    });
    return errorResponse(c, 500, 'internal', 'internal error');
  };
}

export function notFound(c: Context) {
  return errorResponse(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`);
}

export { BatonError };
