// What the API route modules are built over: the service deps, the app's key auth, and the route builder for both.
import type { MiddlewareHandler } from 'hono';
import { defineRoute } from '../http/define-route.js';
import type { AppEnv } from '../http/env.js';
import type { ServiceDeps } from '../services/context.js';

/** Handed by createApp to the API routes and to each extension (live streams, web pages). */
export interface RouteDeps {
  deps: ServiceDeps;
  /** The one API-key middleware: key check, per-key rate limit, caller. */
  auth: MiddlewareHandler<AppEnv>;
}

/** Every /api/v1 route is defined with this: its handler receives the service deps and its parsed input. */
export const apiRoute = defineRoute<ServiceDeps>();
