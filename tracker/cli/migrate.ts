// `baton tracker migrate`: apply pending migrations (they also run at every serve) and report the version.
import { parseArgs } from 'node:util';
import { DB_OPTIONS, openStoreFromFlags } from './db-flags.js';
import type { CliIo } from './io.js';

export async function runMigrate(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: DB_OPTIONS });
  const store = await openStoreFromFlags(values, io);
  try {
    // openStore migrated already; report what it did.
    const m = (store as { migrated?: { applied: number[]; current: number } | null }).migrated;
    io.stdout(
      `Database at migration ${m?.current ?? '?'}${m?.applied.length ? ` (applied ${m.applied.join(', ')})` : ' (up to date)'}.\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
