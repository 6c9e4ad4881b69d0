// The /usage page: tokens and cost by day, project and model (issue 14).
import { z } from 'zod';
import { UsageQuery, utcDayOf } from '../../../src/core/api/index.js';
import { BatonError } from '../../../src/core/errors.js';
import type { Route } from '../../http/define-route.js';
import { issueDetails } from '../../http/errors.js';
import { listProjects } from '../../services/projects.js';
import { usageGroups, usageReport, usageScope } from '../../services/usage.js';
import { usagePage } from '../pages/usage.js';
import { html, type WebDeps } from '../web-deps.js';
import { PAGE, pageCtx, pageRoute, pageRoutes } from './page-route.js';

/** The page shows the last 30 days (UTC, today included) until the form asks for another range. */
const DEFAULT_DAYS = 30;
const DAY_MS = 86_400_000;

/** A GET form sends empty fields (`project=` for "All projects"): those mean "not set", then the API's rules apply. */
const FormQuery = z.object({
  from: z.string().max(20).optional(),
  to: z.string().max(20).optional(),
  project: z.string().max(200).optional(),
});

function rangeOf(q: z.infer<typeof FormQuery>, now: number): UsageQuery {
  const set = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim());
  const to = set(q.to) ?? utcDayOf(now);
  const from = set(q.from) ?? utcDayOf(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_DAYS - 1) * DAY_MS);
  const parsed = UsageQuery.safeParse({ from, to, project: set(q.project), groupBy: 'day' });
  if (!parsed.success)
    throw new BatonError(
      'invalid_request',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      {
        details: issueDetails(parsed.error),
      },
    );
  return parsed.data;
}

export const USAGE_PAGE_ROUTES: ReadonlyArray<Route<WebDeps>> = [
  pageRoute({
    tag: 'web',
    auth: 'session',
    rateLimit: 'none',
    responses: PAGE,
    method: 'get',
    path: '/usage',
    summary: 'Usage: tokens, cost and sessions by day, project and model; top tools; costliest sessions',
    query: FormQuery,
    errors: [404],
    handler: async ({ c, deps: d, query }) => {
      const ctx = pageCtx(c);
      const q = rangeOf(query, d.services.now());
      const scope = await usageScope(d.services, ctx.caller, q);
      const [report, byProject, byModel, projects] = await Promise.all([
        usageReport(d.services, ctx.caller, q),
        usageGroups(d.services, scope, 'project'),
        usageGroups(d.services, scope, 'model'),
        listProjects(d.services, ctx.caller),
      ]);
      return html(
        c,
        usagePage({
          user: ctx.view,
          csrfToken: ctx.csrf,
          from: q.from!,
          to: q.to!,
          project: scope.project?.id ?? '',
          projects: projects.map((p) => ({ id: p.id, name: p.name })),
          report,
          byProject,
          byModel,
        }),
      );
    },
  }),
];

export function createUsageRoutes(d: WebDeps) {
  return pageRoutes(d, USAGE_PAGE_ROUTES);
}
