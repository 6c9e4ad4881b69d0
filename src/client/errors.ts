// Turns HTTP statuses, error bodies and undici failures into BatonErrors a user can act on (by code and reason, never
// by the server's message text).
import { ErrorBody, ReasonedError, type ErrorReason } from '../core/api/common.js';
import {
  BatonError,
  detailsOf,
  type BatonErrorCode,
  type HttpFailureDetails,
  type TransportFailureDetails,
} from '../core/errors.js';

export interface ErrorContext {
  /** Tracker base URL, for messages that point at its settings page. */
  baseUrl: string;
  method: string;
  path: string;
}

/** Kept under its old name for callers that import it from the client. */
export type HttpErrorDetails = HttpFailureDetails;

interface ParsedErrorBody {
  code?: string;
  message?: string;
  /** The reason with its details, when both match what that reason promises. */
  reasoned?: ReasonedError;
  details?: unknown;
}

function parseErrorBody(text: string): ParsedErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {}; // not JSON: a proxy's HTML error page, say
  }
  const parsed = ErrorBody.safeParse(json);
  if (!parsed.success) return {};
  const { reason, ...rest } = parsed.data.error;
  if (reason === undefined) return rest;
  const typed = ReasonedError.safeParse({ reason, details: rest.details });
  return typed.success ? { ...rest, reasoned: typed.data } : rest;
}

/** The message for a 401: which of missing/revoked/expired/invalid (by the tracker's reason), and where to fix it. */
function authMessage(reason: ErrorReason | undefined, baseUrl: string): string {
  const settings = `${baseUrl}/settings`;
  switch (reason) {
    case 'key_revoked':
      return `API key revoked — create a new one at ${settings}, then run \`baton login\``;
    case 'key_expired':
      return `API key expired — create a new one at ${settings}, then run \`baton login\``;
    case 'key_missing':
    case 'live_auth_required': // no credential at all on a live stream route: the same fix
      return `no API key configured for ${baseUrl} — run \`baton login\``;
    default:
      return `API key not accepted by ${baseUrl} — check it, or create a new one at ${settings} and run \`baton login\``;
  }
}

/** How long a refusal asks us to wait: the Retry-After header, else the seconds its reason carries. */
function retryAfterOf(body: ParsedErrorBody, header: number | null | undefined): number | undefined {
  if (header != null) return header;
  const r = body.reasoned;
  if (r && (r.reason === 'rate_limited' || r.reason === 'stream_full' || r.reason === 'too_many_connections'))
    return Math.round(r.details.retryAfterSeconds * 1000);
  return undefined;
}

/** The BatonError for a non-2xx response. */
export function httpError(
  status: number,
  bodyText: string,
  ctx: ErrorContext,
  extra: { requestId?: string; retryAfterMs?: number | null } = {},
): BatonError {
  const body = parseErrorBody(bodyText);
  const reason = body.reasoned?.reason;
  const retryAfterMs = retryAfterOf(body, extra.retryAfterMs);
  const details: HttpFailureDetails = {
    status,
    ...(body.code ? { serverCode: body.code } : {}),
    ...(body.message ? { serverMessage: body.message } : {}),
    ...(reason ? { reason } : {}),
    ...(extra.requestId ? { requestId: extra.requestId } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(body.details !== undefined ? { details: body.details } : {}),
  };
  const what = `${ctx.method} ${ctx.path}`;
  const said = body.message ? `: ${body.message}` : '';
  let code: BatonErrorCode;
  let message: string;
  if (status === 401) {
    code = 'auth';
    message = authMessage(reason, ctx.baseUrl);
  } else if (status === 403) {
    code = 'auth';
    message = `the tracker refused ${what}${said} (this key may not have access)`;
  } else if (status === 429) {
    code = 'rate_limited';
    const wait = retryAfterMs !== undefined ? ` — retry in ${Math.ceil(retryAfterMs / 1000)} s` : '';
    message = `rate limited by the tracker${wait}${said}`;
  } else if (status >= 500) {
    code = 'server';
    message = `the tracker failed (${status}) on ${what}${said}`;
  } else {
    code =
      status === 404
        ? 'not_found'
        : status === 409
          ? 'conflict'
          : status === 410
            ? 'gone'
            : status === 413
              ? 'too_large'
              : 'invalid_request';
    message = `the tracker rejected ${what} (${status})${said}`;
  }
  return new BatonError(code, message, { details, ...(reason ? { reason } : {}) });
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CONNECT',
]);

/** Failures where the request surely never reached the server: safe to retry even a non-idempotent call. */
export function neverReachedServer(err: BatonError): boolean {
  const cause = (detailsOf(err, 'network') ?? detailsOf(err, 'timeout'))?.cause;
  return (
    cause === 'ECONNREFUSED' ||
    cause === 'ENOTFOUND' ||
    cause === 'EAI_AGAIN' ||
    cause === 'UND_ERR_CONNECT_TIMEOUT'
  );
}

/** The BatonError for a thrown transport error (refused, reset, DNS...). */
export function transportError(err: unknown, ctx: ErrorContext): BatonError {
  const code = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
  const host = safeHost(ctx.baseUrl);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    const details: TransportFailureDetails = { cause: code };
    return new BatonError('timeout', `timed out connecting to the tracker at ${host}`, {
      cause: err,
      details,
    });
  }
  const reason =
    code === 'ECONNREFUSED'
      ? 'connection refused (is the tracker running?)'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'host not found'
        : code && NETWORK_CODES.has(code)
          ? `connection failed (${code})`
          : `${(err as Error).message ?? String(err)}`;
  return new BatonError('network', `cannot reach the tracker at ${host}: ${reason}`, {
    cause: err,
    details: { cause: code },
  });
}

export function timeoutError(ms: number, ctx: ErrorContext): BatonError {
  return new BatonError(
    'timeout',
    `the tracker at ${safeHost(ctx.baseUrl)} did not answer ${ctx.method} ${ctx.path} within ${ms} ms`,
    {
      details: { timeoutMs: ms },
    },
  );
}

function safeHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/** Whether a failed attempt may be retried at all (idempotency decides the rest). */
export function isRetryable(err: BatonError): boolean {
  return (
    err.code === 'network' || err.code === 'timeout' || err.code === 'server' || err.code === 'rate_limited'
  );
}

/**
 * How long the tracker asked us to wait before trying again (a 429, or a 503 with Retry-After), or undefined. For
 * callers that own their retry loop (sender, live sink) and run the client with `maxRetries: 0`.
 */
export function retryAfterMsOf(err: unknown): number | undefined {
  if (!(err instanceof BatonError)) return undefined;
  const d = err.code === 'rate_limited' ? detailsOf(err, 'rate_limited') : detailsOf(err, 'server');
  return d?.retryAfterMs;
}
