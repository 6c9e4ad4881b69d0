// The tracker's own routes (health, docs, /api/v1), in document order, and the one call that mounts them.
import type { Hono } from 'hono';
import { mountRoutes, type Route } from '../http/define-route.js';
import type { AppEnv } from '../http/env.js';
import { COMMENT_ROUTES } from './comments.js';
import { DOCS_ROUTES } from './docs.js';
import { EXPORT_ROUTES } from './export.js';
import { HANDOFF_ROUTES } from './handoffs.js';
import { HEALTH_ROUTES } from './health.js';
import { INGEST_ROUTES } from './ingest.js';
import { KEY_ROUTES } from './keys.js';
import { POST_ROUTES } from './posts.js';
import { PROJECT_ROUTES } from './projects.js';
import type { ApiDeps, ApiDocument, RouteDeps } from './route-deps.js';
import { SESSION_ROUTES } from './sessions.js';
import { SHARE_ROUTES } from './share.js';
import { TRANSCRIPT_ENTRY_ROUTES } from './transcript-entries.js';
import { USAGE_ROUTES } from './usage.js';
import { ME_ROUTE, USER_ROUTES } from './users.js';

export const API_ROUTES: ReadonlyArray<Route<ApiDeps>> = [
  ...HEALTH_ROUTES,
  ...DOCS_ROUTES,
  ME_ROUTE,
  ...KEY_ROUTES,
  ...USER_ROUTES,
  ...SESSION_ROUTES,
  ...TRANSCRIPT_ENTRY_ROUTES,
  ...COMMENT_ROUTES,
  ...EXPORT_ROUTES,
  ...PROJECT_ROUTES,
  ...HANDOFF_ROUTES,
  ...POST_ROUTES,
  ...INGEST_ROUTES,
  ...SHARE_ROUTES,
  ...USAGE_ROUTES,
];

export function mountApiRoutes(app: Hono<AppEnv>, { deps, auth }: RouteDeps, apiDocument: ApiDocument): void {
  mountRoutes(app, API_ROUTES, { ...deps, apiDocument }, { guards: { none: [], apiKey: [auth] } });
}
