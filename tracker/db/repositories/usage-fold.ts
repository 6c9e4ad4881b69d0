// Folds migration 13's delta logs into the usage rollups. Writers only append to the logs (no row two pushes would
// both update), so pushes never queue behind each other; a report folds its user's pending deltas first, and the
// tracker folds everyone's every minute so the logs stay short.
import { sql, type Kysely } from 'kysely';
import { SESSION_LOG, TOOL_LOG, type DeltaLog } from '../migrations/0013-usage-rollups.js';
import type { Database, Engine } from '../types.js';

const LOGS = [SESSION_LOG, TOOL_LOG];

/** Serializes folds across instances (PostgreSQL): two folds upserting the same rollup rows could deadlock. */
const FOLD_LOCK = 0x62746e75; // 'btnu'

const cols = (xs: string[]) => xs.join(', ');
const userWhere = (userId: string | undefined) =>
  userId === undefined ? sql`1 = 1` : sql`user_id = ${userId}`;

/** Adds grouped deltas (`source`: the log, or PostgreSQL's deleted rows) to one grain's rollup rows. */
function upsert(
  log: DeltaLog,
  grain: DeltaLog['grains'][number],
  source: string,
  where: ReturnType<typeof sql>,
) {
  const keys = ['user_id', ...grain.keys];
  return sql`INSERT INTO ${sql.table(grain.table)} (${sql.raw(cols([...keys, ...log.figures]))})
    SELECT ${sql.raw(cols(keys))}, ${sql.raw(cols(log.figures.map((f) => `SUM(${f})`)))}
    FROM ${sql.raw(source)} WHERE ${where}
    GROUP BY ${sql.raw(cols(keys))}
    ON CONFLICT (${sql.raw(cols(keys))}) DO UPDATE SET
      ${sql.raw(cols(log.figures.map((f) => `${f} = ${grain.table}.${f} + excluded.${f}`)))}`;
}

/** A rollup row no session counts in any more goes, so groups never show empty rows. */
const prune = (log: DeltaLog, table: string, userId: string | undefined) =>
  sql`DELETE FROM ${sql.table(table)} WHERE ${userWhere(userId)} AND ${sql.ref(log.count)} = 0`;

async function foldSqlite(db: Kysely<Database>, log: DeltaLog, userId: string | undefined): Promise<void> {
  // One writer at a time: nothing can append between the reading upserts and the delete.
  for (const g of log.grains) await upsert(log, g, log.table, userWhere(userId)).execute(db);
  for (const g of log.grains) await prune(log, g.table, userId).execute(db);
  await sql`DELETE FROM ${sql.table(log.table)} WHERE ${userWhere(userId)}`.execute(db);
}

async function foldPostgres(db: Kysely<Database>, log: DeltaLog, userId: string | undefined): Promise<void> {
  // One statement: exactly the rows it deletes are the rows it adds up. A delta committed meanwhile stays for the
  // next fold (two statements could delete it unfolded).
  const grains = log.grains.map(
    (g, i) => sql`${sql.raw(`g${i}`)} AS (${upsert(log, g, 'moved', sql`1 = 1`)})`,
  );
  // Data-modifying CTEs run whether or not the final SELECT reads them.
  await sql`WITH moved AS (
      DELETE FROM ${sql.table(log.table)} WHERE ${userWhere(userId)}
      RETURNING ${sql.raw(cols(['user_id', ...log.keys, ...log.figures]))}
    ), ${sql.join(grains)}
    SELECT 1`.execute(db);
  for (const g of log.grains) await prune(log, g.table, userId).execute(db);
}

/**
 * Moves pending deltas (one user's, or everyone's without `userId`) into the rollups, in one transaction (or the
 * caller's, when `db` is already one).
 */
export async function foldUsage(db: Kysely<Database>, engine: Engine, userId?: string): Promise<void> {
  // Nothing pending (the usual report): one indexed look-up, no transaction, no lock.
  const pending = await sql<{ one: number }>`
    SELECT 1 AS one FROM (SELECT 1 AS x FROM usage_deltas WHERE ${userWhere(userId)} LIMIT 1) AS a
    UNION ALL SELECT 1 AS one FROM (SELECT 1 AS x FROM usage_tool_deltas WHERE ${userWhere(userId)} LIMIT 1) AS b`.execute(
    db,
  );
  if (pending.rows.length === 0) return;
  const run = async (trx: Kysely<Database>) => {
    if (engine === 'postgres') {
      await sql`SELECT pg_advisory_xact_lock(${FOLD_LOCK})`.execute(trx);
      for (const log of LOGS) await foldPostgres(trx, log, userId);
    } else {
      for (const log of LOGS) await foldSqlite(trx, log, userId);
    }
  };
  if (db.isTransaction) return run(db);
  await db.transaction().execute(run);
}
