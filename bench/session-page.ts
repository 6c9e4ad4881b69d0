// First screen and scroll of a ~100 MB session's page (/sessions/:id) in real Chromium, on SQLite and PostgreSQL.
// The session is a recorded-style transcript (bench/lib/gen-transcript.ts) uploaded as entries, the way the plugin
// syncs it; the baseline is a small session's page opened in the same browser in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTranscript } from './lib/gen-transcript.js';
import { measurePage, openBrowser, type PageFigures } from './lib/page-timing.js';
import { machineLine, median, percentile, writeBenchSection } from './lib/report.js';
import { uploadTranscript } from './lib/upload-transcript.js';
import {
  benchSchema,
  bundleTracker,
  cpuCalibrationMs,
  pgAdmin,
  pgReachable,
  PG_URL,
  spawnTracker,
} from './lib/tracker-process.js';

const MB = Number(process.env.BENCH_PAGE_MB ?? 100);
const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 7);
const BIG = 'c0000000-0000-4000-8000-0000000000b1';
const SMALL = 'c0000000-0000-4000-8000-0000000000b2';

interface Result {
  engine: string;
  events: number;
  big: PageFigures[];
  small: PageFigures[];
}

async function measure(
  engine: string,
  runner: string,
  dir: string,
  args: string[],
  env: Record<string, string>,
) {
  const trackerEnv = { BATON_TRACKER_DEFAULT_RATE: '0', ...env };
  let tracker = await spawnTracker(runner, args, trackerEnv);
  const key = tracker.ownerKey!;
  try {
    await uploadTranscript(tracker.url, key, BIG, join(dir, 'big.jsonl'));
    await uploadTranscript(tracker.url, key, SMALL, join(dir, 'small.jsonl'));
    // The stop runs the derivation the upload queued; the new process starts idle, as a reader later finds it.
    await tracker.stop();
    tracker = await spawnTracker(runner, args, trackerEnv);
    const events = await eventCount(tracker.url, key, BIG);
    const browser = await openBrowser(tracker.url, key);
    try {
      const big: PageFigures[] = [];
      const small: PageFigures[] = [];
      // Alternate, so load on the shared machine hits both pages alike.
      for (let run = 0; run < RUNS; run++) {
        small.push(await measurePage(browser, `${tracker.url}/sessions/${SMALL}`));
        big.push(await measurePage(browser, `${tracker.url}/sessions/${BIG}`));
      }
      return { engine, events, big, small } satisfies Result;
    } finally {
      await browser.close();
    }
  } finally {
    await tracker.stop();
  }
}

async function eventCount(url: string, key: string, id: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/sessions/${id}?limit=0`, {
    headers: { authorization: `Bearer ${key}` },
  });
  const body = (await res.json()) as { eventsPage: { total: number } };
  return body.eventsPage.total;
}

const runner = await bundleTracker();
const cpu = cpuCalibrationMs();
const loadBefore = loadavg()
  .map((l) => l.toFixed(1))
  .join('/');
const results: Result[] = [];
// The transcripts are generated once and uploaded to each engine.
const dir = mkdtempSync(join(tmpdir(), 'baton-bench-page-'));
await generateTranscript(join(dir, 'big.jsonl'), MB * 1024 * 1024, BIG);
await generateTranscript(join(dir, 'small.jsonl'), 200 * 1024, SMALL);
const sqliteDir = mkdtempSync(join(tmpdir(), 'baton-bench-page-db-'));
results.push(await measure('SQLite', runner, dir, ['--db', join(sqliteDir, 'tracker.db')], {}));
rmSync(sqliteDir, { recursive: true, force: true });
if (await pgReachable()) {
  const schema = benchSchema('bench_page');
  await pgAdmin(`CREATE SCHEMA ${schema}`);
  try {
    results.push(
      await measure('PostgreSQL', runner, dir, [], {
        DATABASE_URL: `${PG_URL}?options=-csearch_path%3D${schema}`,
      }),
    );
  } finally {
    await pgAdmin(`DROP SCHEMA ${schema} CASCADE`);
  }
}
rmSync(dir, { recursive: true, force: true });

const ms = (v: number) => `${Math.round(v)} ms`;
const p95 = (v: number[]) =>
  percentile(
    [...v].sort((a, b) => a - b),
    95,
  );
const rows = results.map((r) => {
  const fcp = r.big.map((f) => f.fcpMs);
  const base = median(r.small.map((f) => f.fcpMs));
  return [
    r.engine,
    r.events.toLocaleString('en'),
    `${(median(r.big.map((f) => f.htmlBytes)) / 1024 / 1024).toFixed(2)} MB`,
    `${ms(median(r.big.map((f) => f.serverMs)))} (${ms(median(r.small.map((f) => f.serverMs)))})`,
    `${ms(median(r.big.map((f) => f.htmlMs)))} (${ms(median(r.small.map((f) => f.htmlMs)))})`,
    `${ms(median(r.big.map((f) => f.dclMs)))} (${ms(median(r.small.map((f) => f.dclMs)))})`,
    `${ms(median(fcp))} / ${ms(p95(fcp))}`,
    ms(base),
    `${(median(fcp) / base).toFixed(2)}x`,
    `${median(r.big.map((f) => f.longFrames))} / ${ms(median(r.big.map((f) => f.worstFrameMs)))}`,
    p95(fcp) <= 1000 ? 'met' : 'MISSED',
  ];
});
const md = `## Session page: first screen of a ${MB} MB session (\`node scripts/run-bench.mjs session-page\`)

\`/sessions/:id\` of a ${MB} MB recorded-style transcript (bench/lib/gen-transcript.ts: prompts, thinking, Bash and
Edit calls with ~15 KB outputs) uploaded as entries and derived by the tracker, opened ${RUNS} times in headless
Chromium (/usr/bin/chromium through playwright-core, signed in, fresh tab each run, assets cached). Tracker in its own
process on loopback, restarted after the upload. First contentful paint and DOMContentLoaded from the page's own
Performance timeline; first byte is the navigation's request start to response start, whole HTML its request start
to response end (the page streams: header and first events first, the rest as it is rendered). Scroll: 120
frames scrolling 400 px each (requestAnimationFrame), frames over 50 ms counted. Baseline: a 200 KB session's page, same browser,
same run, alternating with the big one; its figures in parentheses. Target: first screen ≤ 1 s (p95).
${machineLine()}, ${cpus().length} cores, load ${loadBefore} before; CPU calibration ${cpu.toFixed(0)} ms.

| Engine | Events | HTML (first page) | First byte | Whole HTML | DOMContentLoaded | FCP median / p95 | baseline FCP | ratio | long frames / worst | ≤ 1 s |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}
`;
console.log(md);
if (process.env.BENCH_NO_DOC !== '1') writeBenchSection('session-page', md);
