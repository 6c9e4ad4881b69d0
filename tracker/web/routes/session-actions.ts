// Manage a session from the browser: star, tag, archive, rename, share, delete and undo (issue 13).
import type { Route } from '../../http/define-route.js';
import type { WebDeps } from '../web-deps.js';
import { pageRoutes } from './page-route.js';

export const SESSION_ACTION_ROUTES: ReadonlyArray<Route<WebDeps>> = [];

export function createSessionActionRoutes(d: WebDeps) {
  return pageRoutes(d, SESSION_ACTION_ROUTES);
}
