// Catch-up on resume: a never-captured 100 MB transcript swept into the outbox and read back into events by the sender.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEgressGate } from '../src/capture/session/egress.js';
import { catchUpSession } from '../src/capture/delivery/sender/catch-up.js';
import { SessionFeed } from '../src/capture/delivery/sender/feed.js';
import { generateTranscript } from './lib/gen-transcript.js';
import { machineLine, median, writeBenchSection } from './lib/report.js';

const TARGET_MB = Number(process.env.BENCH_CATCH_UP_MB ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_MBPS = 50;
const ROOT = join(import.meta.dirname, '..');

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'baton-bench-catchup-'));
  try {
    const sid = 'bc0c0c0c-0000-4000-8000-000000000001';
    const proj = join(root, 'proj');
    mkdirSync(proj);
    const transcript = join(proj, `${sid}.jsonl`);
    await generateTranscript(transcript, TARGET_MB * 1024 * 1024, sid);
    const mb = statSync(transcript).size / 1024 / 1024;
    const loadBefore = loadavg()[0]!.toFixed(2);
    const base: number[] = [];
    const sweep: number[] = [];
    const whole: number[] = [];
    let events = 0;
    for (let i = 0; i < RUNS; i++) {
      // Same-run baseline: plain readline + JSON.parse of the same file, in its own process like the sender.
      let t = performance.now();
      const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'lib', 'baseline-parse.mjs'), transcript], {
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(r.stderr);
      base.push(performance.now() - t);

      const dataDir = join(root, `data-${i}`);
      t = performance.now();
      const res = catchUpSession(dataDir, sid, [transcript]);
      const swept = performance.now() - t;
      if (res.state !== 'done') throw new Error('catch-up found the lock busy');
      // What the sender does next in the same run: read the outbox back and normalize it into gated-ready events.
      const feed = new SessionFeed(dataDir, sid, 0, openEgressGate({ dataDir, redact: true }), () => {});
      await feed.pull(Infinity);
      whole.push(performance.now() - t);
      sweep.push(swept);
      events = feed.pending.length;
      rmSync(dataDir, { recursive: true, force: true });
    }
    const mbps = (ms: number) => mb / (ms / 1000);
    const b = median(base);
    const s = median(sweep);
    const w = median(whole);
    const rows = [
      ['readline + JSON.parse (baseline)', b, 1],
      ['catch-up sweep into the outbox', s, b / s],
      ['catch-up sweep + sender read and normalize', w, b / w],
    ] as const;
    for (const [name, ms, ratio] of rows)
      console.log(
        `${name.padEnd(46)} ${ms.toFixed(0).padStart(6)} ms  ${mbps(ms).toFixed(0).padStart(5)} MB/s  ${ratio.toFixed(2)}x baseline`,
      );
    const verdict = mbps(w) >= TARGET_MBPS ? 'meets' : 'MISSES';
    console.log(
      `target >= ${TARGET_MBPS} MB/s for the whole catch-up: ${verdict} (${mbps(w).toFixed(0)} MB/s, ${events} events)`,
    );
    writeBenchSection(
      'catch-up',
      `## Catch-up of a never-captured transcript on resume

Command: \`npx tsx bench/catch-up.ts\` (${machineLine()}, ${cpus().length} CPUs, load average ${loadBefore} before and ${loadavg()[0]!.toFixed(2)} after; ${mb.toFixed(0)} MB generated transcript, ${events} events, median of ${RUNS} interleaved runs).
The sender's catch-up (src/capture/delivery/sender/catch-up.ts) copies the transcript into the outbox 32 MiB per lock hold; the
sender then reads the outbox back and normalizes it into events in the same run. Target: >= ${TARGET_MBPS} MB/s for both together.

| step | median | MB/s | vs baseline (higher is faster) |
|---|---|---|---|
${rows.map(([name, ms, ratio]) => `| ${name} | ${ms.toFixed(0)} ms | ${mbps(ms).toFixed(0)} | ${ratio.toFixed(2)}x |`).join('\n')}

Result: ${verdict} the target (${mbps(w).toFixed(0)} MB/s end to end).`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
