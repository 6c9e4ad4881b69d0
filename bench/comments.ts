// Comment delivery latency (issue 14) on SQLite and PostgreSQL: a comment posted through the API → its `comment` frame
// parsed by each of 100 SSE viewers of the session's live stream. Baseline in the same run: a live event's PATCH → its
// `event` frame at the same viewers. On PostgreSQL half the viewers watch a second tracker instance on the same schema,
// so the figure covers the cross-instance relay (LISTEN/NOTIFY). Viewers run in their own process
// (bench/lib/comment-viewers.ts) so the poster's event loop is not theirs.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withUser } from '../tracker/live/pg-notifier.js';
import { makeSession } from '../test/tracker/helpers/sessions.js';
import type { KindReport } from './lib/comment-viewers.js';
import { commentsSection, type Engine, type EngineRun } from './lib/comments-section.js';
import { nextLine, spawnBundledServer, spawnTs, stop, type Child } from './lib/live-bench.js';
import { writeBenchSection } from './lib/report.js';

const VIEWERS = 100;
const N = 50;
const GAP_MS = 25;
const TARGET_P95_MS = 100;
const PG_URL = withUser(process.env.BATON_TEST_PG_URL ?? 'postgres://127.0.0.1:5432/test');
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A frame that never arrives (a broken relay) fails the run instead of hanging it. */
async function report(viewers: Child, kind: string): Promise<KindReport> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`not every viewer had all ${N} ${kind} frames after 60 s`)),
      60_000,
    );
  });
  try {
    return JSON.parse(await Promise.race([nextLine(viewers), late])) as KindReport;
  } finally {
    clearTimeout(timer);
  }
}
const fmt = (n: number) => n.toFixed(1);

async function post(url: string, path: string, key: string, body: unknown, method = 'POST') {
  const r = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await r.json()) as Record<string, unknown>;
  if (r.status >= 300) throw new Error(`${method} ${path} ${r.status}: ${JSON.stringify(json)}`);
  return json;
}

async function pgAdmin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Posts N live events, then N comments, to instance 0; the viewers spread over every instance. */
async function measure(urls: string[], ownerKey: string): Promise<{ base: KindReport; com: KindReport }> {
  const url = urls[0]!;
  const sessionId = 'bench-comments';
  await post(url, '/api/v1/sessions', ownerKey, {
    session: makeSession({ id: sessionId, turns: 5 }),
    visibility: 'unlisted',
  });
  // 20 comment writes per user per minute: three commenters, round robin, stay under it.
  const keys: string[] = [];
  for (const name of ['ann', 'ben', 'cat'])
    keys.push((await post(url, '/api/v1/users', ownerKey, { name, role: 'member' })).rawKey as string);
  const s = (await post(url, '/api/v1/live', ownerKey, { sessionId })) as {
    liveId: string;
    producerToken: string;
    viewerToken: string;
  };
  const viewers = spawnTs('bench/lib/comment-viewers.ts', [
    String(VIEWERS),
    String(N),
    ...urls.map((u) => `${u}/live/${s.viewerToken}/events`),
  ]);
  try {
    const ready = await nextLine(viewers);
    if (ready !== 'ready') throw new Error(`viewers: ${ready}`);
    await sleep(500);
    for (let seq = 1; seq <= N; seq++) {
      const event = { kind: 'text', uuid: `e${seq}`, text: `sent ${now()}` };
      await post(url, `/api/v1/live/${s.liveId}`, s.producerToken, { events: [{ seq, event }] }, 'PATCH');
      await sleep(GAP_MS);
    }
    const base = await report(viewers, 'event');
    for (let i = 0; i < N; i++) {
      const body = { eventUuid: `${sessionId}-a${i % 5}`, text: `sent ${now()}` };
      await post(url, `/api/v1/sessions/${sessionId}/comments`, keys[i % keys.length]!, body);
      await sleep(GAP_MS);
    }
    const com = await report(viewers, 'comment');
    return { base, com };
  } finally {
    await stop(viewers);
  }
}

async function runSqlite(): Promise<EngineRun> {
  const loadBefore = loadavg()[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-comments-'));
  const server = await spawnBundledServer(join(dir, 'tracker.db'));
  try {
    const { url, ownerKey } = JSON.parse(await nextLine(server)) as { url: string; ownerKey: string };
    const r = await measure([url], ownerKey);
    return { engine: 'sqlite', instances: 1, ...r, loadBefore, loadAfter: loadavg()[0]! };
  } finally {
    await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Two bundled instances on one fresh schema (DATABASE_URL + BATON_TRACKER_PG_SCHEMA, as a deployment sets them). */
async function runPostgres(): Promise<EngineRun> {
  const loadBefore = loadavg()[0]!;
  const schema = `bench_comments_${randomBytes(4).toString('hex')}`;
  await pgAdmin(`CREATE SCHEMA ${schema}`);
  // Read by the bundled live-server children (inherited), exactly as the tracker reads it.
  process.env.BATON_TRACKER_PG_SCHEMA = schema;
  const servers: Child[] = [];
  try {
    // One at a time: the first runs the migrations and creates the owner; the second finds both done.
    servers.push(await spawnBundledServer(PG_URL));
    const first = JSON.parse(await nextLine(servers[0]!)) as { url: string; ownerKey: string };
    servers.push(await spawnBundledServer(PG_URL));
    const second = JSON.parse(await nextLine(servers[1]!)) as { url: string };
    const r = await measure([first.url, second.url], first.ownerKey);
    return { engine: 'postgres', instances: 2, ...r, loadBefore, loadAfter: loadavg()[0]! };
  } finally {
    for (const s of servers) await stop(s);
    delete process.env.BATON_TRACKER_PG_SCHEMA;
    await pgAdmin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }
}

async function main(): Promise<void> {
  const only = process.argv[2] as Engine | undefined;
  const runs: EngineRun[] = [];
  if (only !== 'postgres') runs.push(await runSqlite());
  if (only !== 'sqlite') runs.push(await runPostgres());
  for (const r of runs)
    for (const [k, s] of [
      ['live event', r.base],
      ['comment', r.com],
    ] as const)
      console.log(
        `${r.engine} ${k}: ${s.n} deliveries, p50 ${fmt(s.p50)} ms, p95 ${fmt(s.p95)} ms, max ${fmt(s.max)} ms, ` +
          `p95 ${fmt(s.p95 / r.base.p95)}× the live event's` +
          (r.instances > 1
            ? ` (per instance p95: ${s.byInstance.map((b) => fmt(b.p95)).join(' / ')} ms)`
            : ''),
      );
  if (runs.length === 2)
    writeBenchSection(
      'comments',
      commentsSection(runs, { viewers: VIEWERS, n: N, gapMs: GAP_MS, targetP95Ms: TARGET_P95_MS }),
    );
}

await main();
