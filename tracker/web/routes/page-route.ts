// How web routes are defined and mounted: the session-cookie guard, the CSRF-checked form reader, HTML error pages.
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { defineRoute, mountRoutes, type MountOptions, type Route } from '../../http/define-route.js';
import type { AppEnv } from '../../http/env.js';
import { renderError, requireUser, type PageCtx, type WebDeps } from '../web-deps.js';

/** Every page and form is defined with this (tag `web`: documented, kept out of the public OpenAPI document). */
export const pageRoute = defineRoute<WebDeps>();

// Keyed by the Context: a body limit replaces c.req.raw when a form comes without Content-Length (chunked).
const signedIn = new WeakMap<Context, PageCtx>();

/** The signed-in user of a `session` route, set by its guard before the handler runs. */
export function pageCtx(c: Context): PageCtx {
  const ctx = signedIn.get(c);
  if (!ctx)
    throw new Error(`${c.req.method} ${c.req.path}: read the signed-in user on a route without the guard`);
  return ctx;
}

function sessionGuard(d: WebDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const ctx = await requireUser(c, d);
    if (ctx instanceof Response) return ctx;
    signedIn.set(c, ctx);
    await next();
  };
}

/**
 * A route group as its own Hono app (createWeb mounts each at `basePath`): typed errors become HTML pages, every form
 * is read through the CSRF check, and `session` routes through the cookie guard.
 */
export function pageRoutes(
  d: WebDeps,
  routes: ReadonlyArray<Route<WebDeps>>,
  opts: { basePath?: string; limiters?: MountOptions['limiters'] } = {},
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError((err, c) => renderError(c, d, err));
  mountRoutes(
    app,
    routes,
    d,
    {
      guards: { none: [], session: [sessionGuard(d)] },
      readForm: (c) => d.csrf.verifiedForm(c),
      limiters: opts.limiters,
    },
    opts.basePath,
  );
  return app;
}

const html = { contentType: 'text/html' } as const;
/** The usual page answer, and a form's redirect. */
export const PAGE = { 200: html } as const;
export const REDIRECT = { 303: { description: 'Done: to the next page' } } as const;
