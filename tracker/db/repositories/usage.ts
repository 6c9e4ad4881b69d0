// Usage sums over a user's sessions (issue 14): each session's OWN part, grouped by UTC day, project or main model.
// The sums read migration 13's rollups (their triggers log every session write; a fold adds the log up), the
// costliest list walks its own-cost index: neither grows with the number of sessions.
import { sql, type Kysely } from 'kysely';
import { atSql, ownCostSql, ownSql } from '../migrations/0013-usage-rollups.js';
import type { Database, Engine } from '../types.js';
import { foldUsage } from './usage-fold.js';

export type UsageKey = 'day' | 'project' | 'model';

export interface UsageFilter {
  userId: string;
  /** Only this project's sessions (already resolved to an id). */
  projectId?: string;
  /** Epoch ms, inclusive: a UTC day's start (tool counts are kept per day). */
  fromMs?: number;
  /** Epoch ms, exclusive: a UTC day's start. */
  toMs?: number;
}

export interface UsageSumRow {
  /** Day number since the epoch (UTC), project id or model name; null when the session has none. */
  key: string | number | null;
  sessions: number;
  tokens: { input: number; output: number; cacheRead: number; cacheWrite: number };
  costUsd: number | null;
  unpriced: number;
}

export interface CostlyRow {
  id: string;
  title: string | null;
  projectId: string | null;
  at: number;
  tokens: UsageSumRow['tokens'];
  costUsd: number;
}

export interface UsageRepo {
  /** Folds pending deltas into the rollups (one user's, or everyone's): a report reads them folded. */
  fold(userId?: string): Promise<void>;
  sums(filter: UsageFilter, by: UsageKey): Promise<UsageSumRow[]>;
  /** Calls per tool name over the sessions, a fork's inherited calls left out. Unordered, every name. */
  toolCalls(filter: UsageFilter): Promise<Map<string, number>>;
  costliest(filter: UsageFilter, limit: number): Promise<CostlyRow[]>;
}

const DAY_MS = 86_400_000;

/** The first day number a filter keeps (its bounds are UTC day starts, the rollups keep day numbers). */
const dayFrom = (ms: number) => Math.ceil(ms / DAY_MS);

const n = (v: unknown) => Number(v ?? 0);
const money = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 1e9) / 1e9);
/** '' is the rollups' stand-in for no project or model (a primary key cannot hold NULL). */
const orNull = (k: string) => (k === '' ? null : k);

// The costliest ranking's expression, the very text of the sessions_costliest index (a planner matches it as written).
const OWN_COST = sql.raw<number | null>(`(${ownCostSql()})`);

export function createUsageRepo(db: Kysely<Database>, engine: Engine): UsageRepo {
  return {
    fold: (userId) => foldUsage(db, engine, userId),

    async sums(f, by) {
      const ranged = f.fromMs !== undefined || f.toMs !== undefined;
      // The coarsest rollup that still holds the grouping and the filters (migration 13): all time by project or
      // model has no day; a day report over every project has neither project nor model; the rest needs both.
      const table =
        !ranged && by !== 'day'
          ? 'usage_totals'
          : by === 'day' && f.projectId === undefined
            ? 'usage_days'
            : 'usage_daily';
      const key = by === 'day' ? 'day' : by === 'project' ? 'project_key' : 'model_key';
      let q = db.selectFrom(table).where('user_id', '=', f.userId);
      if (f.projectId !== undefined) q = q.where(sql.ref('project_key'), '=', f.projectId);
      if (f.fromMs !== undefined) q = q.where(sql.ref('day'), '>=', dayFrom(f.fromMs));
      if (f.toMs !== undefined) q = q.where(sql.ref('day'), '<', dayFrom(f.toMs));
      const rows = await q
        .select([
          sql.ref<string | number>(key).as('k'),
          sql<number>`SUM(sessions)`.as('n'),
          sql<number>`SUM(tokens_input)`.as('tin'),
          sql<number>`SUM(tokens_output)`.as('tout'),
          sql<number>`SUM(tokens_cache_read)`.as('tcr'),
          sql<number>`SUM(tokens_cache_write)`.as('tcw'),
          sql<number>`SUM(cost_nanos)`.as('nanos'),
          sql<number>`SUM(unpriced)`.as('unpriced'),
        ])
        .groupBy(sql.ref(key))
        .execute();
      return rows.map((r) => ({
        key: by === 'day' ? Number(r.k) : orNull(String(r.k)),
        sessions: n(r.n),
        tokens: { input: n(r.tin), output: n(r.tout), cacheRead: n(r.tcr), cacheWrite: n(r.tcw) },
        // Unknown when no session of the group has a price (as SQL's SUM over NULLs only).
        costUsd: n(r.n) > n(r.unpriced) ? n(r.nanos) / 1e9 : null,
        unpriced: n(r.unpriced),
      }));
    },

    async toolCalls(f) {
      // Own calls (a fork's inherited ones left out), trashed sessions out: the rollups sum session_tools. As for the
      // sums, the coarsest grain that holds the filters: all time, a range over every project, a project's range.
      const ranged = f.fromMs !== undefined || f.toMs !== undefined;
      const table = !ranged
        ? 'usage_tools'
        : f.projectId === undefined
          ? 'usage_tool_days'
          : 'usage_tools_daily';
      let q = db.selectFrom(table).where('user_id', '=', f.userId);
      if (f.projectId !== undefined) q = q.where(sql.ref('project_key'), '=', f.projectId);
      if (f.fromMs !== undefined) q = q.where(sql.ref('day'), '>=', dayFrom(f.fromMs));
      if (f.toMs !== undefined) q = q.where(sql.ref('day'), '<', dayFrom(f.toMs));
      const rows = await q
        .select(['tool', sql<number>`SUM(calls)`.as('calls')])
        .groupBy('tool')
        .execute();
      return new Map(rows.map((r) => [r.tool, n(r.calls)]));
    },

    async costliest(f, limit) {
      // A walk of sessions_costliest from the top, its partial predicate and leading user matched, filters checked
      // in the index's trailing columns; stops after `limit` rows. Unqualified columns: the index's expression has none.
      const at = sql.raw<number>(atSql());
      let top = db
        .selectFrom('sessions')
        .select('pk')
        .where('user_id', '=', f.userId)
        .where('deleted_at', 'is', null)
        .where(OWN_COST, '>', 0);
      if (f.projectId !== undefined) top = top.where('project_id', '=', f.projectId);
      if (f.fromMs !== undefined) top = top.where(at, '>=', f.fromMs);
      if (f.toMs !== undefined) top = top.where(at, '<', f.toMs);
      const pks = await top.orderBy(OWN_COST, 'desc').orderBy('pk', 'desc').limit(limit).execute();
      if (pks.length === 0) return [];
      const own = (c: string) => sql.raw<number>(ownSql(c));
      const rows = await db
        .selectFrom('sessions')
        .where(
          'pk',
          'in',
          pks.map((p) => p.pk),
        )
        .select([
          'pk',
          'id',
          'title',
          'project_id',
          at.as('at'),
          own('tokens_input').as('tin'),
          own('tokens_output').as('tout'),
          own('tokens_cache_read').as('tcr'),
          own('tokens_cache_write').as('tcw'),
          OWN_COST.as('cost'),
        ])
        .execute();
      const byPk = new Map(rows.map((r) => [Number(r.pk), r]));
      return pks.flatMap(({ pk }) => {
        const r = byPk.get(Number(pk));
        if (!r) return [];
        return [
          {
            id: r.id,
            title: r.title,
            projectId: r.project_id,
            at: n(r.at),
            tokens: { input: n(r.tin), output: n(r.tout), cacheRead: n(r.tcr), cacheWrite: n(r.tcw) },
            costUsd: money(r.cost) ?? 0,
          },
        ];
      });
    },
  };
}
