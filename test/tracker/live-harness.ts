// Starts a real tracker (createApp + the live/web extension) on a real port over a temp SQLite or PostgreSQL database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../tracker/app.js';
import { testConfig, type TrackerConfig } from '../../tracker/config.js';
import { openStore, type Store } from '../../tracker/db/store.js';
import type { Live } from '../../tracker/live/index.js';
import type { LiveLimits } from '../../tracker/live/limits.js';
import { silentLogger } from '../../tracker/log.js';
import { startServer } from '../../tracker/server.js';
import { ensureOwner } from '../../tracker/services/users.js';
import { liveWebExtension } from '../../tracker/web/mount.js';

export interface LiveHarness {
  url: string;
  ownerKey: string;
  store: Store;
  live: Live;
  close(): Promise<void>;
}

export async function startLiveHarness(
  opts: {
    dbFile?: string;
    postgres?: { url: string; schema: string };
    live?: { limits?: Partial<LiveLimits>; heartbeatMs?: number; presenceMs?: number };
    config?: Partial<TrackerConfig>;
  } = {},
): Promise<LiveHarness> {
  const dir = opts.dbFile || opts.postgres ? null : mkdtempSync(join(tmpdir(), 'baton-live-'));
  const target = opts.postgres
    ? ({ engine: 'postgres', url: opts.postgres.url, schema: opts.postgres.schema } as const)
    : ({ engine: 'sqlite', file: opts.dbFile ?? join(dir!, 'tracker.db') } as const);
  const config = testConfig({ db: target, shutdownTimeoutMs: 200, ...opts.config });
  const store = await openStore(target);
  const owner = await ensureOwner(store, { now: Date.now(), defaultRate: 0 });
  const lw = liveWebExtension({
    version: 'test',
    heartbeatMs: opts.live?.heartbeatMs ?? 15_000,
    presenceMs: opts.live?.presenceMs,
    liveLimits: opts.live?.limits,
  });
  const app = createApp({
    store,
    config,
    logger: silentLogger,
    // Every response is checked against its route's document, as in helpers/harness.ts (a breach is a loud 500).
    validateResponses: true,
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
  return {
    url: server.url,
    ownerKey: owner?.key.rawKey ?? '',
    store,
    live: lw.handle!.live,
    async close() {
      await server.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
