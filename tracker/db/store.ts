// The Store: an open database, migrated, with repositories and a transaction helper. What services and routes use.
import { openDatabase, type DbTarget } from './dialect.js';
import { migrate, type MigrateResult } from './migrate.js';
import { createRepositories, type Repositories } from './repositories/index.js';
import {
  createTranscriptEntriesRepo,
  type TranscriptEntriesRepo,
} from './repositories/transcript-entries.js';
import type { Database, Engine } from './types.js';
import type { Kysely } from 'kysely';

export interface Store extends Repositories {
  engine: Engine;
  db: Kysely<Database>;
  /** Transcript lines (issue 12): each append runs in its own transaction, so it is not among the bound repositories. */
  transcriptEntries: TranscriptEntriesRepo;
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
  return {
    ...createRepositories(handle.db, handle.engine),
    engine: handle.engine,
    db: handle.db,
    transcriptEntries: createTranscriptEntriesRepo(handle.db, handle.engine),
    transaction: (fn) => handle.db.transaction().execute((trx) => fn(createRepositories(trx, handle.engine))),
    ping: handle.ping,
    close: handle.close,
    migrated,
  };
}
