// A real tracker (createApp + the live/web extension) on a real port over a temp SQLite file, restartable in place.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../tracker/app.js';
import { testConfig, type TrackerConfig } from '../../tracker/config.js';
import { openStore, type Store } from '../../tracker/db/store.js';
import { startServer, type RunningServer } from '../../tracker/server.js';
import { silentLogger } from '../../tracker/log.js';
import type { LiveLimits } from '../../tracker/live/limits.js';
import { ensureOwner } from '../../tracker/services/users.js';
import { liveWebExtension, type LiveWeb } from '../../tracker/web/mount.js';

export interface WebTracker {
  url: string;
  port: number;
  ownerKey: string;
  store: Store;
  live: LiveWeb;
  dir: string;
  /** Stops the server (dropping open SSE connections) and starts a fresh process-equivalent on the same port and DB. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface WebTrackerOptions {
  heartbeatMs?: number;
  liveLimits?: Partial<LiveLimits>;
  /** Sees every request before any route (tests record headers such as Last-Event-ID). */
  onRequest?: (req: Request) => void;
  config?: Partial<TrackerConfig>;
}

export async function startWebTracker(opts: WebTrackerOptions = {}): Promise<WebTracker> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-web-'));
  const file = join(dir, 'tracker.db');
  let port = 0;
  let ownerKey = '';

  const boot = async () => {
    const config = testConfig({
      db: { engine: 'sqlite', file },
      port,
      shutdownTimeoutMs: 200,
      ...opts.config,
    });
    const store = await openStore(config.db);
    const owner = await ensureOwner(store, { now: Date.now(), defaultRate: 0 });
    if (owner) ownerKey = owner.key.rawKey;
    const lw = liveWebExtension({
      version: 'test',
      heartbeatMs: opts.heartbeatMs ?? 15_000,
      liveLimits: opts.liveLimits,
    });
    const spy = (app: Parameters<typeof lw.extension>[0]) => {
      if (opts.onRequest) {
        const onRequest = opts.onRequest;
        app.use('*', async (c, next) => {
          onRequest(c.req.raw);
          await next();
        });
      }
    };
    const app = createApp({
      store,
      config,
      logger: silentLogger,
      // Every response is checked against its route's document, as in helpers/harness.ts (a breach is a loud 500).
      validateResponses: true,
      events: lw.publisher,
      extensions: [spy, lw.extension],
    });
    await lw.start();
    const server: RunningServer = await startServer({
      app,
      config,
      logger: silentLogger,
      onClosed: async () => {
        await lw.close();
        await store.close();
      },
    });
    port = server.port;
    return { server, store, live: lw.handle! };
  };

  let cur = await boot();
  const t: WebTracker = {
    url: cur.server.url,
    port,
    ownerKey,
    store: cur.store,
    live: cur.live,
    dir,
    async restart() {
      await cur.server.close();
      cur = await boot();
      t.store = cur.store;
      t.live = cur.live;
    },
    async close() {
      await cur.server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}
