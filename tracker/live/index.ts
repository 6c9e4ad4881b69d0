// Wires the live-streaming module: store, cross-process notifier, hub, service and its two route groups.
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { createLiveApiRoutes } from './api-routes.js';
import type { LiveAuth } from './auth.js';
import { createLiveHub } from './hub.js';
import type { LiveLimits } from './limits.js';
import { createMemoryNotifier, type LiveNotifier } from './notifier.js';
import { createPgNotifier } from './pg-notifier.js';
import { createLiveService, type LivePostPublisher } from './service.js';
import { createLiveStore } from './store.js';
import { createLiveViewerRoutes } from './viewer-routes.js';

export { liveMigration } from './migration.js';
export type { LiveAuth } from './auth.js';
export type { LivePostPublisher } from './service.js';
export { resolveViewer } from './viewer-routes.js';

export interface LiveDeps {
  db: Kysely<any>;
  engine: 'sqlite' | 'postgres';
  /** PostgreSQL URL for the LISTEN connection; required for cross-instance fan-out on PostgreSQL. */
  postgresUrl?: string;
  /** PostgreSQL schema the tracker uses (instances on other schemas of the same database must not cross-talk). */
  postgresSchema?: string;
  auth: LiveAuth;
  /** The external base URL of a request (no trailing slash), for the view links in responses. */
  baseUrl: (c: Context) => string;
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
  const routeDeps = { service, store, hub, auth: deps.auth, heartbeatMs, baseUrl: deps.baseUrl };
  let sweeper: NodeJS.Timeout | null = null;

  return {
    instanceId,
    store,
    hub,
    service,
    /** Mount at /api/v1/live. */
    api: createLiveApiRoutes(routeDeps),
    /** Mount at /live (next to the HTML viewer page). */
    viewer: createLiveViewerRoutes(routeDeps),
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
