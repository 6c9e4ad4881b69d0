// What the web pages need from the tracker, and the per-request helpers every page route shares.
import type { Context } from 'hono';
import { BatonError } from '../../src/core/errors.js';
import type { Live } from '../live/index.js';
import type { Caller, ServiceDeps } from '../services/service-deps.js';
import type { Csrf } from './csrf.js';
import { HttpError, statusFor } from '../http/errors.js';
import { errorPage } from './pages/error.js';
import type { WebSessions, WebUser } from './web-sessions.js';

export interface WebDeps {
  services: ServiceDeps;
  live: Live;
  sessions: WebSessions;
  /** The externally visible base URL for this request (no trailing slash). */
  baseUrl: (c: Context) => string;
  version: string;
  startedAt: number;
  /** `owner/repo` (or URL) of the plugin marketplace shown in "Connect Claude Code". */
  marketplaceRepo: string;
  recentErrors: () => Array<{ at: string; message: string }>;
  recordError: (message: string) => void;
  csrf: Csrf;
}

export interface PageCtx {
  user: WebUser;
  caller: Caller;
  csrf: string;
  view: { name: string };
}

export function html(c: Context, body: string, status = 200): Response {
  return c.html(body, status as 200);
}

/** The signed-in user with a service Caller, or a redirect to /login that comes back here afterwards. */
export async function requireUser(c: Context, d: WebDeps): Promise<PageCtx | Response> {
  const user = await d.sessions.current(c);
  if (!user) {
    const url = new URL(c.req.url);
    return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
  }
  return {
    user,
    caller: { userId: user.userId, role: user.role, keyId: user.keyId, baseUrl: d.baseUrl(c) },
    csrf: await d.csrf.token(c),
    view: { name: user.name },
  };
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  410: 'Gone',
  413: 'Too large',
  429: 'Slow down',
  500: 'Something went wrong',
};

/** Typed errors become HTML pages; the message of an unexpected error is never shown (it may carry internals). */
export async function renderError(c: Context, d: WebDeps, err: unknown): Promise<Response> {
  const status =
    err instanceof BatonError ? statusFor(err.code) : err instanceof HttpError ? err.status : 500;
  const message =
    (err instanceof BatonError || err instanceof HttpError) && status < 500
      ? status === 404
        ? 'There is nothing here, or it is not shared with you.'
        : err.message
      : 'The tracker could not show this page. The error was logged.';
  if (err instanceof HttpError && err.opts.retryAfterSeconds)
    c.header('Retry-After', String(err.opts.retryAfterSeconds));
  if (status >= 500) {
    d.services.logger.error('web page failed', { err: String(err) });
    d.recordError(`${c.req.method} ${c.req.path}: ${String(err)}`);
  }
  const user = await d.sessions.current(c).catch(() => null);
  const page = errorPage({
    status,
    title: TITLES[status] ?? 'Error',
    message,
    user: user ? { name: user.name } : null,
    csrfToken: user ? await d.csrf.token(c) : undefined,
  });
  return html(c, page, status);
}
