// Starts the live module on a real HTTP port over a real (temp SQLite or PostgreSQL) tracker database.
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { openStore, type Store } from '../../tracker/db/store.js';
import { createLive, type Live, type LiveDeps } from '../../tracker/live/index.js';
import { ensureOwner } from '../../tracker/services/users.js';
import { verifyKey } from '../../tracker/services/keys.js';

export interface LiveHarness {
  url: string;
  ownerKey: string;
  store: Store;
  live: Live;
  close(): Promise<void>;
}

export async function startLiveHarness(
  opts: { dbFile?: string; postgres?: { url: string; schema: string }; live?: Partial<LiveDeps> } = {},
): Promise<LiveHarness> {
  const dir = opts.dbFile || opts.postgres ? null : mkdtempSync(join(tmpdir(), 'baton-live-'));
  const target = opts.postgres
    ? ({ engine: 'postgres', url: opts.postgres.url, schema: opts.postgres.schema } as const)
    : ({ engine: 'sqlite', file: opts.dbFile ?? join(dir!, 'tracker.db') } as const);
  const store = await openStore(target);
  const owner = await ensureOwner(store, { now: Date.now(), defaultRate: 0 });
  const live = createLive({
    db: store.db,
    engine: store.engine,
    postgresUrl: opts.postgres?.url,
    postgresSchema: opts.postgres?.schema,
    auth: {
      async userFromApiKey(raw) {
        const r = await verifyKey(store, raw, Date.now());
        return r.ok ? { userId: r.user.id } : null;
      },
      async userFromCookie() {
        return null;
      },
    },
    baseUrl: (c) => new URL(c.req.url).origin,
    heartbeatMs: 15_000,
    ...opts.live,
  });
  await live.start();
  const app = new Hono();
  app.route('/api/v1/live', live.api);
  app.route('/live', live.viewer);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ownerKey: owner?.key.rawKey ?? '',
    store,
    live,
    async close() {
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((r) => server.close(() => r()));
      await live.close();
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
