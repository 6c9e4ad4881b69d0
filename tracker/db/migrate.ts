// Applies pending migrations in order, each in its own transaction; refuses a database newer than this code.
import { sql, type Kysely, type Transaction } from 'kysely';
import { BatonError } from '../../src/core/errors.js';
import { migrations as allMigrations, type Migration } from './migrations/index.js';
import type { Database, Engine } from './types.js';

export interface MigrateResult {
  applied: number[];
  current: number;
}

// Any fixed number: instances starting together on one PostgreSQL database take turns.
const PG_LOCK_ID = 7_878_001;

export async function migrate(
  db: Kysely<Database>,
  engine: Engine,
  migrations: readonly Migration[] = allMigrations,
): Promise<MigrateResult> {
  await sql`CREATE TABLE IF NOT EXISTS tracker_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`.execute(db);
  const applied: number[] = [];
  for (const m of migrations) {
    const done = await db.transaction().execute(async (trx) => {
      if (engine === 'postgres') await sql`SELECT pg_advisory_xact_lock(${PG_LOCK_ID})`.execute(trx);
      const current = await currentVersion(trx);
      const latest = migrations[migrations.length - 1]?.version ?? 0;
      if (current > latest) {
        throw new BatonError(
          'config',
          `the database is at migration ${current}, newer than this tracker (${latest}); upgrade the tracker`,
        );
      }
      if (current >= m.version) return false;
      for (const statement of engine === 'sqlite' ? m.sqlite : m.postgres)
        await sql.raw(statement).execute(trx);
      await trx
        .insertInto('tracker_migrations')
        .values({ version: m.version, name: m.name, applied_at: Date.now() })
        .execute();
      return true;
    });
    if (done) applied.push(m.version);
  }
  return { applied, current: await currentVersion(db) };
}

async function currentVersion(db: Kysely<Database> | Transaction<Database>): Promise<number> {
  const row = await db
    .selectFrom('tracker_migrations')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}
