// A tracker holding 5,000 idle SSE connections (from a separate process): its RSS against its own idle RSS.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createStream,
  nextLine,
  rssMb,
  spawnBundledServer,
  spawnTs,
  stop,
  writeLiveSubsection,
} from './lib/live-bench.js';
import { machineLine } from './lib/report.js';

const CONNECTIONS = Number(process.env.LIVE_BENCH_CONNECTIONS ?? 5000);
const STREAMS = 10;
const TARGET_MB = 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dir = mkdtempSync(join(tmpdir(), 'baton-bench-conn-'));
// Both sides need more than the default 1,024 file descriptors.
const server = await spawnBundledServer(join(dir, 'tracker.db'), { ulimitN: 20_000 });
const loads: Array<ReturnType<typeof spawnTs>> = [];
try {
  const { url, ownerKey, pid } = JSON.parse(await nextLine(server)) as {
    url: string;
    ownerKey: string;
    pid: number;
  };
  const streams = [];
  for (let i = 0; i < STREAMS; i++) streams.push(await createStream(url, ownerKey));
  // Warm the paths once so the idle figure includes loaded code, not just a cold heap.
  await (await fetch(`${url}/live/${streams[0]!.viewerToken}/status`)).text();
  global.gc?.();
  await sleep(1000);
  const idle = rssMb(pid);
  console.log(`tracker idle RSS: ${idle.toFixed(1)} MB`);

  const started = performance.now();
  // Spread over several streams, as a real tracker would see them, all from one separate client process.
  const per = Math.ceil(CONNECTIONS / STREAMS);
  for (const s of streams) {
    const load = spawnTs(
      'bench/lib/live-viewers.ts',
      [`${url}/live/${s.viewerToken}/events`, String(per), 'idle'],
      { ulimitN: 20_000 },
    );
    loads.push(load);
    const ready = await nextLine(load);
    if (ready !== `ready ${per}`) throw new Error(`viewers: ${ready}`);
  }
  const openMs = performance.now() - started;
  await sleep(3000);
  const held = rssMb(pid);
  const diag = await fetch(`${url}/live/${streams[0]!.viewerToken}/status`);
  const viewersOnFirst = ((await diag.json()) as { viewers: number }).viewers;
  const total = per * STREAMS;
  const perConnKb = ((held - idle) * 1024) / total;
  const verdict = held <= TARGET_MB ? 'within' : 'OVER';
  console.log(
    `${total} idle SSE connections: RSS ${held.toFixed(1)} MB (${(held / idle).toFixed(2)}× idle, ${perConnKb.toFixed(1)} KB per connection), ${verdict} the ${TARGET_MB} MB target; opened in ${(openMs / 1000).toFixed(1)} s; viewers on stream 1: ${viewersOnFirst}; load average ${loadavg()[0]!.toFixed(1)}`,
  );
  writeLiveSubsection(
    'live-connections',
    [
      '### Idle connections',
      '',
      `Command: \`npx tsx bench/live-connections.ts\` (${machineLine()}, load average ${loadavg()[0]!.toFixed(1)} at the end). The tracker runs as an esbuild bundle under plain node (as dist/tracker.js does)`,
      `with \`ulimit -n 20000\`; ${total.toLocaleString('en-US')} SSE viewers on ${STREAMS} streams are opened from separate client`,
      'processes and held idle (15 s heartbeats). RSS is read from /proc for the tracker process only.',
      '',
      '| state | tracker RSS | vs idle |',
      '| --- | ---: | ---: |',
      `| idle (baseline, same run) | ${idle.toFixed(1)} MB | 1.00× |`,
      `| ${total.toLocaleString('en-US')} idle SSE connections | ${held.toFixed(1)} MB | ${(held / idle).toFixed(2)}× |`,
      '',
      `${perConnKb.toFixed(1)} KB per connection; target ≤ ${TARGET_MB} MB: **${verdict === 'within' ? 'met' : 'missed'}**.`,
    ].join('\n'),
  );
} finally {
  for (const l of loads) await stop(l);
  await stop(server);
  rmSync(dir, { recursive: true, force: true });
}
