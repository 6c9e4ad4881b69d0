// The Store: an open database, migrated, with repositories and a transaction helper. What services and routes use.
import { openDatabase, type DbTarget } from './dialect.js';
import { migrate, type MigrateResult } from './migrate.js';
import { createRepositories, type Repositories } from './repositories/index.js';
import type { Database, Engine } from './types.js';
import type { Kysely } from 'kysely';

export interface Store extends Repositories {
  engine: Engine;
  db: Kysely<Database>;
  /** Runs `fn` in one transaction with repositories bound to it; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export async function openStore(
  target: DbTarget,
  opts: { migrate?: boolean } = {},
): Promise<Store & { migrated: MigrateResult | null }> {
  const handle = openDatabase(target);
  let migrated: MigrateResult | null = null;
  try {
    if (opts.migrate !== false) migrated = await migrate(handle.db, handle.engine);
  } catch (err) {
    await handle.close().catch(() => {});
    throw err;
  }
  const repos = createRepositories(handle.db, handle.engine);
  const transaction: Store['transaction'] = (fn) =>
    handle.db.transaction().execute((trx) => fn(createRepositories(trx, handle.engine)));
  return {
    ...repos,
    // An append outside Store.transaction is atomic on its own: one statement on PostgreSQL (a round trip instead
    // of five, and no session row lock), else a transaction of its own (its seq and counter must not interleave).
    transcriptEntries: {
      ...repos.transcriptEntries,
      append: async (sessionPk, subKey, entries, now) =>
        (await repos.transcriptEntries.appendInOneStatement(sessionPk, subKey, entries, now)) ??
        transaction((r) => r.transcriptEntries.append(sessionPk, subKey, entries, now)),
    },
    engine: handle.engine,
    db: handle.db,
    transaction,
    ping: handle.ping,
    close: handle.close,
    migrated,
  };
}
