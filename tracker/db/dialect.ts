// Opens the tracker database: an embedded SQLite file (WAL) or PostgreSQL, behind the same Kysely type.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { userInfo } from 'node:os';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database, Engine } from './types.js';

export type DbTarget =
  | { engine: 'sqlite'; file: string }
  | { engine: 'postgres'; url: string; schema?: string; poolSize?: number };

export interface DbHandle {
  engine: Engine;
  db: Kysely<Database>;
  /** True when a trivial query succeeds (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export function openDatabase(target: DbTarget): DbHandle {
  return target.engine === 'sqlite' ? openSqlite(target.file) : openPostgres(target);
}

function openSqlite(file: string): DbHandle {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const raw = new BetterSqlite3(file);
  raw.pragma('journal_mode = WAL');
  // NORMAL is durable across process crashes in WAL mode; only an OS crash may lose the last commits.
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('cache_size = -32000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  return {
    engine: 'sqlite',
    db,
    ping: () => pingWith(db),
    close: () => db.destroy(),
  };
}

/**
 * Kysely prepares every query anew; preparing a 500-row INSERT costs more than running it. Queries built by the
 * repositories repeat the same SQL text (fixed batch sizes), so a small LRU of prepared statements pays off.
 */
function withStatementCache(raw: BetterSqlite3.Database, max = 200) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare(sqlText: string) {
      let stmt = cache.get(sqlText);
      if (stmt) {
        cache.delete(sqlText);
      } else {
        stmt = raw.prepare(sqlText);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sqlText, stmt);
      return stmt;
    },
  };
}

// int8 (counts, bigserial keys, epoch ms) and numeric come back as strings by default; every value we store fits a double.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
};

function openPostgres(target: { url: string; schema?: string; poolSize?: number }): DbHandle {
  const pool = new pg.Pool({
    connectionString: withDefaultUser(target.url),
    // 20, not pg's 10: with 50 SessionStore sessions appending at once, requests queued for a connection (append p50
    // 222 ms at 10 vs 11 ms at 25 on the 2-core bench box); still a fifth of PostgreSQL's default 100 connections.
    max: target.poolSize ?? 20,
    types: pgTypes as unknown as pg.CustomTypesConfig,
    options: target.schema ? `-c search_path=${quoteIdent(target.schema)}` : undefined,
  });
  // An idle client losing its connection must not crash the process; the next checkout reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'postgres',
    db,
    ping: () => pingWith(db),
    close: () => db.destroy(),
  };
}

async function pingWith(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** A URL without a user name means "the OS user" (as psql does); pg would otherwise send none. */
export function withDefaultUser(raw: string): string {
  const url = new URL(raw);
  if (url.username) return raw;
  const user = process.env.PGUSER || safeUserName();
  if (!user) return raw;
  url.username = encodeURIComponent(user);
  return url.toString();
}

function safeUserName(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}

function quoteIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid schema name: ${name}`);
  return name;
}
