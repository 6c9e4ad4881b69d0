// `baton tracker serve`: migrate, create the owner on first start, serve until SIGTERM/SIGINT, then drain and close.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { parseArgs } from 'node:util';
import { configFilePath, writeConfigFile } from '../../src/core/config/index.js';
import { createApp, type AppDeps } from '../app.js';
import { resolveTrackerConfig, type TrackerConfig } from '../config.js';
import { openStore, type Store } from '../db/store.js';
import { createLogger, LogFormat } from '../log.js';
import { serveBanner } from './banner.js';
import { startServer } from '../server.js';
import { createSessionDeriver } from '../services/derive-session.js';
import { startUsageFolding } from '../services/usage-folding.js';
import { createKey, verifyKey } from '../services/keys.js';
import { ensureOwner } from '../services/users.js';
import type { CliIo } from './io.js';

export const SERVE_HELP = `Usage: baton tracker serve [options]
  --port N            port (default 7878; 0 picks a free one)       env BATON_TRACKER_PORT
  --host H            bind address (default 127.0.0.1)              env BATON_TRACKER_HOST
  --db FILE|URL       SQLite file (default <data dir>/tracker.db), or postgres://…   env DATABASE_URL
  --data-dir DIR      where the SQLite file lives                   env BATON_DATA_DIR
  --tls-cert FILE --tls-key FILE   serve HTTPS directly             env BATON_TRACKER_TLS_CERT/_KEY
  --trust-proxy       behind a TLS-terminating proxy: X-Forwarded-* decide returned URLs and client addresses
  --public-url URL    fixed external URL for returned links         env BATON_TRACKER_PUBLIC_URL
  --write-config      save {url, apiKey} to the Baton config file (0600) so the local plugin is set up
  --log-level L       debug|info|warn|error|silent (logs go to stderr)   env BATON_TRACKER_LOG_LEVEL
  --log human|json    human (default): short lines, one per request only at --log-level debug;
                      json: one JSON object per line, every request included (production)   env BATON_TRACKER_LOG
Limits (env): BATON_TRACKER_LIVE_MAX_VIEWERS (200 per stream), BATON_TRACKER_LIVE_MAX_PER_ADDRESS (20),
  BATON_TRACKER_LOGIN_RATE (10 /login attempts per address per minute), BATON_TRACKER_DEFAULT_RATE (60)
`;

/** Hook for the live/web modules: extra app deps (publisher, route groups) and start/stop of their own resources. */
export interface ServeExtensions {
  create?(ctx: { store: Store; config: TrackerConfig }): Promise<
    Partial<Pick<AppDeps, 'events' | 'extensions'>> & {
      /** Runs after createApp (extensions mounted), before the port opens. */
      start?(): Promise<void>;
      /** Runs after the server drained, before the database closes. */
      close?(): Promise<void>;
    }
  >;
}

export async function runServe(argv: string[], io: CliIo, ext: ServeExtensions = {}): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      'data-dir': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      'public-url': { type: 'string' },
      'write-config': { type: 'boolean' },
      'log-level': { type: 'string' },
      log: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    io.stdout(SERVE_HELP);
    return 0;
  }
  const config = resolveTrackerConfig(values, io.env);
  const logFormat = LogFormat.parse(values.log ?? (io.env.BATON_TRACKER_LOG || 'human'));
  const logger = createLogger(config.logLevel, io.stderr, logFormat);
  const store = await openStore(config.db);
  logger.info('database ready', {
    engine: store.engine,
    migrationsApplied: store.migrated?.applied ?? [],
    version: store.migrated?.current,
  });
  let extras: Awaited<ReturnType<NonNullable<ServeExtensions['create']>>> = {};
  try {
    const owner = await ensureOwner(store, {
      now: Date.now(),
      defaultRate: config.defaultRateLimitPerMinute,
    });
    if (ext.create) extras = await ext.create({ store, config });
    const derive = createSessionDeriver({ store, logger, now: Date.now, events: extras.events });
    const app = createApp({
      store,
      config,
      logger,
      derive,
      events: extras.events,
      extensions: extras.extensions,
    });
    await extras.start?.();
    const folding = startUsageFolding(store, logger);
    const server = await startServer({
      app,
      config,
      logger,
      onClosed: async () => {
        await extras.close?.();
        // Sessions appended to in the last second are derived before the database closes.
        await derive.close();
        await folding.close();
        await store.close();
      },
    });
    const url = config.publicUrl ?? server.url;
    const setup = await pluginSetup(values['write-config'] === true, {
      io,
      store,
      config,
      url,
      ownerKey: owner?.key.rawKey ?? null,
    });
    io.stdout(
      serveBanner({
        listenUrl: server.url,
        url,
        db: describeDb(config),
        newKey: setup.newKey,
        config: setup.config,
        hint:
          owner || values['write-config']
            ? null
            : '(existing database: create a key with `baton tracker keys create --name NAME`)',
        logs:
          logFormat === 'json'
            ? 'JSON lines on stderr'
            : 'errors and warnings on stderr; --log-level debug shows each request, --log json for JSON lines',
      }),
    );
    io.onListening?.({ url: server.url, port: server.port });

    await waitForStop(io);
    await server.close();
    return 0;
  } catch (err) {
    await extras.close?.().catch(() => {});
    await store.close().catch(() => {});
    throw err;
  }
}

/**
 * --write-config: makes sure the Baton config file holds a working {url, apiKey} for the plugin on this machine,
 * creating a key only when the saved one is missing or stale. Returns the key to show once, and what was done.
 */
async function pluginSetup(
  write: boolean,
  c: { io: CliIo; store: Store; config: TrackerConfig; url: string; ownerKey: string | null },
): Promise<{ newKey: { raw: string; why: 'owner' | 'plugin' } | null; config: string | null }> {
  type NewKey = { raw: string; why: 'owner' | 'plugin' };
  const ownerKey: NewKey | null = c.ownerKey ? { raw: c.ownerKey, why: 'owner' } : null;
  if (!write) return { newKey: ownerKey, config: null };
  const path = configFilePath(c.io.env, c.io.env.HOME || homedir());
  let newKey: NewKey;
  if (ownerKey) newKey = ownerKey;
  else {
    const existing = readConfig(path);
    const stillWorks =
      existing?.apiKey &&
      existing.url === c.url &&
      (await verifyKey(c.store, existing.apiKey, Date.now())).ok;
    if (stillWorks) return { newKey: null, config: `${path} already holds a working key for ${c.url}.` };
    const owners = (await c.store.users.list()).filter((u) => u.role === 'owner');
    if (!owners[0]) return { newKey: null, config: `no owner account: ${path} left as it was.` };
    const created = await createKey(
      c.store,
      owners[0].id,
      { name: 'local plugin (npm start)' },
      { now: Date.now(), defaultRate: c.config.defaultRateLimitPerMinute },
    );
    newKey = { raw: created.rawKey, why: 'plugin' };
  }
  writeConfigFile(path, { url: c.url, apiKey: newKey.raw });
  return {
    newKey,
    config: `saved url and apiKey to ${path} (mode 0600): the Baton plugin on this machine is configured.`,
  };
}

function waitForStop(io: CliIo): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGTERM', done);
      process.off('SIGINT', done);
      resolve();
    };
    if (io.handleSignals !== false) {
      process.once('SIGTERM', done);
      process.once('SIGINT', done);
    }
    if (io.signal?.aborted) done();
    io.signal?.addEventListener('abort', done, { once: true });
  });
}

function describeDb(config: TrackerConfig): string {
  if (config.db.engine === 'sqlite') return `SQLite ${config.db.file} (WAL)`;
  const u = new URL(config.db.url);
  return `PostgreSQL ${u.host}${u.pathname}${config.db.schema ? ` schema ${config.db.schema}` : ''}`;
}

function readConfig(path: string): { url?: string; apiKey?: string } | null {
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return v && typeof v === 'object' ? (v as { url?: string; apiKey?: string }) : null;
  } catch {
    return null;
  }
}
