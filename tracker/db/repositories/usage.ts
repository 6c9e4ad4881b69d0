// Usage sums over a user's sessions (issue 14): each session's OWN part, grouped by UTC day, project or main model.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, Engine } from '../types.js';

export type UsageKey = 'day' | 'project' | 'model';

export interface UsageFilter {
  userId: string;
  /** Only this project's sessions (already resolved to an id). */
  projectId?: string;
  /** Epoch ms, inclusive. */
  fromMs?: number;
  /** Epoch ms, exclusive. */
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

function keyOf(by: UsageKey, engine: Engine): RawBuilder<string | number | null> {
  if (by === 'day') return sql`(${AT} / ${sql.lit(DAY_MS)})`;
  if (by === 'project') return sql`s.project_id`;
  // The main model: the first one the session used (SessionMeta.models keeps first-use order).
  return engine === 'postgres'
    ? sql`((s.meta)::jsonb -> 'models' ->> 0)`
    : sql`json_extract(s.meta, '$.models[0]')`;
}

/** The same filter as raw SQL, for the queries the builder cannot express on both engines (JSON table functions). */
function whereSql(f: UsageFilter): RawBuilder<unknown> {
  const parts = [sql`s.user_id = ${f.userId}`, sql`s.deleted_at IS NULL`];
  if (f.projectId !== undefined) parts.push(sql`s.project_id = ${f.projectId}`);
  if (f.fromMs !== undefined) parts.push(sql`${AT} >= ${f.fromMs}`);
  if (f.toMs !== undefined) parts.push(sql`${AT} < ${f.toMs}`);
  return sql.join(parts, sql` AND `);
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

export function createUsageRepo(db: Kysely<Database>, engine: Engine): UsageRepo {
  return {
    async sums(f, by) {
      const key = keyOf(by, engine);
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
      const out = new Map<string, number>();
      const add = (name: unknown, calls: unknown) => {
        if (typeof name !== 'string') return;
        out.set(name, (out.get(name) ?? 0) + n(calls));
      };
      // Sessions that are no fork: their totals' per-tool counts are all their own.
      const each =
        engine === 'postgres'
          ? sql`CROSS JOIN LATERAL jsonb_each_text((s.tools)::jsonb) AS j`
          : sql`CROSS JOIN json_each(s.tools) AS j`;
      const whole = await sql<{ name: string; calls: number }>`
        SELECT j.key AS name, SUM(CAST(j.value AS BIGINT)) AS calls
        FROM sessions AS s ${each}
        WHERE ${whereSql(f)} AND s.inherited_totals IS NULL
        GROUP BY j.key`.execute(db);
      for (const r of whole.rows) add(r.name, r.calls);
      // Forks: their per-tool counts include the copied history, which the totals do not split by tool. Their own
      // calls are the stored tool_call events from the first turn after the inherited ones (a subagent's events
      // belong to the turn that spawned it). Forks are few, so this join stays small.
      const name =
        engine === 'postgres' ? sql`((e.payload)::jsonb ->> 'name')` : sql`json_extract(e.payload, '$.name')`;
      const turns =
        engine === 'postgres'
          ? sql`CAST((s.inherited_totals)::jsonb ->> 'turns' AS INTEGER)`
          : sql`json_extract(s.inherited_totals, '$.turns')`;
      const forks = await sql<{ name: string; calls: number }>`
        SELECT ${name} AS name, COUNT(*) AS calls
        FROM sessions AS s JOIN events AS e ON e.session_pk = s.pk
        WHERE ${whereSql(f)} AND s.inherited_totals IS NOT NULL
          AND e.kind = 'tool_call' AND e.turn_index >= ${turns}
        GROUP BY ${name}`.execute(db);
      for (const r of forks.rows) add(r.name, r.calls);
      return out;
    },

    async costliest(f, limit) {
      const rows = await filtered(db, f)
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
        .where(OWN_COST, '>', 0)
        .orderBy(OWN_COST, 'desc')
        .orderBy('s.pk', 'desc')
        .limit(limit)
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
