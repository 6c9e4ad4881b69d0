// /login and /logout: an API key in, an httpOnly SameSite=Lax session cookie out; CSRF-checked forms.
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { clientAddress } from '../../http/client-address.js';
import type { AppEnv } from '../../http/env.js';
import { HttpError } from '../../http/errors.js';
import { verifyKey } from '../../services/keys.js';
import { createRateLimiter } from '../../services/rate-limit.js';
import { html, type WebDeps } from '../web-deps.js';
import { loginPage } from '../pages/login.js';
import { PAGE, REDIRECT, pageRoute, pageRoutes } from './page-route.js';

/** Only same-site paths: `/x` but never `//evil.example` or `/\evil` (open-redirect guards). */
export function safeNext(next: string | undefined | null): string {
  if (
    !next ||
    !next.startsWith('/') ||
    next.startsWith('//') ||
    next.startsWith('/\\') ||
    /[\u0000-\u001f]/.test(next)
  )
    return '/';
  return next;
}

const web = { tag: 'web' } as const;

export const AUTH_ROUTES = [
  pageRoute({
    ...web,
    method: 'get',
    path: '/login',
    summary: 'The sign-in form (signed in already: on to `next`)',
    auth: 'none',
    rateLimit: 'none', // the form itself; attempts are limited where they are posted
    responses: { ...PAGE, ...REDIRECT },
    handler: async ({ c, deps: d }) => {
      if (await d.sessions.current(c)) return c.redirect(safeNext(c.req.query('next')), 303);
      return html(c, loginPage({ csrfToken: await d.csrf.token(c), next: safeNext(c.req.query('next')) }));
    },
  }),
  pageRoute({
    ...web,
    method: 'post',
    path: '/login',
    summary: 'Sign in with an API key: a session cookie, then on to `next`',
    auth: 'none',
    rateLimit: 'loginAddress',
    bodyLimit: false, // a urlencoded form, read by the CSRF check (follow-up: bound it like the API's bodies)
    form: z.object({ apiKey: z.string().optional(), next: z.string().optional() }),
    responses: REDIRECT,
    errors: [401, 403],
    handler: async ({ c, deps: d, form }) => {
      const key = (form.apiKey ?? '').trim();
      const next = safeNext(form.next);
      const result = key
        ? await verifyKey(d.services.store, key, d.services.now())
        : ({ ok: false, reason: 'missing' } as const);
      if (!result.ok) {
        const why =
          result.reason === 'revoked'
            ? 'This key has been revoked.'
            : result.reason === 'expired'
              ? 'This key has expired.'
              : 'That is not a valid API key.';
        return html(c, loginPage({ csrfToken: await d.csrf.token(c), error: why, next }), 401);
      }
      await d.sessions.create(c, { userId: result.user.id, keyId: result.key.id });
      return c.redirect(next, 303);
    },
  }),
  pageRoute({
    ...web,
    method: 'post',
    path: '/logout',
    summary: 'Sign out (ends this browser session)',
    auth: 'none',
    rateLimit: 'none',
    bodyLimit: false,
    form: z.object({}),
    responses: REDIRECT,
    errors: [403],
    handler: async ({ c, deps: d }) => {
      await d.sessions.destroy(c);
      return c.redirect('/login', 303);
    },
  }),
];

/**
 * The API's per-key limiter (shared counters in the database, so every instance counts), keyed by address here:
 * a login form is a key-guessing oracle, and a scripted login CSRF would be too.
 */
function loginLimiter(d: WebDeps): MiddlewareHandler<AppEnv> {
  const { config } = d.services;
  const limiter = createRateLimiter(d.services.store);
  return async (c, next) => {
    const rate = await limiter.check(
      `login:${clientAddress(c, config)}`,
      config.loginAttemptsPerMinute,
      d.services.now(),
    );
    if (!rate.allowed)
      throw HttpError.refusal(
        429,
        'rate_limited',
        'Too many sign-in attempts from this address; wait a minute.',
        {
          reason: 'rate_limited',
          details: { retryAfterSeconds: rate.retryAfterSec },
        },
      );
    await next();
  };
}

export function createAuthRoutes(d: WebDeps) {
  return pageRoutes(d, AUTH_ROUTES, { limiters: { loginAddress: loginLimiter(d) } });
}
