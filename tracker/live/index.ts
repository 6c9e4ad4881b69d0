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
  const routeDeps = { service, store, hub, auth: deps.auth, heartbeatMs, gate };
  let sweeper: NodeJS.Timeout | null = null;

  return {
    instanceId,
    store,
    hub,
    service,
    gate,
    /**
     * Registers /api/v1/live/* and /live/:token/{events,status} on the tracker app itself: `keyAuth` is the app's
     * auth middleware, so API keys are checked and rate limited here exactly as on every other route.
     */
    register(app: Hono<AppEnv>, keyAuth: MiddlewareHandler<AppEnv>): void {
      registerLiveApiRoutes(app, keyAuth, deps.config, routeDeps);
      registerLiveViewerRoutes(app, routeDeps);
    },
    /** Starts listening for other instances and the expiry sweeper. Creating the module opens nothing. */
    async start(): Promise<void> {
      await hub.start();
      sweeper = setInterval(() => void service.sweepExpired().catch(onError), deps.sweepMs ?? 30_000);
      sweeper.unref();
    },
    async close(): Promise<void> {
      if (sweeper) clearInterval(sweeper);
      await hub.close();
    },
    /** The ingest publish hook: forwards captured session events to the viewers of that session's active streams. */
    publishSessionEvents: service.publishSessionEvents,
  };
}
