// Tracker settings, parsed once from flags and env into a frozen object that is passed down.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { BatonError } from '../src/core/errors.js';
import { resolveDataDir, type Env } from '../src/core/config/index.js';
import type { DbTarget } from './db/dialect.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface TrackerLimits {
  /** Any JSON body not listed below. */
  bodyBytes: number;
  /** POST /sessions and POST /sessions/:id/events: a whole session can be large. */
  sessionBodyBytes: number;
  /** POST /sessions/upload (bulk history). */
  uploadBodyBytes: number;
  /** Ingested message content beyond this is cut, marked and its original length recorded. */
  ingestContentChars: number;
}

export interface LiveConnectionLimits {
  /** Anonymous (viewer-link) SSE connections to one stream, per instance. */
  maxViewersPerStream: number;
  /** Live SSE connections from one client address, per instance (viewer and owner feeds alike). */
  maxConnectionsPerAddress: number;
}

export interface TrackerConfig {
  host: string;
  port: number;
  db: DbTarget;
  dataDir: string;
  tls: { certFile: string; keyFile: string } | null;
  /**
   * Behind a TLS-terminating proxy: X-Forwarded-Proto/Host decide the URLs we return and the last X-Forwarded-For
   * entry is the client address per-address limits count. Off: only the socket counts, and Host is never used.
   */
  trustProxy: boolean;
  /** Fixed external base URL (wins over request headers). */
  publicUrl: string | null;
  limits: TrackerLimits;
  defaultRateLimitPerMinute: number;
  live: LiveConnectionLimits;
  /** POST /login attempts per client address per minute (0: unlimited). */
  loginAttemptsPerMinute: number;
  logLevel: LogLevel;
  shutdownTimeoutMs: number;
}

export const DEFAULT_PORT = 7878;
const MB = 1024 * 1024;

export const DEFAULT_LIMITS: TrackerLimits = Object.freeze({
  bodyBytes: 1 * MB,
  sessionBodyBytes: 32 * MB,
  uploadBodyBytes: 64 * MB,
  ingestContentChars: 100_000,
});

// Each open feed holds a file descriptor: the defaults keep 1,000 anonymous viewers from starving the API.
export const DEFAULT_LIVE_CONNECTION_LIMITS: LiveConnectionLimits = Object.freeze({
  maxViewersPerStream: 200,
  maxConnectionsPerAddress: 20,
});
export const DEFAULT_LOGIN_ATTEMPTS_PER_MINUTE = 10;

export interface ServeFlags {
  port?: string;
  host?: string;
  db?: string;
  'data-dir'?: string;
  'tls-cert'?: string;
  'tls-key'?: string;
  'trust-proxy'?: boolean;
  'public-url'?: string;
  'log-level'?: string;
}

/** Builds the config from CLI flags and the environment (flags win). Throws BatonError('config') on bad values. */
export function resolveTrackerConfig(flags: ServeFlags, env: Env): TrackerConfig {
  const dataDir = flags['data-dir']
    ? resolve(flags['data-dir'])
    : resolveDataDir(env, env.HOME || homedir()).dataDir;
  const port = parsePort(flags.port ?? env.BATON_TRACKER_PORT ?? String(DEFAULT_PORT));
  const host = flags.host ?? env.BATON_TRACKER_HOST ?? '127.0.0.1';
  const db = resolveDbTarget(flags.db, env, dataDir);
  const certFile = flags['tls-cert'] ?? env.BATON_TRACKER_TLS_CERT;
  const keyFile = flags['tls-key'] ?? env.BATON_TRACKER_TLS_KEY;
  if (Boolean(certFile) !== Boolean(keyFile))
    throw new BatonError('config', 'give both --tls-cert and --tls-key (or neither)');
  const publicUrl = flags['public-url'] ?? env.BATON_TRACKER_PUBLIC_URL ?? null;
  if (publicUrl !== null && !/^https?:\/\/[^\s/]+/.test(publicUrl)) {
    throw new BatonError('config', `--public-url must be an http(s) URL, got ${publicUrl}`);
  }
  return Object.freeze({
    host,
    port,
    db,
    dataDir,
    tls: certFile && keyFile ? { certFile: resolve(certFile), keyFile: resolve(keyFile) } : null,
    trustProxy: flags['trust-proxy'] ?? isTrue(env.BATON_TRACKER_TRUST_PROXY),
    publicUrl: publicUrl ? publicUrl.replace(/\/+$/, '') : null,
    limits: Object.freeze({
      bodyBytes: mbEnv(env, 'BATON_TRACKER_MAX_BODY_MB', DEFAULT_LIMITS.bodyBytes),
      sessionBodyBytes: mbEnv(env, 'BATON_TRACKER_MAX_SESSION_MB', DEFAULT_LIMITS.sessionBodyBytes),
      uploadBodyBytes: mbEnv(env, 'BATON_TRACKER_MAX_UPLOAD_MB', DEFAULT_LIMITS.uploadBodyBytes),
      ingestContentChars: intEnv(env, 'BATON_TRACKER_MAX_MESSAGE_CHARS', DEFAULT_LIMITS.ingestContentChars),
    }),
    defaultRateLimitPerMinute: intEnv(env, 'BATON_TRACKER_DEFAULT_RATE', 60),
    live: Object.freeze({
      maxViewersPerStream: positiveIntEnv(
        env,
        'BATON_TRACKER_LIVE_MAX_VIEWERS',
        DEFAULT_LIVE_CONNECTION_LIMITS.maxViewersPerStream,
      ),
      maxConnectionsPerAddress: positiveIntEnv(
        env,
        'BATON_TRACKER_LIVE_MAX_PER_ADDRESS',
        DEFAULT_LIVE_CONNECTION_LIMITS.maxConnectionsPerAddress,
      ),
    }),
    loginAttemptsPerMinute: intEnv(env, 'BATON_TRACKER_LOGIN_RATE', DEFAULT_LOGIN_ATTEMPTS_PER_MINUTE),
    logLevel: parseLogLevel(flags['log-level'] ?? env.BATON_TRACKER_LOG_LEVEL ?? 'info'),
    shutdownTimeoutMs: intEnv(env, 'BATON_TRACKER_SHUTDOWN_MS', 10_000),
  });
}

/** --db FILE wins, then DATABASE_URL (postgres://…), then BATON_TRACKER_DB, then <data dir>/tracker.db. */
export function resolveDbTarget(dbFlag: string | undefined, env: Env, dataDir: string): DbTarget {
  const raw = dbFlag ?? env.DATABASE_URL ?? env.BATON_TRACKER_DB;
  if (raw && /^postgres(ql)?:\/\//.test(raw)) {
    return { engine: 'postgres', url: raw, schema: env.BATON_TRACKER_PG_SCHEMA || undefined };
  }
  if (raw && /^[a-z]+:\/\//i.test(raw))
    throw new BatonError('config', `unsupported database URL: ${raw.split(':')[0]}://…`);
  return {
    engine: 'sqlite',
    file: raw ? (raw === ':memory:' ? raw : resolve(raw)) : join(dataDir, 'tracker.db'),
  };
}

/** A config for tests and embedding: everything default except what is given. */
export function testConfig(overrides: Partial<TrackerConfig> & { db: DbTarget }): TrackerConfig {
  return Object.freeze({
    host: '127.0.0.1',
    port: 0,
    dataDir: '.',
    tls: null,
    trustProxy: false,
    publicUrl: null,
    limits: DEFAULT_LIMITS,
    defaultRateLimitPerMinute: 60,
    live: DEFAULT_LIVE_CONNECTION_LIMITS,
    loginAttemptsPerMinute: DEFAULT_LOGIN_ATTEMPTS_PER_MINUTE,
    logLevel: 'silent' as LogLevel,
    shutdownTimeoutMs: 5_000,
    ...overrides,
  });
}

function parsePort(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new BatonError('config', `invalid port: ${text}`);
  return n;
}

function parseLogLevel(text: string): LogLevel {
  const levels: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];
  if (!(levels as string[]).includes(text))
    throw new BatonError('config', `invalid log level: ${text} (${levels.join('|')})`);
  return text as LogLevel;
}

function isTrue(v: string | undefined): boolean {
  return v !== undefined && /^(1|true|yes|on)$/i.test(v);
}

function intEnv(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new BatonError('config', `${name} must be a non-negative integer, got ${raw}`);
  return n;
}

/** A cap of 0 would refuse everyone: caps must be at least 1. */
function positiveIntEnv(env: Env, name: string, fallback: number): number {
  const n = intEnv(env, name, fallback);
  if (n < 1) throw new BatonError('config', `${name} must be at least 1`);
  return n;
}

function mbEnv(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0)
    throw new BatonError('config', `${name} must be a positive number of MB, got ${raw}`);
  return Math.round(n * MB);
}
