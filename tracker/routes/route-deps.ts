// What the API route modules are built over: the service deps, the app's key auth, and the route builder for both.
import type { MiddlewareHandler } from 'hono';
import { defineRoute, type RouteDoc } from '../http/define-route.js';
import type { AppEnv } from '../http/env.js';
import type { ServiceDeps } from '../services/service-deps.js';

/** Handed by createApp to the API routes and to each extension (live streams, web pages). */
export interface RouteDeps {
  deps: ServiceDeps;
  /** The one API-key middleware: key check, per-key rate limit, caller. */
  auth: MiddlewareHandler<AppEnv>;
}

/**
 * The public API document, handed in where the routes are mounted: the docs routes serve the document that lists
 * them, so they take it as a dependency instead of importing its builder (which imports every route).
 */
export interface ApiDocument {
  build(opts: { version: string }): Record<string, unknown>;
  routes(): RouteDoc[];
}

/** What an API route's handler receives: the services, plus the document for the docs routes. */
export interface ApiDeps extends ServiceDeps {
  apiDocument: ApiDocument;
}

/** Every /api/v1 route is defined with this: its handler receives the deps and its parsed input. */
export const apiRoute = defineRoute<ApiDeps>();
