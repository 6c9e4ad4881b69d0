// Usage reports (issue 14): the caller's own sessions summed by UTC day, project or main model, top tools, costliest.
import {
  utcDayOf,
  utcDayStart,
  type UsageFigures,
  type UsageGroup,
  type UsageGroupBy,
  type UsageQuery,
  type UsageResponse,
} from '../../src/core/api/index.js';
import type { UsageFilter, UsageSumRow } from '../db/repositories/usage.js';
import { findProject } from './projects.js';
import type { Caller, ServiceDeps } from './service-deps.js';
import { iso } from './time.js';

const DAY_MS = 86_400_000;
const TOP = 10;

/** A report's scope: the query's filters resolved (the project to its id; days to UTC instants). */
export interface UsageScope {
  filter: UsageFilter;
  project: { id: string; name: string } | null;
}

export async function usageScope(
  deps: ServiceDeps,
  caller: Caller,
  q: Pick<UsageQuery, 'from' | 'to' | 'project'>,
): Promise<UsageScope> {
  // The caller's pending usage deltas go into the rollups first, so the report includes their last push.
  await deps.store.usage.fold(caller.userId);
  // Another user's project is a 404 like a missing one (findProject looks among the caller's only).
  const p = q.project === undefined ? null : await findProject(deps, caller, q.project);
  const filter: UsageFilter = { userId: caller.userId };
  if (p) filter.projectId = p.id;
  if (q.from) filter.fromMs = utcDayStart(q.from);
  if (q.to) filter.toMs = utcDayStart(q.to) + DAY_MS;
  return { filter, project: p ? { id: p.id, name: p.name } : null };
}

const zero = (): UsageFigures => ({
  sessions: 0,
  tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
  costUsd: null,
  unpricedSessions: 0,
});

function addFigures(into: UsageFigures, r: UsageFigures): void {
  into.sessions += r.sessions;
  into.tokens.input += r.tokens.input;
  into.tokens.output += r.tokens.output;
  into.tokens.cacheRead += r.tokens.cacheRead;
  into.tokens.cacheWrite += r.tokens.cacheWrite;
  into.unpricedSessions += r.unpricedSessions;
  if (r.costUsd !== null) into.costUsd = Math.round(((into.costUsd ?? 0) + r.costUsd) * 1e9) / 1e9;
}

export function totalsOf(groups: readonly UsageFigures[]): UsageFigures {
  const t = zero();
  for (const g of groups) addFigures(t, g);
  return t;
}

const tokenSum = (g: UsageFigures) =>
  g.tokens.input + g.tokens.output + g.tokens.cacheRead + g.tokens.cacheWrite;

/** Days in calendar order; projects and models costliest first, then by tokens, then by name. */
function order(by: UsageGroupBy, groups: UsageGroup[]): UsageGroup[] {
  if (by === 'day') return groups.sort((a, b) => a.key.localeCompare(b.key));
  return groups.sort(
    (a, b) =>
      (b.costUsd ?? 0) - (a.costUsd ?? 0) || tokenSum(b) - tokenSum(a) || a.label.localeCompare(b.label),
  );
}

async function projectNames(deps: ServiceDeps, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const rows = await deps.store.projects.byIds(wanted);
  return new Map(rows.map((p) => [p.id, p.name]));
}

/** The scope's sessions summed per day, project or model. */
export async function usageGroups(
  deps: ServiceDeps,
  scope: UsageScope,
  by: UsageGroupBy,
): Promise<UsageGroup[]> {
  const rows = await deps.store.usage.sums(scope.filter, by);
  const names =
    by === 'project'
      ? await projectNames(
          deps,
          rows.map((r) => r.key as string | null),
        )
      : null;
  const label = (r: UsageSumRow): { key: string; label: string } => {
    if (by === 'day') {
      const day = utcDayOf(Number(r.key) * DAY_MS);
      return { key: day, label: day };
    }
    if (by === 'project') {
      if (r.key === null) return { key: 'none', label: '(no project)' };
      return { key: String(r.key), label: names?.get(String(r.key)) ?? String(r.key) };
    }
    const model = r.key === null ? 'unknown' : String(r.key);
    return { key: model, label: model };
  };
  return order(
    by,
    rows.map((r) => ({
      ...label(r),
      sessions: r.sessions,
      tokens: r.tokens,
      costUsd: r.costUsd,
      unpricedSessions: r.unpriced,
    })),
  );
}

export async function usageReport(deps: ServiceDeps, caller: Caller, q: UsageQuery): Promise<UsageResponse> {
  const scope = await usageScope(deps, caller, q);
  const [groups, tools, costly] = await Promise.all([
    usageGroups(deps, scope, q.groupBy),
    deps.store.usage.toolCalls(scope.filter),
    deps.store.usage.costliest(scope.filter, TOP),
  ]);
  const names = await projectNames(
    deps,
    costly.map((c) => c.projectId),
  );
  return {
    from: q.from ?? null,
    to: q.to ?? null,
    project: scope.project,
    groupBy: q.groupBy,
    totals: totalsOf(groups),
    groups,
    tools: [...tools]
      .filter(([, calls]) => calls > 0)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .slice(0, TOP)
      .map(([name, calls]) => ({ name, calls })),
    costliest: costly.map((c) => ({
      id: c.id,
      title: c.title,
      project: c.projectId === null ? null : (names.get(c.projectId) ?? null),
      startedAt: iso(c.at),
      tokens: c.tokens,
      costUsd: c.costUsd,
    })),
  };
}
