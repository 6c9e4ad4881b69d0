// SessionStore append latency: 50 Agent SDK sessions at once, each appending 10 batches a second (the SDK's eager
// flush), through createTrackerSessionStore to a tracker in its own process, on SQLite and PostgreSQL. Baseline: GET
// /healthz timed on the same schedule during the same load, so a busy machine shows in both columns.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTrackerClient } from '../src/client/index.js';
import { createTrackerSessionStore } from '../src/session-store/index.js';
import type { SessionStoreEntry } from '../src/session-store/types.js';
import { machineLine, percentile, writeBenchSection } from './lib/report.js';
import {
  benchSchema,
  bundleTracker,
  cpuCalibrationMs,
  PG_URL,
  pgAdmin,
  pgReachable,
  spawnTracker,
  unlimitedKey,
} from './lib/tracker-process.js';

const SESSIONS = Number(process.env.BENCH_SS_SESSIONS ?? 50);
/** A light row beside the target one: what the adapter costs when the tracker is not the bottleneck. */
const LIGHT_SESSIONS = Number(process.env.BENCH_SS_LIGHT_SESSIONS ?? 5);
const PER_SECOND = Number(process.env.BENCH_SS_RATE ?? 10);
const SECONDS = Number(process.env.BENCH_SS_SECONDS ?? 20);
const WARMUP_S = 2;
const TARGET_P99_MS = 50;
type Engine = 'sqlite' | 'postgres';

/** One append as the SDK mirrors a turn: a user line and an assistant line, chained, ~1.5 KB together. */
function batch(sessionId: string, parent: { uuid: string | null }): SessionStoreEntry[] {
  const out: SessionStoreEntry[] = [];
  for (const role of ['user', 'assistant'] as const) {
    const uuid = randomUUID();
    out.push({
      type: role,
      uuid,
      parentUuid: parent.uuid,
      sessionId,
      timestamp: new Date().toISOString(),
      cwd: '/srv/app',
      message: {
        role,
        content: [{ type: 'text', text: `${role} says `.repeat(role === 'user' ? 40 : 80) }],
      },
    });
    parent.uuid = uuid;
  }
  return out;
}

/** CPU seconds a process has used so far (user + system), from /proc (Linux; NaN elsewhere). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** 'store': through createTrackerSessionStore; 'raw': the same lines POSTed straight, one request per append. */
type Client = 'store' | 'raw';

/** One append as a bare HTTP POST (no gate, no queue, no ordering): what the tracker alone costs. */
async function rawAppend(
  url: string,
  key: string,
  sessionId: string,
  entries: SessionStoreEntry[],
): Promise<void> {
  const res = await fetch(`${url}/api/v1/sessions/${sessionId}/entries`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      projectKey: '-srv-app',
      entries: entries.map((line) => ({ uuid: line.uuid, line })),
    }),
  });
  await res.text();
  if (res.status !== 200) throw new Error(`append failed: ${res.status}`);
}

interface Row {
  engine: Engine;
  client: Client;
  sessions: number;
  /** The tracker process's CPU use during the run, in % of one core. */
  trackerCpu: number;
  appends: number;
  failed: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  healthP99: number;
  ratio: number;
}

async function runEngine(runner: string, engine: Engine, sessions: number, client: Client): Promise<Row> {
  let args: string[];
  let env: Record<string, string> = {};
  let cleanup: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'baton-bench-ss-'));
    args = ['--db', join(dir, 'tracker.db')];
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = benchSchema('bench_ss');
    await pgAdmin(`CREATE SCHEMA ${schema}`);
    args = ['--db', PG_URL];
    env = { BATON_TRACKER_PG_SCHEMA: schema };
    cleanup = () => pgAdmin(`DROP SCHEMA ${schema} CASCADE`);
  }
  const tracker = await spawnTracker(runner, args, { ...env, BATON_TRACKER_DEFAULT_RATE: '0' });
  try {
    const key = await unlimitedKey(tracker.url, tracker.ownerKey!);
    const store = createTrackerSessionStore({ url: tracker.url, key, onError: () => {} });
    const probe = createTrackerClient({ baseUrl: tracker.url, maxRetries: 0 });
    const appendMs: number[] = [];
    const healthMs: number[] = [];
    let failed = 0;
    const start = performance.now();
    const end = start + (WARMUP_S + SECONDS) * 1000;
    const measuring = (t: number) => t >= start + WARMUP_S * 1000;
    const interval = 1000 / PER_SECOND;
    const inFlight: Promise<void>[] = [];

    // Open loop: each session appends on its own schedule whether or not the previous append has returned.
    const session = async (i: number) => {
      const sessionId = randomUUID();
      const parent = { uuid: null as string | null };
      let next = start + (i / sessions) * interval;
      while (next < end) {
        const wait = next - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const t0 = performance.now();
        const entries = batch(sessionId, parent);
        inFlight.push(
          (client === 'store'
            ? store.append({ projectKey: '-srv-app', sessionId }, entries)
            : rawAppend(tracker.url, key, sessionId, entries)
          ).then(
            () => void (measuring(t0) && appendMs.push(performance.now() - t0)),
            () => void failed++,
          ),
        );
        next += interval;
      }
    };
    const health = async () => {
      let next = start;
      while (next < end) {
        const wait = next - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const t0 = performance.now();
        await probe.health.health().catch(() => undefined);
        if (measuring(t0)) healthMs.push(performance.now() - t0);
        next += interval;
      }
    };
    const cpu0 = cpuSeconds(tracker.pid);
    const wall0 = performance.now();
    await Promise.all([...Array.from({ length: sessions }, (_, i) => session(i)), health()]);
    const trackerCpu = ((cpuSeconds(tracker.pid) - cpu0) / ((performance.now() - wall0) / 1000)) * 100;
    await Promise.all(inFlight);
    await store.flush({ timeoutMs: 30_000 });
    await store.close();
    await probe.close();
    appendMs.sort((a, b) => a - b);
    healthMs.sort((a, b) => a - b);
    const p99 = percentile(appendMs, 99);
    const healthP99 = percentile(healthMs, 99);
    return {
      engine,
      client,
      sessions,
      trackerCpu,
      appends: appendMs.length,
      failed,
      p50: percentile(appendMs, 50),
      p95: percentile(appendMs, 95),
      p99,
      max: appendMs.at(-1) ?? NaN,
      healthP99,
      ratio: p99 / healthP99,
    };
  } finally {
    await tracker.stop();
    await cleanup();
  }
}

async function main(): Promise<void> {
  const calibration = cpuCalibrationMs();
  const runner = await bundleTracker();
  // BENCH_SS_ENGINES / BENCH_SS_CLIENTS narrow a run (profiling one case); the committed section is a full run.
  const only = (name: string) => process.env[name]?.split(',');
  const engines: Engine[] = (only('BENCH_SS_ENGINES') as Engine[] | undefined) ?? ['sqlite', 'postgres'];
  if (engines.includes('postgres') && !(await pgReachable())) {
    console.warn(`!!! PostgreSQL at ${PG_URL} unreachable: postgres rows skipped`);
    engines.splice(engines.indexOf('postgres'), 1);
  }
  const clients = (only('BENCH_SS_CLIENTS') as Client[] | undefined) ?? ['store', 'raw'];
  const rows: Row[] = [];
  for (const engine of engines)
    for (const sessions of LIGHT_SESSIONS > 0 ? [SESSIONS, LIGHT_SESSIONS] : [SESSIONS])
      for (const client of clients) {
        const row = await runEngine(runner, engine, sessions, client);
        console.log(JSON.stringify(row));
        rows.push(row);
      }
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const table = rows
    .map(
      (r) =>
        `| ${r.engine} | ${r.sessions} | ${r.client === 'store' ? 'SessionStore' : 'bare POST'} | ${r.appends.toLocaleString('en-US')} | ${r.failed} | ${ms(r.p50)} | ` +
        `${ms(r.p95)} | **${ms(r.p99)}** | ${ms(r.max)} | ${ms(r.healthP99)} | ${r.ratio.toFixed(2)}x | ` +
        `${r.trackerCpu.toFixed(0)}% | ${r.sessions === SESSIONS && r.client === 'store' ? (r.p99 <= TARGET_P99_MS ? 'met' : 'missed') : '-'} |`,
    )
    .join('\n');
  writeBenchSection(
    'session-store',
    `## Agent SDK SessionStore: append latency

${SESSIONS} sessions at once (and a light row of ${LIGHT_SESSIONS}), each calling \`append\` ${PER_SECOND} times a second (a user
and an assistant line, ~1.5 KB, as the SDK's eager flush sends a turn) for ${SECONDS} s after a ${WARMUP_S} s warm-up, through
\`createTrackerSessionStore\` (egress gate, then one request in flight per file; appends that queue behind it go
together in the next) to the tracker in its own process, which also derives the sessions' events as they grow. Time
from the call to its promise settling. Baseline: \`GET /healthz\` on the same schedule during the same load. Each load
runs twice: through the store, and as bare POSTs of the same lines (one request per append, no gate, no queue), which
is what the tracker alone costs.
"tracker CPU" is the tracker process's use of one core during the run (near 100%: its one thread is the
bottleneck); a load average above the core count means other work shared the machine. Target: p99 ≤
${TARGET_P99_MS} ms at ${SESSIONS} sessions.

| engine | sessions | client | appends timed | failed | p50 | p95 | p99 | max | /healthz p99 | p99 ÷ baseline | tracker CPU | target |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
${table}

${machineLine()}, ${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join('/')}, CPU calibration ${calibration.toFixed(0)} ms (10^8 additions; ~100 ms idle).
Command: \`npx tsx bench/session-store.ts\` (PostgreSQL rows need ${PG_URL}; BENCH_SS_SESSIONS, BENCH_SS_RATE,
BENCH_SS_SECONDS change the load).`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
