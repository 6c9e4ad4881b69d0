// Wires the live-streaming module: store, cross-process notifier, hub, service and its two route groups.
import { randomBytes } from 'node:crypto';
import type { Hono, MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { TrackerConfig } from '../config.js';
import type { Database } from '../db/types.js';
import type { UrlConfig } from '../http/base-url.js';
import type { AppEnv } from '../http/env.js';
import { registerLiveApiRoutes } from './api-routes.js';
import type { LiveAuth } from './auth.js';
import { createLiveHub } from './hub.js';
import { createLivePresence } from './presence.js';
import { createIdentify } from './watcher.js';
import type { LiveLimits } from './limits.js';
import { createMemoryNotifier, type LiveNotifier } from './notifier.js';
import { createPgNotifier } from './pg-notifier.js';
import { createLiveService, type LivePostPublisher } from './service.js';
import { createLiveStore } from './store.js';
import { createViewerGate, type ViewerCaps } from './viewer-gate.js';
import { registerLiveViewerRoutes } from './viewer-routes.js';

export type { LiveAuth } from './auth.js';
export type { LivePostPublisher } from './service.js';
export { resolveViewer } from './viewer-routes.js';
export type { ViewerCaps } from './viewer-gate.js';
export type { LivePresence, PresenceSnapshot, Watcher } from './presence.js';
export { openPresenceSse, sessionRoom } from './presence-sse.js';

export interface LiveDeps {
  db: Kysely<Database>;
  engine: 'sqlite' | 'postgres';
  /** PostgreSQL URL for the LISTEN connection; required for cross-instance fan-out on PostgreSQL. */
  postgresUrl?: string;
  /** PostgreSQL schema the tracker uses (instances on other schemas of the same database must not cross-talk). */
  postgresSchema?: string;
  auth: LiveAuth;
  /** Base URLs, trusted proxy and the viewer caps come from the tracker's config. */
  config: UrlConfig & Pick<TrackerConfig, 'live'>;
  heartbeatMs?: number;
  presenceMs?: number;
  sweepMs?: number;
  limits?: Partial<LiveLimits>;
  publishPost?: LivePostPublisher;
  now?: () => number;
  onError?: (err: unknown) => void;
  /** Tests inject a notifier; otherwise PostgreSQL gets LISTEN/NOTIFY and SQLite the in-process bus. */
  notifier?: LiveNotifier;
}

export type Live = ReturnType<typeof createLive>;

export function createLive(deps: LiveDeps) {
  const onError = deps.onError ?? (() => undefined);
  const store = createLiveStore(deps.db);
  const notifier =
    deps.notifier ??
    (deps.engine === 'postgres' && deps.postgresUrl
      ? createPgNotifier({
          connectionString: deps.postgresUrl,
          channel: deps.postgresSchema ? `baton_live_${deps.postgresSchema.toLowerCase()}` : undefined,
          onError,
        })
      : createMemoryNotifier());
  const instanceId = randomBytes(6).toString('hex');
  const hub = createLiveHub({
    instanceId,
    store,
    notifier,
    presenceMs: deps.presenceMs,
    now: deps.now,
    onError,
  });
  // Shares the hub's notifier (and heartbeat period): one LISTEN connection per instance carries both.
  const presence = createLivePresence({
    instanceId,
    notifier,
    heartbeatMs: deps.presenceMs,
    now: deps.now,
    onError,
  });
  const service = createLiveService({
    store,
    hub,
    limits: deps.limits,
    now: deps.now,
    publishPost: deps.publishPost,
  });
  const heartbeatMs = deps.heartbeatMs ?? 15_000;
  const caps: ViewerCaps = {
    perStream: deps.config.live.maxViewersPerStream,
    perAddress: deps.config.live.maxConnectionsPerAddress,
  };
  const gate = createViewerGate(caps, deps.config);
  const identify = createIdentify(deps.db, deps.auth);
  const routeDeps = { service, store, hub, auth: deps.auth, heartbeatMs, gate, presence, identify };
  let sweeper: NodeJS.Timeout | null = null;
  let started: Promise<void> | null = null;

  return {
    instanceId,
    store,
    hub,
    service,
    gate,
    presence,
    identify,
    heartbeatMs,
    /**
     * Registers /api/v1/live/* and /live/:token/{events,status} on the tracker app itself: `keyAuth` is the app's
     * auth middleware, so API keys are checked and rate limited here exactly as on every other route.
     */
    register(app: Hono<AppEnv>, keyAuth: MiddlewareHandler<AppEnv>): void {
      registerLiveApiRoutes(app, keyAuth, deps.config, routeDeps);
      registerLiveViewerRoutes(app, routeDeps);
    },
    /**
     * Starts listening for other instances and the expiry sweeper (once: presence routes call it too, since a session
     * page may be the first thing an instance serves). Creating the module opens nothing.
     */
    start(): Promise<void> {
      started ??= (async () => {
        await hub.start();
        await presence.start();
        sweeper = setInterval(() => void service.sweepExpired().catch(onError), deps.sweepMs ?? 30_000);
        sweeper.unref();
      })();
      return started;
    },
    async close(): Promise<void> {
      if (sweeper) clearInterval(sweeper);
      // Before the hub closes the shared notifier: other instances drop this one's watchers at once.
      await presence.close();
      await hub.close();
    },
    /** The ingest publish hook: forwards captured session events to the viewers of that session's active streams. */
    publishSessionEvents: service.publishSessionEvents,
  };
}
