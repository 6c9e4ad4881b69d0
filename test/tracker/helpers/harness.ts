// Starts a real tracker (createApp + server on port 0) on SQLite or a throw-away PostgreSQL schema, per test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { describeWithExternal } from '../../helpers/externals.js';
import { createApp, type AppDeps } from '../../../tracker/app.js';
import { testConfig, type TrackerConfig } from '../../../tracker/config.js';
import { withDefaultUser, type DbTarget } from '../../../tracker/db/dialect.js';
import { openStore, type Store } from '../../../tracker/db/store.js';
import { silentLogger } from '../../../tracker/log.js';
import { startServer } from '../../../tracker/server.js';
import { createSessionDeriver } from '../../../tracker/services/derive-session.js';
import { ensureOwner } from '../../../tracker/services/users.js';

export type EngineName = 'sqlite' | 'postgres';
export const PG_URL = process.env.BATON_TEST_PG_URL ?? 'postgres://127.0.0.1:5432/test';

function adminClient(): pg.Client {
  return new pg.Client({ connectionString: withDefaultUser(PG_URL) });
}

/** null when PostgreSQL answers, else why not. */
export async function pgUnavailableReason(): Promise<string | null> {
  const c = adminClient();
  c.on('error', () => {});
  try {
    await c.connect();
    await c.query('select 1');
    return null;
  } catch (err) {
    return `PostgreSQL at ${PG_URL} unreachable: ${(err as Error).message}`;
  } finally {
    await c.end().catch(() => {});
  }
}

const pgReason = await pgUnavailableReason();

/** Runs `body` once per engine: SQLite always; PostgreSQL when reachable (a loud skip otherwise, a failure under CI). */
export function forEachEngine(name: string, body: (engine: EngineName) => void): void {
  describe(`${name} [sqlite]`, () => body('sqlite'));
  describeWithExternal(`${name} [postgres]`, pgReason)(`${name} [postgres]`, () => body('postgres'));
}

/** A fresh database: a temp SQLite file, or a new PostgreSQL schema that `drop` removes. */
export async function freshDatabase(
  engine: EngineName,
): Promise<{ target: DbTarget; drop(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'baton-tracker-'));
    return {
      target: { engine: 'sqlite', file: join(dir, 'tracker.db') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `baton_t_${randomBytes(6).toString('hex')}`;
  const c = adminClient();
  await c.connect();
  await c.query(`CREATE SCHEMA ${schema}`);
  await c.end();
  return {
    target: { engine: 'postgres', url: PG_URL, schema, poolSize: 5 },
    drop: async () => {
      const d = adminClient();
      await d.connect();
      await d.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await d.end();
    },
  };
}

export interface TestTracker {
  engine: EngineName;
  url: string;
  ownerKey: string;
  store: Store;
  config: TrackerConfig;
  target: DbTarget;
  close(): Promise<void>;
}

export async function startTracker(
  engine: EngineName,
  opts: {
    config?: Partial<TrackerConfig>;
    deps?: Partial<Pick<AppDeps, 'events' | 'now'>>;
    /** How long SessionStore sessions wait before being derived from their entries (default 100 ms). */
    deriveIntervalMs?: number;
  } = {},
): Promise<TestTracker> {
  const db = await freshDatabase(engine);
  const config = testConfig({ db: db.target, ...opts.config });
  const store = await openStore(db.target);
  // Unlimited rate for the owner key: tests that check limits make their own keys.
  const owner = await ensureOwner(store, { now: Date.now(), defaultRate: 0 });
  // Every response of every tracker test is checked against its route's document (a breach is a loud 500).
  const derive = createSessionDeriver({
    store,
    logger: silentLogger,
    now: opts.deps?.now ?? Date.now,
    intervalMs: opts.deriveIntervalMs ?? 100,
    ...(opts.deps?.events ? { events: opts.deps.events } : {}),
  });
  const app = createApp({
    store,
    config,
    logger: silentLogger,
    validateResponses: true,
    derive,
    ...opts.deps,
  });
  const server = await startServer({
    app,
    config,
    logger: silentLogger,
    onClosed: async () => {
      await derive.close();
      await store.close();
    },
  });
  return {
    engine,
    url: server.url,
    ownerKey: owner!.key.rawKey,
    store,
    config,
    target: db.target,
    async close() {
      await server.close();
      await db.drop();
    },
  };
}

/**
 * A response body as the tests read it: untyped on purpose (each test asserts the fields it names; the tracker's own
 * check, `validateResponses`, holds every body to its documented schema). The one `any` of the harness.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = any;

export interface Res<T = Body> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

/** A tiny JSON client over real HTTP. `body` may be a string (sent as is) or a value (JSON-encoded). */
export function client(baseUrl: string, key?: string) {
  const call = async <T = Body>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Res<T>> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  };
  return {
    get: <T = Body>(path: string, headers?: Record<string, string>) =>
      call<T>('GET', path, undefined, headers),
    post: <T = Body>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('POST', path, body, headers),
    patch: <T = Body>(path: string, body?: unknown) => call<T>('PATCH', path, body),
    del: <T = Body>(path: string) => call<T>('DELETE', path),
    raw: call,
  };
}

export type Client = ReturnType<typeof client>;
