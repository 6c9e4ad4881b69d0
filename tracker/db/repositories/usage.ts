// Usage sums over a user's sessions (issue 14): each session's OWN part, grouped by UTC day, project or main model.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, Engine } from '../types.js';

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
  sums(filter: UsageFilter, by: UsageKey): Promise<UsageSumRow[]>;
  /** Calls per tool name over the sessions, a fork's inherited calls left out. Unordered, every name. */
  toolCalls(filter: UsageFilter): Promise<Map<string, number>>;
  costliest(filter: UsageFilter, limit: number): Promise<CostlyRow[]>;
}

const DAY_MS = 86_400_000;

/** When a session counts: the day it started (a session not started yet counts on its first stored activity). */
const AT = sql<number>`COALESCE(s.started_at, s.activity_at)`;

/**
 * A column's own part: a fork's totals include the history it copied from its parent (the `inherited_*` columns,
 * zero on other sessions), so a sum over parent and fork would count that history twice without the subtraction.
 */
const own = (col: string) =>
  sql<number>`CASE WHEN ${sql.ref(`s.${col}`)} > ${sql.ref(`s.inherited_${col}`)} THEN ${sql.ref(`s.${col}`)} - ${sql.ref(`s.inherited_${col}`)} ELSE 0 END`;

const OWN_COST = sql<
  number | null
>`CASE WHEN s.cost_usd IS NULL THEN NULL WHEN s.cost_usd > s.inherited_cost_usd THEN s.cost_usd - s.inherited_cost_usd ELSE 0 END`;

function keyOf(by: UsageKey): RawBuilder<string | number | null> {
  if (by === 'day') return sql`(${AT} / ${sql.lit(DAY_MS)})`;
  if (by === 'project') return sql`s.project_id`;
  // The main model: the first one the session used (kept in a column by the writer, migration 12).
  return sql`s.main_model`;
}

function filtered(db: Kysely<Database>, f: UsageFilter) {
  // Trashed sessions (migration 10) count nowhere.
  let q = db.selectFrom('sessions as s').where('s.user_id', '=', f.userId).where('s.deleted_at', 'is', null);
  if (f.projectId !== undefined) q = q.where('s.project_id', '=', f.projectId);
  if (f.fromMs !== undefined) q = q.where(AT, '>=', f.fromMs);
  if (f.toMs !== undefined) q = q.where(AT, '<', f.toMs);
  return q;
}

const n = (v: unknown) => Number(v ?? 0);
const money = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 1e9) / 1e9);

export function createUsageRepo(db: Kysely<Database>, _engine: Engine): UsageRepo {
  return {
    async sums(f, by) {
      const key = keyOf(by);
      const rows = await filtered(db, f)
        .select([
          key.as('k'),
          sql<number>`COUNT(*)`.as('n'),
          sql<number>`SUM(${own('tokens_input')})`.as('tin'),
          sql<number>`SUM(${own('tokens_output')})`.as('tout'),
          sql<number>`SUM(${own('tokens_cache_read')})`.as('tcr'),
          sql<number>`SUM(${own('tokens_cache_write')})`.as('tcw'),
          sql<number | null>`SUM(${OWN_COST})`.as('cost'),
          sql<number>`SUM(CASE WHEN s.cost_usd IS NULL THEN 1 ELSE 0 END)`.as('unpriced'),
        ])
        .groupBy(key)
        .execute();
      return rows.map((r) => ({
        key: by === 'day' && r.k !== null ? Number(r.k) : r.k,
        sessions: n(r.n),
        tokens: { input: n(r.tin), output: n(r.tout), cacheRead: n(r.tcr), cacheWrite: n(r.tcw) },
        costUsd: money(r.cost),
        unpriced: n(r.unpriced),
      }));
    },

    async toolCalls(f) {
      // Each session's own counts with its scope copied (session_tools, migration 12): one index scan in tool
      // order, a fork's inherited calls already left out, trashed sessions' rows outside the partial index.
      let q = db
        .selectFrom('session_tools as t')
        .where('t.user_id', '=', f.userId)
        .where('t.deleted_at', 'is', null);
      if (f.projectId !== undefined) q = q.where('t.project_id', '=', f.projectId);
      if (f.fromMs !== undefined) q = q.where('t.day', '>=', Math.ceil(f.fromMs / DAY_MS));
      if (f.toMs !== undefined) q = q.where('t.day', '<', Math.ceil(f.toMs / DAY_MS));
      const rows = await q
        .select(['t.tool', sql<number>`SUM(t.own_count)`.as('calls')])
        .groupBy('t.tool')
        .execute();
      return new Map(rows.map((r) => [r.tool, n(r.calls)]));
    },

    async costliest(f, limit) {
      // The ranking reads only the covering index (sessions_usage); the ids and titles are fetched for the top few.
      const top = filtered(db, f)
        .select('s.pk')
        .where(OWN_COST, '>', 0)
        .orderBy(OWN_COST, 'desc')
        .orderBy('s.pk', 'desc')
        .limit(limit);
      const rows = await db
        .selectFrom('sessions as s')
        .where('s.pk', 'in', top)
        .select([
          's.id',
          's.title',
          's.project_id',
          AT.as('at'),
          own('tokens_input').as('tin'),
          own('tokens_output').as('tout'),
          own('tokens_cache_read').as('tcr'),
          own('tokens_cache_write').as('tcw'),
          OWN_COST.as('cost'),
        ])
        .orderBy(OWN_COST, 'desc')
        .orderBy('s.pk', 'desc')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        projectId: r.project_id,
        at: n(r.at),
        tokens: { input: n(r.tin), output: n(r.tout), cacheRead: n(r.tcr), cacheWrite: n(r.tcw) },
        costUsd: money(r.cost) ?? 0,
      }));
    },
  };
}
