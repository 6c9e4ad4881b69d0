// Starts the real tracker (temp SQLite, port 0) with an owner key, for the handoff sync tests and the handoff e2e.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../tracker/app.js';
import { testConfig } from '../../tracker/config.js';
import { openStore, type Store } from '../../tracker/db/store.js';
import { silentLogger } from '../../tracker/log.js';
import { startServer } from '../../tracker/server.js';
import { ensureOwner } from '../../tracker/services/users.js';

export interface TestTracker {
  url: string;
  apiKey: string;
  store: Store;
  close(): Promise<void>;
}

export async function startTestTracker(): Promise<TestTracker> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-handoff-tracker-'));
  const db = { engine: 'sqlite' as const, file: join(dir, 'tracker.db') };
  const store = await openStore(db);
  // A generous rate: a test run makes a few dozen calls in a second.
  const config = testConfig({ db, dataDir: dir, defaultRateLimitPerMinute: 10_000 });
  const owner = await ensureOwner(store, { now: Date.now(), defaultRate: 10_000 });
  if (!owner) throw new Error('test tracker: no owner was created');
  const server = await startServer({
    app: createApp({ store, config }),
    config,
    logger: silentLogger,
    onClosed: () => store.close(),
  });
  return {
    url: server.url,
    apiKey: owner.key.rawKey,
    store,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
