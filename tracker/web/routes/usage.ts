// The /usage page: tokens and cost by day, project and model (issue 14).
import type { Route } from '../../http/define-route.js';
import type { WebDeps } from '../web-deps.js';
import { pageRoutes } from './page-route.js';

export const USAGE_PAGE_ROUTES: ReadonlyArray<Route<WebDeps>> = [];

export function createUsageRoutes(d: WebDeps) {
  return pageRoutes(d, USAGE_PAGE_ROUTES);
}
