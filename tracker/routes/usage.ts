// `GET /api/v1/usage` (issue 14): tokens, cost, sessions and tools by day, project or model.
import type { Route } from '../http/define-route.js';
import type { ApiDeps } from './route-deps.js';

export const USAGE_ROUTES: ReadonlyArray<Route<ApiDeps>> = [];
