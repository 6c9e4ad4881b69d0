// `baton tracker rebuild [--session ID]`: re-derive stored sessions' events, totals and search from their entries.
import { parseArgs } from 'node:util';
import { BatonError } from '../../src/core/errors.js';
import { rebuildSessions } from '../services/rebuild.js';
import { DB_OPTIONS, openStoreFromFlags } from './db-flags.js';
import type { CliIo } from './io.js';

export const REBUILD_HELP = `Usage: baton tracker rebuild [--session ID] [--db FILE|URL] [--data-dir DIR]
  Re-derives every session that holds transcript entries (events, totals, search documents) with this
  tracker's normalizer, replacing what is stored. Safe to run again.
`;

export async function runRebuild(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...DB_OPTIONS, session: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    io.stdout(REBUILD_HELP);
    return 0;
  }
  const store = await openStoreFromFlags(values, io);
  try {
    const started = performance.now();
    const r = await rebuildSessions(store, {
      ...(values.session === undefined ? {} : { sessionId: values.session }),
      now: Date.now,
      onBatch: (p) => io.stderr(`  ${p.sessions} sessions, ${p.events} events so far\n`),
    });
    if (values.session !== undefined && r.sessions === 0)
      throw new BatonError('not_found', `no session ${values.session} with transcript entries`);
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    io.stdout(
      `Rebuilt ${r.sessions} sessions from their entries: ${r.events} events; ${r.replaced} sessions had ` +
        `events that changed and were replaced (${secs} s).\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
