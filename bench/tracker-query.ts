// List and full-text search latency with 10,000 sessions / 1,000,000 events on SQLite and PostgreSQL.
// The tracker runs in its own process; requests go one at a time over loopback. Baseline: GET /healthz in the same run.
import type { EventItem } from '../src/core/api/index.js';
import { openStore, type Store } from '../tracker/db/store.js';
import { writeSession } from '../tracker/services/session-writer.js';
import { ensureOwner } from '../tracker/services/users.js';
import { createKey } from '../tracker/services/keys.js';
import { machineLine, percentile, writeBenchSection } from './lib/report.js';
import {
  bundleTracker,
  cpuCalibrationMs,
  keptDatabase,
  pgAdmin,
  pgReachable,
  PG_URL,
  spawnTracker,
} from './lib/tracker-process.js';
import { mulberry32 } from './lib/rng.js';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 10_000);
const EVENTS_PER_SESSION = 100;
const VOCAB = 5000;
const RUNS = 200;
const PG_SCHEMA = `bench_query_v4_${SESSIONS}`;

const rng = mulberry32;

// Pseudo-words ranked by frequency; word i is drawn with probability ∝ 1/(i+1) (Zipf), like natural text.
const syll = ['ka', 'lo', 'mi', 'ra', 'te', 'su', 'no', 'vi', 'da', 'pe', 'zu', 'qo', 'bi', 'xe', 'gu', 'fa'];
const WORDS = Array.from({ length: VOCAB }, (_, i) => {
  let w = '';
  let n = i + 17;
  while (n > 0) {
    w += syll[n % 16];
    n = Math.floor(n / 16);
  }
  return w;
});
const CDF = (() => {
  const w = WORDS.map((_, i) => 1 / (i + 1));
  const total = w.reduce((a, b) => a + b, 0);
  let acc = 0;
  return w.map((x) => (acc += x / total));
})();
function word(r: () => number): string {
  const x = r();
  let lo = 0;
  let hi = CDF.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CDF[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return WORDS[lo]!;
}
const sentence = (r: () => number, n: number) => Array.from({ length: n }, () => word(r)).join(' ');

function sessionItems(i: number): EventItem[] {
  const r = rng(i + 1);
  const t0 = 1_760_000_000_000 + i * 600_000;
  const items: EventItem[] = [];
  for (let seq = 0; seq < EVENTS_PER_SESSION; seq++) {
    const uuid = `s${i}-e${seq}`;
    const timestamp = new Date(t0 + seq * 2000).toISOString();
    const k = seq % 4;
    const event =
      k === 0
        ? { kind: 'prompt' as const, uuid, timestamp, text: sentence(r, 12) }
        : k === 1
          ? { kind: 'text' as const, uuid, timestamp, text: sentence(r, 30), model: 'claude-sonnet' }
          : k === 2
            ? {
                kind: 'tool_call' as const,
                uuid,
                timestamp,
                toolUseId: `t${seq}`,
                name: 'Bash',
                input: { command: `ls ${word(r)}` },
              }
            : {
                kind: 'tool_result' as const,
                uuid,
                timestamp,
                toolUseId: `t${seq - 1}`,
                content: sentence(r, 20),
                isError: false,
              };
    items.push({ seq, turnIndex: Math.floor(seq / 4), event });
  }
  return items;
}

async function seed(store: Store, log: (s: string) => void): Promise<{ userId: string; reused: boolean }> {
  const owner =
    (await ensureOwner(store, { now: Date.now(), defaultRate: 0 }))?.user ?? (await store.users.list())[0]!;
  const existing = await store.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  if (Number(existing?.n) >= SESSIONS) return { userId: owner.id, reused: true };
  const t0 = performance.now();
  const PER_TX = 100;
  for (let i = Number(existing?.n ?? 0); i < SESSIONS; i += PER_TX) {
    await store.transaction(async (repos) => {
      for (let j = i; j < Math.min(SESSIONS, i + PER_TX); j++) {
        await writeSession(
          repos,
          {
            userId: owner.id,
            sessionId: `bench-${j}`,
            items: sessionItems(j),
            meta: { cwd: `/work/project-${j % 40}` },
            status: j % 10 === 0 ? 'interrupted' : 'completed',
            source: 'cli-upload',
            tags: j % 7 === 0 ? ['weekly'] : undefined,
            pointerSource: 'cli-upload',
          },
          Date.now(),
        );
      }
    });
    if ((i / PER_TX) % 10 === 0)
      log(`  seeded ${i + PER_TX} sessions (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  log(`  seeding took ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return { userId: owner.id, reused: false };
}

async function timeRequests(
  url: string,
  key: string,
  paths: string[],
  runs = RUNS,
): Promise<{ p50: number; p95: number; max: number; hits: number }> {
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < 20; i++)
    await fetch(`${url}${paths[i % paths.length]}`, { headers: { authorization: `Bearer ${key}` } }).then(
      (r) => r.arrayBuffer(),
    );
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const res = await fetch(`${url}${paths[i % paths.length]}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    const body = (await res.json()) as { pagination?: { total: number } };
    times.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`${paths[i % paths.length]} -> ${res.status}`);
    hits += body.pagination?.total ?? 0;
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1]!,
    hits: Math.round(hits / runs),
  };
}

function queryClasses(): Array<{ name: string; paths: string[] }> {
  const r = rng(99);
  const rank = (lo: number, hi: number) => WORDS[lo + Math.floor(r() * (hi - lo))]!;
  const many = (n: number, f: () => string) => Array.from({ length: n }, f);
  return [
    { name: 'list, page 1 (20 newest)', paths: ['/api/v1/sessions'] },
    {
      name: 'list, random deep pages',
      paths: many(20, () => `/api/v1/sessions?page=${1 + Math.floor(r() * 499)}`),
    },
    {
      name: 'list, filters (project + status / tag / starred)',
      paths: many(
        20,
        () =>
          [
            `/api/v1/sessions?project=project-${Math.floor(r() * 40)}&status=interrupted`,
            '/api/v1/sessions?tag=weekly',
            '/api/v1/sessions?starred=false&limit=100',
          ][Math.floor(r() * 3)]!,
      ),
    },
    {
      name: 'search, rare word (rank 1000–5000)',
      paths: many(40, () => `/api/v1/sessions?search=${rank(1000, 5000)}`),
    },
    {
      name: 'search, mid word (rank 100–1000)',
      paths: many(40, () => `/api/v1/sessions?search=${rank(100, 1000)}`),
    },
    {
      name: 'search, two words (rank 20–500)',
      paths: many(40, () => `/api/v1/sessions?search=${rank(20, 500)}+${rank(20, 500)}`),
    },
    {
      name: 'search, very common word (rank 1–10)',
      paths: many(10, () => `/api/v1/sessions?search=${rank(0, 10)}`),
    },
  ];
}

interface Row {
  engine: string;
  name: string;
  p50: number;
  p95: number;
  max: number;
  hits: number;
}

async function runEngine(
  runner: string,
  engine: 'sqlite' | 'postgres',
  log: (s: string) => void,
): Promise<{ rows: Row[]; health: number; seedNote: string }> {
  const { target, args, env } = await keptDatabase(engine, {
    dir: 'bench-query',
    file: `sqlite-v4-${SESSIONS}.db`,
    schema: PG_SCHEMA,
  });
  const store = await openStore(target);
  const { userId, reused } = await seed(store, log);
  // Fresh statistics and visibility map, as autovacuum would leave them on a server that has been up a while.
  if (engine === 'postgres')
    for (const t of ['events', 'sessions', 'search_docs']) await pgAdmin(`VACUUM ANALYZE ${PG_SCHEMA}.${t}`);
  const key = (
    await createKey(
      store,
      userId,
      { name: `bench-${Date.now()}`, rateLimitPerMinute: 0 },
      { now: Date.now(), defaultRate: 0 },
    )
  ).rawKey;
  const counts = await store.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  await store.close();
  const tracker = await spawnTracker(runner, args, env);
  try {
    // Warm the server (JIT, SQLite page cache / shared buffers) with every query class before timing any of them.
    for (const q of queryClasses()) await timeRequests(tracker.url, key, q.paths, 40);
    const health = await timeRequests(tracker.url, key, ['/healthz']);
    const rows: Row[] = [];
    for (const q of queryClasses()) {
      const r = await timeRequests(tracker.url, key, q.paths);
      log(
        `  ${engine} ${q.name}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (avg total ${r.hits})`,
      );
      rows.push({ engine, name: q.name, ...r });
    }
    return {
      rows,
      health: health.p95,
      seedNote: `${Number(counts?.n).toLocaleString('en')} events${reused ? ' (data set reused)' : ''}`,
    };
  } finally {
    await tracker.stop();
  }
}

async function main() {
  const log = (s: string) => console.log(s);
  const runner = await bundleTracker();
  const engines: Array<'sqlite' | 'postgres'> = ['sqlite'];
  if (await pgReachable()) engines.push('postgres');
  else console.warn(`!!! PostgreSQL at ${PG_URL} unreachable: postgres rows skipped`);
  const all: Row[] = [];
  const notes: string[] = [];
  for (const e of engines) {
    log(`${e}: seeding/reusing ${SESSIONS} sessions x ${EVENTS_PER_SESSION} events`);
    const r = await runEngine(runner, e, log);
    all.push(...r.rows);
    notes.push(`${e}: ${r.seedNote}, /healthz p95 ${r.health.toFixed(1)} ms`);
  }
  const load = (await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  const cpu = cpuCalibrationMs();
  const table = all.map(
    (r) =>
      `| ${r.engine} | ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.p95 <= 30 ? 'met' : 'MISSED'} | ${r.hits.toLocaleString('en')} |`,
  );
  writeBenchSection(
    'tracker-query',
    `## Tracker: list and search latency (${SESSIONS.toLocaleString('en')} sessions / ${(SESSIONS * EVENTS_PER_SESSION).toLocaleString('en')} events)

Command: \`npx tsx bench/tracker-query.ts\` (seeds once through the repository layer, then reuses the data set:
.tmp/bench-query/ for SQLite, schema ${PG_SCHEMA} for PostgreSQL).

Each session: 100 events (prompt of 12 words, reply of 30 words, tool call, tool result of 20 words) drawn from a
${VOCAB}-word vocabulary with Zipf frequencies; 40 projects. The tracker runs in its own process; ${RUNS} sequential
requests per row, after a warm-up pass of 40 requests of every row, timed end to end by the client (fetch, keep-alive). "Total" is the average
number of matching sessions. Baseline in the same run: ${notes.join('; ')}. ${machineLine()}, load average ${load} at the end; CPU calibration (10^8-addition loop) ${cpu.toFixed(0)} ms (it grows with contention from other processes).

| engine | query | p50 (ms) | p95 (ms) | max (ms) | p95 ≤ 30 ms | avg total |
|---|---|---|---|---|---|---|
${table.join('\n')}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
