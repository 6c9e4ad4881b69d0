// Comments and reactions on a session's events (issue 14): `/api/v1/sessions/{id}/comments` and reactions.
import type { Route } from '../http/define-route.js';
import type { ApiDeps } from './route-deps.js';

export const COMMENT_ROUTES: ReadonlyArray<Route<ApiDeps>> = [];
