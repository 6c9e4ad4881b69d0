// One call for the tracker's app factory: builds the live module and the web UI over its services and mounts both.
import type { Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env.js';
import { baseUrlFor } from '../http/base-url.js';
import { createLive, sessionRoom, type Live } from '../live/index.js';
import type { LiveLimits } from '../live/limits.js';
import type { RouteDeps } from '../routes/route-deps.js';
import { createLivePostPublisher } from '../live/post-publisher.js';
import type { ServiceDeps } from '../services/service-deps.js';
import type { EventPublisher, LiveEvent } from '../services/publisher.js';
import { createCsrf } from './csrf.js';
import { createWeb } from './index.js';
import { loadSecret } from './secret.js';
import { createWebSessions } from './web-sessions.js';

export interface LiveWebOptions {
  services: ServiceDeps;
  version: string;
  /** Shown in Settings → Connect Claude Code (`claude plugin marketplace add <repo>`). */
  marketplaceRepo?: string;
  heartbeatMs?: number;
  /** How often instances re-announce viewer counts (tests of multi-instance fan-out shorten it). */
  presenceMs?: number;
  liveLimits?: Partial<LiveLimits>;
}

export interface LiveWeb {
  live: Live;
  /** Forwards the tracker's stored-event notifications (ingest, sync) to live viewers of those sessions. */
  publisher: EventPublisher;
  /** Remembers an error for /diagnostics (the last 20). */
  recordError(message: string): void;
  start(): Promise<void>;
  close(): Promise<void>;
}

// Overridable per deployment (BATON_TRACKER_MARKETPLACE is read by the caller); the placeholder says what to put there.
const DEFAULT_MARKETPLACE = '<owner>/baton';

/**
 * For createApp's `extensions` and `events`: the extension mounts /api/v1/live, /live/* and the pages when the app is
 * built; the publisher (created first, because createApp needs it up front) forwards to the live module from then on.
 */
export function liveWebExtension(o: Omit<LiveWebOptions, 'services'> = { version: '0.0.0' }) {
  let mounted: LiveWeb | null = null;
  return {
    extension(app: Hono<AppEnv>, ctx: RouteDeps): void {
      mounted = mountLiveWeb(app, ctx.auth, { ...o, services: ctx.deps });
    },
    publisher: {
      publish(sessionId: string, event: LiveEvent) {
        mounted?.publisher.publish(sessionId, event);
      },
    } satisfies EventPublisher,
    get handle(): LiveWeb | null {
      return mounted;
    },
    start: async () => mounted?.start(),
    close: async () => mounted?.close(),
  };
}

/** Mounts /api/v1/live, /live/* and the pages on `app`; `keyAuth` is the app's auth. Opens nothing until start(). */
export function mountLiveWeb(
  app: Hono<AppEnv>,
  keyAuth: MiddlewareHandler<AppEnv>,
  o: LiveWebOptions,
): LiveWeb {
  const { services } = o;
  const errors: Array<{ at: string; message: string }> = [];
  const recordError = (message: string) => {
    errors.unshift({ at: new Date(services.now()).toISOString(), message: message.slice(0, 500) });
    errors.length = Math.min(errors.length, 20);
  };
  const sessions = createWebSessions(services.store.db, { now: services.now, config: services.config });
  // Loaded on the first form that needs it (building the app touches no database); retried if that load failed.
  let secret: Promise<Buffer> | null = null;
  const csrf = createCsrf({
    config: services.config,
    secret: () =>
      (secret ??= loadSecret(services.store.db, 'csrf').catch((err: unknown) => {
        secret = null;
        throw err;
      })),
  });
  const db = services.config.db;
  const live = createLive({
    db: services.store.db,
    engine: services.store.engine,
    ...(db.engine === 'postgres' ? { postgresUrl: db.url, postgresSchema: db.schema } : {}),
    auth: {
      async userFromCookie(c) {
        const u = await sessions.current(c);
        return u ? { userId: u.userId } : null;
      },
    },
    config: services.config,
    heartbeatMs: o.heartbeatMs,
    presenceMs: o.presenceMs,
    limits: o.liveLimits,
    now: services.now,
    publishPost: createLivePostPublisher({ store: services.store, now: services.now }),
    onError: (err) => {
      recordError(`live: ${String(err)}`);
      services.logger.warn('live stream error', { err: String(err) });
    },
  });
  // Started on the first request that needs it (or by start()): building the app opens no connection.
  let started: Promise<void> | null = null;
  const start = () => (started ??= live.start());
  app.use('/api/v1/live/*', async (_c, next) => {
    await start();
    await next();
  });
  app.use('/live/*', async (_c, next) => {
    await start();
    await next();
  });
  live.register(app, keyAuth);
  app.route(
    '/',
    createWeb({
      services,
      live,
      sessions,
      baseUrl: (c) => baseUrlFor(c, services.config),
      version: o.version,
      startedAt: services.now(),
      marketplaceRepo: o.marketplaceRepo ?? DEFAULT_MARKETPLACE,
      recentErrors: () => errors.slice(),
      recordError,
      csrf,
    }),
  );

  const publisher: EventPublisher = {
    publish(sessionId: string, event: LiveEvent) {
      if (event.type === 'room')
        return live.presence.broadcast(
          sessionRoom(sessionId),
          event.userId,
          event.event,
          event.data,
          event.fallback,
        );
      if (event.type !== 'events.appended') return;
      live
        .publishSessionEvents(
          event.userId,
          sessionId,
          event.events.map((e) => ({ event: e.event, turnIndex: e.turnIndex })),
        )
        .catch((err) => recordError(`live ingest: ${String(err)}`));
    },
  };

  return { live, publisher, recordError, start, close: () => live.close() };
}

/**
 * The `baton tracker serve` hook (tracker/cli/serve.ts `ServeExtensions`): live streams and the web pages on the
 * real server. BATON_TRACKER_MARKETPLACE names the plugin marketplace repository shown in Settings.
 */
export const liveWebServeExtension = {
  async create(): Promise<{
    events: EventPublisher;
    extensions: Array<(app: Hono<AppEnv>, ctx: RouteDeps) => void>;
    close(): Promise<void>;
  }> {
    const lw = liveWebExtension({
      version: process.env.BATON_BUILD_VERSION ?? 'dev',
      marketplaceRepo: process.env.BATON_TRACKER_MARKETPLACE || undefined,
    });
    return { events: lw.publisher, extensions: [lw.extension], close: () => lw.close() };
  },
};
