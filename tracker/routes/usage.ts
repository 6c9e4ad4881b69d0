// `GET /api/v1/usage` (issue 14): tokens, cost, sessions and tools by day, project or model.
import { UsageQuery, UsageResponse } from '../../src/core/api/index.js';
import type { Route } from '../http/define-route.js';
import { usageReport } from '../services/usage.js';
import { apiRoute, type ApiDeps } from './route-deps.js';

export const USAGE_ROUTES: ReadonlyArray<Route<ApiDeps>> = [
  apiRoute({
    auth: 'apiKey',
    rateLimit: 'perKey',
    tag: 'usage',
    method: 'get',
    path: '/api/v1/usage',
    summary: "The caller's usage: tokens, cost and sessions by UTC day, project or model",
    description:
      'Sums of each session’s own part (a fork’s copied history is left out, so it is never counted twice). A ' +
      'session counts on the UTC day it started, for its project and its main model (the first it used). ' +
      '`from`/`to` are inclusive UTC days (`YYYY-MM-DD`); trashed sessions are left out.',
    query: UsageQuery,
    responses: { 200: { schema: UsageResponse } },
    errors: [404],
    handler: async ({ c, deps, query }) => c.json(await usageReport(deps, c.get('caller'), query)),
  }),
];
