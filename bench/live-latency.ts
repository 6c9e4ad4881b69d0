// Live delivery latency: event sent by PATCH → received by SSE viewers (1 and 1,000 on one stream), viewers in
// their own process. Baseline: a plain GET /healthz round trip to the same tracker in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createStream,
  nextLine,
  spawnBundledServer,
  spawnTs,
  stop,
  writeLiveSubsection,
} from './lib/live-bench.js';
import { machineLine, percentile } from './lib/report.js';

const EVENTS = Number(process.env.LIVE_BENCH_EVENTS ?? 200);
const GAP_MS = 25;
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number) => n.toFixed(1);

const dir = mkdtempSync(join(tmpdir(), 'baton-bench-live-'));
const server = await spawnBundledServer(join(dir, 'tracker.db'));
try {
  const { url, ownerKey } = JSON.parse(await nextLine(server)) as { url: string; ownerKey: string };

  // Baseline: request/response latency of the same server, no fan-out involved.
  const rtt: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t0 = now();
    await (await fetch(`${url}/healthz`)).text();
    if (i >= 50) rtt.push(now() - t0);
  }
  rtt.sort((a, b) => a - b);
  const base = { p50: percentile(rtt, 50), p95: percentile(rtt, 95) };
  console.log(`baseline GET /healthz: p50 ${fmt(base.p50)} ms, p95 ${fmt(base.p95)} ms`);

  const rows: string[] = [];
  for (const viewers of [1, 1000]) {
    const s = await createStream(url, ownerKey);
    const load = spawnTs(
      'bench/lib/live-viewers.ts',
      [`${url}/live/${s.viewerToken}/events`, String(viewers), 'latency', String(EVENTS)],
      { ulimitN: 20_000 },
    );
    const ready = await nextLine(load);
    if (!ready.startsWith('ready')) throw new Error(`viewers: ${ready}`);
    await sleep(500);
    for (let seq = 1; seq <= EVENTS; seq++) {
      const sent = now();
      const r = await fetch(`${url}/api/v1/live/${s.liveId}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${s.producerToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          events: [{ seq, event: { kind: 'text', uuid: `e${seq}`, text: `sent ${sent}` } }],
        }),
      });
      if (r.status !== 200) throw new Error(`PATCH ${r.status}: ${await r.text()}`);
      await sleep(GAP_MS);
    }
    const r = JSON.parse(await nextLine(load)) as {
      n: number;
      p50: number;
      p95: number;
      p99: number;
      max: number;
    };
    await stop(load);
    const { p50, p95, p99, max } = r;
    console.log(
      `${viewers} viewer(s): ${r.n} deliveries, p50 ${fmt(p50)} ms, p95 ${fmt(p95)} ms, p99 ${fmt(p99)} ms, max ${fmt(max)} ms (p95 = ${fmt(p95 / base.p95)}× baseline p95)`,
    );
    rows.push(
      `| ${viewers.toLocaleString('en-US')} | ${r.n.toLocaleString('en-US')} | ${fmt(p50)} | ${fmt(p95)} | ${fmt(p99)} | ${fmt(max)} | ${fmt(p95 / base.p95)}× |`,
    );
  }

  writeLiveSubsection(
    'live-latency',
    [
      '### Delivery latency',
      '',
      `Command: \`npx tsx bench/live-latency.ts\` (${machineLine()}). ${EVENTS} events, one PATCH each, ${GAP_MS} ms apart; latency is`,
      'the time from just before the PATCH is sent (producer) to the SSE `event` being parsed by a viewer, so it',
      "includes request parsing, the SQLite insert, fan-out and the viewer process's own event loop. The tracker runs",
      'as an esbuild bundle under plain node (as dist/tracker.js does); the viewers are one separate client process.',
      `Baseline: \`GET /healthz\` round trip on the same tracker, p50 ${fmt(base.p50)} ms, p95 ${fmt(base.p95)} ms.`,
      `Load average at the end of the run: ${loadavg()[0]!.toFixed(1)} (the machine is shared; figures move with it).`,
      '',
      '| viewers | deliveries | p50 ms | p95 ms | p99 ms | max ms | p95 vs baseline p95 |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
    ].join('\n'),
  );
} finally {
  await stop(server);
  rmSync(dir, { recursive: true, force: true });
}
