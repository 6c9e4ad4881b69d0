// Batched event ingest over HTTP (tracker in its own process, autocannon here) on SQLite and PostgreSQL, plus idle RSS.
// Baseline: the same batches written straight through the repository layer in this process (no HTTP, no JSON).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import autocannon from 'autocannon';
import type { EventItem } from '../src/core/api/index.js';
import { openStore } from '../tracker/db/store.js';
import type { DbTarget } from '../tracker/db/dialect.js';
import { writeSession } from '../tracker/services/session-writer.js';
import { machineLine, writeBenchSection } from './lib/report.js';
import {
  benchSchema,
  bundleTracker,
  cpuCalibrationMs,
  pgAdmin,
  pgReachable,
  PG_URL,
  spawnTracker,
  unlimitedKey,
} from './lib/tracker-process.js';

const BATCH = 100;
const SESSIONS = 64;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 8;
const TARGET: Record<string, number> = { sqlite: 10_000, postgres: 5_000 };

let counter = 0;
/** A batch of realistic events (prompt, reply, tool call, tool result) with fresh uuids. */
function batch(): { sessionId: string; body: { events: EventItem[]; meta: { cwd: string } } } {
  const n = counter++;
  const sessionId = `bench-${n % SESSIONS}`;
  const base = Math.floor(n / SESSIONS) * BATCH;
  const events: EventItem[] = [];
  for (let i = 0; i < BATCH; i++) {
    const seq = base + i;
    const uuid = `${sessionId}-${seq}`;
    const ts = new Date(1_767_000_000_000 + seq * 1000).toISOString();
    const k = seq % 4;
    const event =
      k === 0
        ? {
            kind: 'prompt' as const,
            uuid,
            timestamp: ts,
            text: `Please refactor module ${seq} so the parser handles nested quotes`,
          }
        : k === 1
          ? {
              kind: 'text' as const,
              uuid,
              timestamp: ts,
              text: `I updated the tokenizer in step ${seq}; the nested quote case now passes.`,
              model: 'claude-sonnet',
            }
          : k === 2
            ? {
                kind: 'tool_call' as const,
                uuid,
                timestamp: ts,
                toolUseId: `tu-${uuid}`,
                name: 'Bash',
                input: { command: `npm test -- parser-${seq}` },
              }
            : {
                kind: 'tool_result' as const,
                uuid,
                timestamp: ts,
                toolUseId: `tu-${sessionId}-${seq - 1}`,
                content: 'PASS 12 tests',
                isError: false,
              };
    events.push({ seq, turnIndex: Math.floor(seq / 4), event });
  }
  return { sessionId, body: { events, meta: { cwd: '/work/bench-project' } } };
}

async function direct(target: DbTarget, seconds: number): Promise<number> {
  const store = await openStore(target);
  const user = (await store.users.list())[0]!;
  let events = 0;
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  while (performance.now() < end) {
    const { sessionId, body } = batch();
    await store.transaction((repos) =>
      writeSession(
        repos,
        {
          userId: user.id,
          sessionId,
          items: body.events,
          meta: body.meta,
          source: 'cli-stream',
          pointerSource: 'cli-stream',
        },
        Date.now(),
      ),
    );
    events += BATCH;
  }
  const rate = events / ((performance.now() - t0) / 1000);
  await store.close();
  return rate;
}

async function countEvents(target: DbTarget): Promise<number> {
  const store = await openStore(target, { migrate: false });
  const row = await store.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  await store.close();
  return Number(row?.n ?? 0);
}

interface Result {
  engine: string;
  httpRate: number;
  directRate: number;
  p50: number;
  p99: number;
  non2xx: number;
  rssIdleMb: number;
  rssAfterMb: number;
}

async function runEngine(runner: string, engine: 'sqlite' | 'postgres'): Promise<Result> {
  let target: DbTarget;
  let args: string[];
  let env: Record<string, string> = {};
  let cleanup: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
    target = { engine, file: join(dir, 'tracker.db') };
    args = ['--db', target.file];
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = benchSchema('bench_ingest');
    await pgAdmin(`CREATE SCHEMA ${schema}`);
    target = { engine, url: PG_URL, schema };
    args = ['--db', PG_URL];
    env = { BATON_TRACKER_PG_SCHEMA: schema };
    cleanup = () => pgAdmin(`DROP SCHEMA ${schema} CASCADE`);
  }
  try {
    // The first-start key takes the default rate, and a key may not mint a looser one (issue #9): start unlimited.
    const tracker = await spawnTracker(runner, args, { ...env, BATON_TRACKER_DEFAULT_RATE: '0' });
    const key = await unlimitedKey(tracker.url, tracker.ownerKey!);
    await new Promise((r) => setTimeout(r, 2000));
    const rssIdleMb = tracker.rssMb();
    const before = await countEvents(target);
    const result = await autocannon({
      url: tracker.url,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [
        {
          method: 'POST',
          setupRequest: (req: Record<string, unknown>) => {
            const { sessionId, body } = batch();
            return {
              ...req,
              path: `/api/v1/sessions/${sessionId}/events`,
              headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
              body: JSON.stringify(body),
            };
          },
        },
      ],
    });
    const stored = (await countEvents(target)) - before;
    await new Promise((r) => setTimeout(r, 2000));
    const rssAfterMb = tracker.rssMb();
    await tracker.stop();
    const directRate = await direct(target, 3);
    return {
      engine,
      httpRate: stored / DURATION_S,
      directRate,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx + result.errors,
      rssIdleMb,
      rssAfterMb,
    };
  } finally {
    await cleanup();
  }
}

function nodeIdleRssMb(): number {
  const r = spawnSync(
    process.execPath,
    [
      '-e',
      "setTimeout(()=>{console.log(require('fs').readFileSync('/proc/self/status','utf8').match(/VmRSS:\\s+(\\d+)/)[1])},500)",
    ],
    { encoding: 'utf8' },
  );
  return Number(r.stdout.trim()) / 1024;
}

async function main() {
  const runner = await bundleTracker();
  const engines: Array<'sqlite' | 'postgres'> = ['sqlite'];
  if (await pgReachable()) engines.push('postgres');
  else console.warn(`!!! PostgreSQL at ${PG_URL} unreachable: postgres rows skipped`);
  const results: Result[] = [];
  for (const e of engines) {
    const r = await runEngine(runner, e);
    console.log(
      `${e}: ${Math.round(r.httpRate)} events/s over HTTP (direct ${Math.round(r.directRate)}/s), p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}, RSS idle ${r.rssIdleMb.toFixed(1)} MB, after load ${r.rssAfterMb.toFixed(1)} MB`,
    );
    results.push(r);
  }
  const bare = nodeIdleRssMb();
  const load = (await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  const cpu = cpuCalibrationMs();
  const rows = results.map(
    (r) =>
      `| ${r.engine} | ${Math.round(r.httpRate).toLocaleString('en')} | ${TARGET[r.engine]!.toLocaleString('en')} | ${r.httpRate >= TARGET[r.engine]! ? 'met' : 'MISSED'} | ${Math.round(r.directRate).toLocaleString('en')} | ${(r.httpRate / r.directRate).toFixed(2)}x | ${r.p50} / ${r.p99} | ${r.non2xx} | ${r.rssIdleMb.toFixed(1)} | ${r.rssAfterMb.toFixed(1)} |`,
  );
  writeBenchSection(
    'tracker-ingest',
    `## Tracker: batched event ingest and idle memory

Command: \`npx tsx bench/tracker-ingest.ts\` (PostgreSQL rows need postgres://127.0.0.1:5432/test).

The tracker runs in its own process (bundled like dist/tracker.js); autocannon in the benchmark process sends
\`POST /api/v1/sessions/:id/events\` on loopback: ${CONNECTIONS} connections, ${DURATION_S} s, ${BATCH} events per request
(prompt, reply, tool call, tool result in turn) spread over ${SESSIONS} sessions. Events/s counts rows actually stored (read
back from the database), not requests. Baseline: the same batches written through the repository layer in-process for
3 s (no HTTP, no JSON parsing, no auth). RSS from /proc after 2 s idle, before and after the load; a bare \`node\`
process idles at ${bare.toFixed(1)} MB. ${machineLine()}, load average ${load} at the end; CPU calibration (10^8-addition loop) ${cpu.toFixed(0)} ms (it grows with contention from other processes).

| engine | events/s (HTTP) | target | | events/s direct (baseline) | HTTP / direct | latency p50 / p99 (ms) | non-2xx | RSS idle (MB) | RSS after load (MB) |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Idle RSS target: ≤ 100 MB.`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
