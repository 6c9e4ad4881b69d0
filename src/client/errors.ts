// Turns HTTP statuses, error bodies and undici failures into BatonErrors a user can act on.
import { ErrorBody } from '../core/api/common.js';
import { BatonError, type BatonErrorCode } from '../core/errors.js';

export interface ErrorContext {
  /** Tracker base URL, for messages that point at its settings page. */
  baseUrl: string;
  method: string;
  path: string;
}

export interface HttpErrorDetails {
  status: number;
  /** The tracker's own `error.code`, when the body had one. */
  serverCode?: string;
  serverMessage?: string;
  requestId?: string;
  retryAfterMs?: number;
  details?: unknown;
}

function parseErrorBody(text: string): { code?: string; message?: string; details?: unknown } {
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data.error;
  } catch {
    // not JSON: a proxy's HTML error page, say
  }
  return {};
}

/** The message for a 401: which of missing/revoked/expired/invalid, and where to fix it. */
function authMessage(serverMessage: string | undefined, baseUrl: string): string {
  const m = (serverMessage ?? '').toLowerCase();
  const settings = `${baseUrl}/settings`;
  if (m.includes('revoked'))
    return `API key revoked — create a new one at ${settings}, then run \`baton login\``;
  if (m.includes('expired'))
    return `API key expired — create a new one at ${settings}, then run \`baton login\``;
  if (m.includes('required')) return `no API key configured for ${baseUrl} — run \`baton login\``;
  return `API key not accepted by ${baseUrl} — check it, or create a new one at ${settings} and run \`baton login\``;
}

/** The BatonError for a non-2xx response. */
export function httpError(
  status: number,
  bodyText: string,
  ctx: ErrorContext,
  extra: { requestId?: string; retryAfterMs?: number | null } = {},
): BatonError {
  const body = parseErrorBody(bodyText);
  const details: HttpErrorDetails = {
    status,
    ...(body.code ? { serverCode: body.code } : {}),
    ...(body.message ? { serverMessage: body.message } : {}),
    ...(extra.requestId ? { requestId: extra.requestId } : {}),
    ...(extra.retryAfterMs != null ? { retryAfterMs: extra.retryAfterMs } : {}),
    ...(body.details !== undefined ? { details: body.details } : {}),
  };
  const what = `${ctx.method} ${ctx.path}`;
  const said = body.message ? `: ${body.message}` : '';
  let code: BatonErrorCode;
  let message: string;
  if (status === 401) {
    code = 'auth';
    message = authMessage(body.message, ctx.baseUrl);
  } else if (status === 403) {
    code = 'auth';
    message = `the tracker refused ${what}${said} (this key may not have access)`;
  } else if (status === 429) {
    code = 'rate_limited';
    const wait = extra.retryAfterMs != null ? ` — retry in ${Math.ceil(extra.retryAfterMs / 1000)} s` : '';
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
  return new BatonError(code, message, { details });
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
  const cause = (err.details as { cause?: string } | undefined)?.cause;
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
    return new BatonError('timeout', `timed out connecting to the tracker at ${host}`, {
      cause: err,
      details: { cause: code },
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
