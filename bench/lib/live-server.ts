// Benchmark child: a real tracker (createApp + live/web extension + startServer) on SQLite or PostgreSQL.
// argv[2] is a SQLite file or a postgres:// URL, read as the tracker reads --db/DATABASE_URL (with
// BATON_TRACKER_PG_SCHEMA from the environment). Prints one JSON line {url, ownerKey, pid}, then serves until SIGTERM;
// ownerKey is null when the database already had its owner (a second instance on the same schema).
import { tmpdir } from 'node:os';
import { createApp } from '../../tracker/app.js';
import { resolveDbTarget, testConfig } from '../../tracker/config.js';
import { openStore } from '../../tracker/db/store.js';
import { silentLogger } from '../../tracker/log.js';
import { startServer } from '../../tracker/server.js';
import { ensureOwner } from '../../tracker/services/users.js';
import { liveWebExtension } from '../../tracker/web/mount.js';

const db = resolveDbTarget(
  process.argv[2]!,
  { BATON_TRACKER_PG_SCHEMA: process.env.BATON_TRACKER_PG_SCHEMA },
  tmpdir(),
);
const config = testConfig({ db, port: 0, shutdownTimeoutMs: 500 });
const store = await openStore(config.db);
const owner = await ensureOwner(store, { now: Date.now(), defaultRate: 0 });
const lw = liveWebExtension({ version: 'bench', liveLimits: { eventsPerSecond: 10_000, burst: 100_000 } });
const app = createApp({
  store,
  config,
  logger: silentLogger,
  events: lw.publisher,
  extensions: [lw.extension],
});
await lw.start();
const server = await startServer({
  app,
  config,
  logger: silentLogger,
  onClosed: async () => {
    await lw.close();
    await store.close();
  },
});
process.stdout.write(
  JSON.stringify({ url: server.url, ownerKey: owner?.key.rawKey ?? null, pid: process.pid }) + '\n',
);
process.on('SIGTERM', () => void server.close().finally(() => process.exit(0)));
