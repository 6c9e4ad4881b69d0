// Benchmark child: a real tracker (createApp + live/web extension + startServer) on a temp SQLite file.
// Prints one JSON line {url, ownerKey, pid} on stdout, then serves until SIGTERM.
import { createApp } from '../../tracker/app.js';
import { testConfig } from '../../tracker/config.js';
import { openStore } from '../../tracker/db/store.js';
import { silentLogger } from '../../tracker/log.js';
import { startServer } from '../../tracker/server.js';
import { ensureOwner } from '../../tracker/services/users.js';
import { liveWebExtension } from '../../tracker/web/mount.js';

const file = process.argv[2]!;
const config = testConfig({ db: { engine: 'sqlite', file }, port: 0, shutdownTimeoutMs: 500 });
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
  JSON.stringify({ url: server.url, ownerKey: owner!.key.rawKey, pid: process.pid }) + '\n',
);
process.on('SIGTERM', () => void server.close().finally(() => process.exit(0)));
