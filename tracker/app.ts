// createApp(deps): the tracker's Hono app, side-effect free, testable with app.request() or served by server.ts.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import type { TrackerConfig } from './config.js';
import type { Store } from './db/store.js';
import { createAuth } from './http/auth.js';
import { isHttpsOrigin } from './http/base-url.js';
import type { AppEnv } from './http/env.js';
import { createErrorHandler, errorResponse, notFound } from './http/errors.js';
import { matchedRoute } from './http/define-route.js';
import { checkResponses } from './http/validate.js';
import { silentLogger, type Logger } from './log.js';
import { buildOpenApi, documentedRoutes } from './openapi.js';
import { mountApiRoutes } from './routes/index.js';
import type { RouteDeps } from './routes/route-deps.js';
import type { ServiceDeps } from './services/service-deps.js';
import { noopPublisher, safePublisher, type EventPublisher } from './services/publisher.js';
import { createSessionDeriver, type SessionDeriver } from './services/derive-session.js';

export interface AppDeps {
  store: Store;
  config: TrackerConfig;
  /** Live-stream hook: receives every stored change after commit. Default: drops them. */
  events?: EventPublisher;
  logger?: Logger;
  now?: () => number;
  /**
   * Derives SessionStore sessions from their entries after appends. Pass one to flush it on shutdown (serve does);
   * by default the app makes its own (pending work is then lost when the process ends).
   */
  derive?: SessionDeriver;
  /** Extra route groups (live streams, web pages) registered after the API and before the 404 fallback. */
  extensions?: Array<(app: Hono<AppEnv>, ctx: RouteDeps) => void>;
  /**
   * Tests: every response is checked against its route's documented statuses and schemas, and one that breaks
   * them becomes a 500 naming the breach. Off in production (it reads every JSON body twice).
   */
  validateResponses?: boolean;
}

export type TrackerApp = Hono<AppEnv>;

/** One year, no includeSubDomains: sibling hosts of the tracker may not all speak https, and that is theirs to pin. */
const HSTS = 'max-age=31536000';

export function createApp(deps: AppDeps): TrackerApp {
  const logger = deps.logger ?? silentLogger;
  const events = safePublisher(deps.events ?? noopPublisher, (err) =>
    logger.warn('live publish failed', { error: String(err) }),
  );
  const now = deps.now ?? Date.now;
  const services: ServiceDeps = {
    store: deps.store,
    config: deps.config,
    events,
    now,
    logger,
    derive: deps.derive ?? createSessionDeriver({ store: deps.store, logger, now, events }),
  };
  const app = new Hono<AppEnv>();
  const ctx: RouteDeps = { deps: services, auth: createAuth(services) };

  if (deps.validateResponses) app.use('*', checkResponses(matchedRoute));

  app.use('*', async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId =
      incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomBytes(8).toString('hex');
    c.set('requestId', requestId);
    // A NUL in a path or query value can never match a stored row, and PostgreSQL rejects it: refuse it up front.
    if (/%00/.test(c.req.url))
      return errorResponse(c, 400, 'invalid_request', 'NUL characters are not allowed in URLs');
    await next();
    c.header('X-Request-Id', requestId);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    // Only when the tracker's own origin is https (public URL, TLS socket, or a trusted proxy's X-Forwarded-Proto):
    // browsers ignore HSTS over http anyway, and an untrusted header must not pin a host to https.
    if (isHttpsOrigin(c, deps.config)) c.header('Strict-Transport-Security', HSTS);
    logger.info('request', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });

  mountApiRoutes(app, ctx, { build: buildOpenApi, routes: documentedRoutes });
  for (const extend of deps.extensions ?? []) extend(app, ctx);

  app.notFound(notFound);
  app.onError(createErrorHandler(logger));
  return app;
}
