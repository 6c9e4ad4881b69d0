// The tracker's migrations: the shipped list (ids, names, SQL) never changes, a fresh database and one left at an
// older migration both reach the latest, on SQLite and PostgreSQL.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, expect, test } from 'vitest';
import { openDatabase, type DbHandle } from '../../tracker/db/dialect.js';
import { migrate } from '../../tracker/db/migrate.js';
import { migrations } from '../../tracker/db/migrations/index.js';
import { forEachEngine, freshDatabase, type EngineName } from './helpers/harness.js';

const SHIPPED = [
  'init',
  'live-streams',
  'web-sessions',
  'key-parents',
  'secrets',
  'session-accounting',
  'subagent-usage',
  'transcript-entries',
  'session-store',
  'manage',
  'comments',
  'usage',
  'usage-rollups',
];

test('the migration list keeps its shipped ids, names and order', () => {
  expect(migrations.map((m) => m.version)).toEqual(SHIPPED.map((_, i) => i + 1));
  expect(migrations.slice(0, SHIPPED.length).map((m) => m.name)).toEqual(SHIPPED);
});

// A database records only the version it reached: editing a shipped migration silently forks the schema of existing
// databases from new ones. This hash pins migrations 1-7 as shipped (taken before their SQL moved into
// tracker/db/migrations); append a migration instead of changing it.
const pin = (from: number, to: number) =>
  createHash('sha256')
    .update(JSON.stringify(migrations.slice(from, to).map((m) => [m.version, m.name, m.sqlite, m.postgres])))
    .digest('hex');

test('shipped migrations keep their SQL byte for byte', () => {
  expect(pin(0, 7)).toBe('a8caf5ededfb8e1f049975a35b9f8c413af58a56402cfebd937e0774b77e44e7');
  // Migration 8 (issue 12, transcript entries), pinned on its own so the hash of 1-7 above stays as shipped.
  expect(pin(7, 8)).toBe('e1fa27dfce6d78c630584897d9d50a5063bd4bdc695ee3a907646f5a6a9381e5');
  // Migration 9 (issue 12, projectKey and entry counts on sessions).
  expect(pin(8, 9)).toBe('bde461e6a3601212b9cbfc661a74ecaa6fd88791f76b1724e4b66815458f9976');
  // Migration 10 (issue 13, manage: trash columns, partial list indexes, the post a push created).
  expect(pin(9, 10)).toBe('1624cd4a08f95c16591ae147e62761163647bae1baad34180b8a1ba894000269');
  // Migration 11 (issue 14, comments: comments, reactions, sessions.comments_enabled).
  expect(pin(10, 11)).toBe('d30e6856183389f2230042d53644b0f847f9b6666afaa99cafc799c855050881');
  // Migration 12 (issue 14, usage: sessions.main_model, session_tools and its scope trigger, covering indexes).
  expect(pin(11, 12)).toBe('13440473e384497a7c2d2df69d22816a588f1b93cf767701186c348e60e9de8d');
  // Migration 13 (issue 14, usage rollups fed by delta logs the triggers append to, the own-cost index).
  expect(pin(12, 13)).toBe('41bb64cf9527f755923a5c8e35f694891da5121e51e84428516f8c1b9676d3e4');
  expect(migrations.length).toBe(SHIPPED.length);
});

async function tableNames(h: DbHandle): Promise<string[]> {
  const rows =
    h.engine === 'sqlite'
      ? await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(h.db)
      : await sql<{
          name: string;
        }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`.execute(
          h.db,
        );
  return rows.rows.map((r) => r.name).sort();
}

forEachEngine('migrations', (engine: EngineName) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function open(): Promise<DbHandle> {
    const fresh = await freshDatabase(engine);
    cleanups.push(fresh.drop);
    const h = openDatabase(fresh.target);
    cleanups.push(() => h.close());
    return h;
  }

  const latest = migrations[migrations.length - 1]!.version;

  test('a fresh database gets every migration once', async () => {
    const h = await open();
    expect(await migrate(h.db, h.engine)).toEqual({
      applied: migrations.map((m) => m.version),
      current: latest,
    });
    expect(await migrate(h.db, h.engine)).toEqual({ applied: [], current: latest });
    const tables = await tableNames(h);
    for (const t of [
      'users',
      'api_keys',
      'sessions',
      'live_streams',
      'live_events',
      'web_sessions',
      'tracker_secrets',
    ])
      expect(tables).toContain(t);
  });

  test('a database left at migration 3 (live streams, web sessions) upgrades to the latest', async () => {
    const h = await open();
    expect(await migrate(h.db, h.engine, migrations.slice(0, 3))).toEqual({ applied: [1, 2, 3], current: 3 });
    const res = await migrate(h.db, h.engine);
    expect(res).toEqual({ applied: migrations.slice(3).map((m) => m.version), current: latest });
    const recorded = await sql<{
      version: number;
      name: string;
    }>`SELECT version, name FROM tracker_migrations ORDER BY version`.execute(h.db);
    expect(recorded.rows.map((r) => [Number(r.version), r.name])).toEqual(
      migrations.map((m) => [m.version, m.name]),
    );
    // The tables of migrations 2 and 3 are usable after the upgrade.
    await sql`INSERT INTO users (id, name, role, created_at) VALUES ('u1', 'u', 'owner', 1)`.execute(h.db);
    await sql`INSERT INTO live_streams (id, owner_id, visibility, status, producer_token_hash, viewer_token_hash,
      created_at, expires_at) VALUES ('l1', 'u1', 'private', 'open', 'p', 'v', 1, 2)`.execute(h.db);
    await sql`INSERT INTO live_events (live_id, seq, uuid, body, created_at) VALUES ('l1', 1, 'x', '{}', 1)`.execute(
      h.db,
    );
    const n = await sql<{ n: number }>`SELECT count(*) AS n FROM live_events`.execute(h.db);
    expect(Number(n.rows[0]!.n)).toBe(1);
  });

  test('a database newer than this tracker is refused', async () => {
    const h = await open();
    await migrate(h.db, h.engine);
    await sql`INSERT INTO tracker_migrations (version, name, applied_at) VALUES (${latest + 1}, 'future', 1)`.execute(
      h.db,
    );
    await expect(migrate(h.db, h.engine)).rejects.toMatchObject({ code: 'config' });
  });
});
