// What route modules receive: the service deps and the auth middleware, so each file only registers its paths.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env.js';
import type { ServiceDeps } from '../services/context.js';

export interface RouteContext {
  deps: ServiceDeps;
  auth: MiddlewareHandler<AppEnv>;
}
