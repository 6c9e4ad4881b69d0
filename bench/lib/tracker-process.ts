// Runs the tracker as its own process for benchmarks (bundled like dist/tracker.js), and fresh databases for it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import pg from 'pg';
import { withDefaultUser, type DbTarget } from '../../tracker/db/dialect.js';

export const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, '.tmp', 'bench-tracker');
export const PG_URL = process.env.BATON_TEST_PG_URL ?? 'postgres://127.0.0.1:5432/test';

/** Bundles tracker/main.ts exactly as scripts/build.mjs does for dist/tracker.js, plus a tiny runner. */
export async function bundleTracker(): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'tracker', 'main.ts')],
    outfile: join(OUT, 'tracker.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['better-sqlite3', 'pg', 'pg-native'],
    banner: {
      js: "import { createRequire as __bt_createRequire } from 'node:module'; const require = __bt_createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  const runner = join(OUT, 'run.mjs');
  writeFileSync(
    runner,
    "import { runTrackerCommand } from './tracker.js';\nprocess.exit(await runTrackerCommand(process.argv.slice(2)));\n",
  );
  // The bundle resolves better-sqlite3/pg from the repository's node_modules.
  writeFileSync(join(OUT, 'package.json'), '{"type":"module"}\n');
  return runner;
}

export interface TrackerProcess {
  url: string;
  ownerKey: string | null;
  pid: number;
  child: ChildProcess;
  rssMb(): number;
  stop(): Promise<void>;
}

export async function spawnTracker(
  runner: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<TrackerProcess> {
  // BENCH_TRACKER_NODE_ARGS: node flags for the tracker only (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof), which
  // NODE_OPTIONS does not take.
  const nodeArgs = (process.env.BENCH_TRACKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, runner, 'serve', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), BATON_TRACKER_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  await new Promise<void>((resolve, reject) => {
    const t = setInterval(() => {
      if (/listening on http/.test(out) && /Press Ctrl\+C/.test(out)) {
        clearInterval(t);
        resolve();
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(t);
      reject(new Error(`tracker exited ${code}: ${err}`));
    });
  });
  const pid = child.pid!;
  return {
    url: /listening on (http\S+)/.exec(out)![1]!,
    ownerKey: /^\s+(bt_[A-Za-z0-9_-]{43})$/m.exec(out)?.[1] ?? null,
    pid,
    child,
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: withDefaultUser(PG_URL) });
  c.on('error', () => {});
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export async function pgAdmin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: withDefaultUser(PG_URL) });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export function benchSchema(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

/**
 * Where a bench that keeps its seeded data set between runs keeps it: a SQLite file under .tmp/<dir>, or a PostgreSQL
 * schema (created if missing); with the `baton tracker serve` arguments and environment that open the same database.
 */
export async function keptDatabase(
  engine: 'sqlite' | 'postgres',
  place: { dir: string; file: string; schema: string },
): Promise<{ target: DbTarget; args: string[]; env: Record<string, string> }> {
  if (engine === 'sqlite') {
    const dir = join(ROOT, '.tmp', place.dir);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, place.file);
    return { target: { engine, file }, args: ['--db', file], env: {} };
  }
  await pgAdmin(`CREATE SCHEMA IF NOT EXISTS ${place.schema}`);
  return {
    target: { engine, url: PG_URL, schema: place.schema },
    args: ['--db', PG_URL],
    env: { BATON_TRACKER_PG_SCHEMA: place.schema },
  };
}

/** An API key without a rate limit, made with the owner key (which must itself be unlimited: no key escalates). */
export async function unlimitedKey(url: string, ownerKey: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ownerKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench', rateLimitPerMinute: 0 }),
  });
  if (res.status !== 201) throw new Error(`key create failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { rawKey: string }).rawKey;
}

/**
 * A fixed CPU-bound loop (10^8 additions), timed: ~100 ms on an idle modern core. Printed next to the figures so
 * a reader can tell a slow tracker from a starved machine.
 */
export function cpuCalibrationMs(): number {
  const t = performance.now();
  let x = 0;
  for (let i = 0; i < 1e8; i++) x += i;
  if (x < 0) console.log(x);
  return performance.now() - t;
}
