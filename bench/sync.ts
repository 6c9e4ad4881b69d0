// Historical sync: `baton sync --all` of a ~1 GB corpus of generated transcripts into a local tracker (its own
// process, fresh SQLite file), events and raw transcript lines (issue 12), against a bare read + JSON.parse pass over
// the same files; then a resumed rerun, and what the tracker stores for the lines (`baton tracker storage`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { generateTranscript } from './lib/gen-transcript.js';
import { machineLine, writeBenchSection } from './lib/report.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const TOTAL_MB = Number(process.env.BENCH_SYNC_MB ?? 1024);
const SESSION_MB = Number(process.env.BENCH_SYNC_SESSION_MB ?? 5);
const PROJECTS = 4;
const TARGET_S = 60;
/** Only the full-size run replaces the figures in docs/benchmarks.md (a smaller one is a quick look). */
const WRITE_DOC = process.env.BENCH_SYNC_WRITE === '1' || (TOTAL_MB === 1024 && SESSION_MB === 5);

const BASELINE = `
const { createReadStream, readdirSync } = require('node:fs');
const { createInterface } = require('node:readline');
const { join } = require('node:path');
(async () => {
  let n = 0;
  const root = process.argv[1];
  for (const p of readdirSync(root)) for (const f of readdirSync(join(root, p))) {
    const rl = createInterface({ input: createReadStream(join(root, p, f)), crlfDelay: Infinity });
    for await (const line of rl) if (line) { JSON.parse(line); n++; }
  }
  process.stdout.write(n + '\\n');
})();
`;

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  return env;
}

async function corpus(): Promise<{ dir: string; bytes: number; files: number }> {
  const dir = join(tmpdir(), `baton-bench-sync-${TOTAL_MB}mb`);
  const projects = join(dir, 'projects');
  const want = TOTAL_MB * 1024 * 1024;
  const size = () => {
    let b = 0;
    let f = 0;
    if (!existsSync(projects)) return { b, f };
    for (const p of readdirSync(projects)) {
      for (const file of readdirSync(join(projects, p))) {
        b += statSync(join(projects, p, file)).size;
        f++;
      }
    }
    return { b, f };
  };
  let { b, f } = size();
  if (b < want * 0.98) {
    rmSync(dir, { recursive: true, force: true });
    process.stdout.write(`generating a ${TOTAL_MB} MB corpus (${SESSION_MB} MB sessions)…\n`);
    for (let i = 0; b < want; i++) {
      const project = join(projects, `-home-dev-project-${i % PROJECTS}`);
      mkdirSync(project, { recursive: true });
      const id = randomUUID();
      await generateTranscript(join(project, `${id}.jsonl`), SESSION_MB * 1024 * 1024, id);
      b += statSync(join(project, `${id}.jsonl`)).size;
    }
    ({ b, f } = size());
  }
  return { dir, bytes: b, files: f };
}

function startTracker(
  db: string,
): Promise<{ url: string; key: string; pid: number | undefined; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      [CLI, 'tracker', 'serve', '--port', '0', '--db', db, '--log-level', 'error'],
      { env: cleanEnv({ HOME: tmpdir() }), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    p.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      const key = /^\s+(bt_\S+)\s*$/m.exec(out)?.[1];
      if (url && key && out.includes('Press Ctrl+C'))
        resolve({ url, key, pid: p.pid, stop: () => p.kill('SIGTERM') });
    });
    p.once('exit', (code) => reject(new Error(`tracker exited ${code}: ${out}`)));
  });
}

const CPU_PROBE = join(ROOT, 'bench', 'lib', 'cpu-probe.cjs');

/** Wall time, plus the child's own CPU seconds (user + system, from the probe) and peak RSS. */
function run(
  args: string[],
  env: NodeJS.ProcessEnv,
): { ms: number; stdout: string; cpuS: number; rssMb: number } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', CPU_PROBE, ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0)
    throw new Error(`${args.slice(0, 3).join(' ')} failed (${r.status}): ${r.stderr}\n${r.stdout}`);
  const m = /BENCH_CPU_US=(\d+) BENCH_MAX_RSS_KB=(\d+)/.exec(r.stderr);
  return { ms, stdout: r.stdout, cpuS: m ? Number(m[1]) / 1e6 : NaN, rssMb: m ? Number(m[2]) / 1024 : NaN };
}

/** The tracker's storage report for the transcript lines, or null when this build has no such command. */
function storage(
  db: string,
): { entries: number; rawBytes: number; storedBytes: number; ratio: number } | null {
  const r = spawnSync(process.execPath, [CLI, 'tracker', 'storage', '--json', '--db', db], {
    env: cleanEnv({ HOME: tmpdir() }),
    encoding: 'utf8',
  });
  if (r.status !== 0) return null;
  try {
    return JSON.parse(r.stdout) as { entries: number; rawBytes: number; storedBytes: number; ratio: number };
  } catch {
    return null;
  }
}

/** CPU seconds a process has used so far (Linux /proc; NaN elsewhere). */
function procCpuS(pid: number | undefined): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('dist/cli.js missing: run npm run build');
  const c = await corpus();
  const work = mkdtempSync(join(tmpdir(), 'baton-bench-sync-run-'));
  const loadBefore = loadavg();
  const db = join(work, 'tracker.db');
  const tracker = await startTracker(db);
  try {
    // Warm the page cache first, so neither run pays for reading the corpus from disk.
    run(['-e', BASELINE, join(c.dir, 'projects')], cleanEnv({}));
    const base = run(['-e', BASELINE, join(c.dir, 'projects')], cleanEnv({}));
    const env = cleanEnv({
      HOME: work,
      CLAUDE_CONFIG_DIR: c.dir,
      BATON_DATA_DIR: join(work, 'data'),
      BATON_CONFIG: join(work, 'none.json'),
      BATON_URL: tracker.url,
      BATON_API_KEY: tracker.key,
    });
    const trackerCpu0 = procCpuS(tracker.pid);
    const first = run([CLI, 'sync', '--all', '--json'], env);
    const trackerCpu = procCpuS(tracker.pid) - trackerCpu0;
    const report = JSON.parse(first.stdout) as {
      uploaded: number;
      events: number;
      failed: unknown[];
      bytes: number;
    };
    const again = run([CLI, 'sync', '--all', '--json'], env);
    const rerun = JSON.parse(again.stdout) as { uploaded: number; unchanged: number };
    const stored = storage(db);
    const mib = (n: number) => (n / 1024 ** 2).toFixed(0);
    const storedRow = stored
      ? `| (transcript lines stored: ${stored.entries.toLocaleString('en-US')} lines, ${mib(stored.rawBytes)} MB as sent, ${mib(stored.storedBytes)} MB stored: ${stored.ratio.toFixed(2)}x of raw, ${(stored.storedBytes / c.bytes).toFixed(2)}x of the corpus on disk) | | | | |`
      : '| (transcript lines stored: no `baton tracker storage` in this build) | | | | |';
    const gb = c.bytes / 1024 ** 3;
    const ok = first.ms / 1000 <= TARGET_S ? 'met' : 'MISSED';
    const rows = [
      '| run | wall (s) | throughput (MB/s) | ratio vs baseline | result |',
      '|---|---:|---:|---:|---|',
      `| baseline: readline + JSON.parse of every line | ${(base.ms / 1000).toFixed(1)} | ${(c.bytes / 1024 ** 2 / (base.ms / 1000)).toFixed(0)} | 1.00x | ${base.stdout.trim()} records |`,
      `| \`baton sync --all\` (fresh tracker) | ${(first.ms / 1000).toFixed(1)} | ${(c.bytes / 1024 ** 2 / (first.ms / 1000)).toFixed(0)} | ${(first.ms / base.ms).toFixed(2)}x | ${report.uploaded} sessions, ${report.events.toLocaleString('en-US')} events stored, ${report.failed.length} failed; target ≤ ${TARGET_S} s: ${ok} |`,
      `| (CPU during the sync: \`baton sync\` ${first.cpuS.toFixed(1)} s, peak RSS ${first.rssMb.toFixed(0)} MB; tracker ${trackerCpu.toFixed(1)} s) | | | | |`,
      storedRow,
      `| rerun (resumable: nothing changed) | ${(again.ms / 1000).toFixed(1)} | — | ${(again.ms / base.ms).toFixed(2)}x | ${rerun.uploaded} uploaded, ${rerun.unchanged} unchanged |`,
    ].join('\n');
    console.log(`\n${rows}`);
    if (!WRITE_DOC) return;
    const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
    writeBenchSection(
      'sync',
      `## Historical sync\n\nCommand: \`npm run build && npx tsx bench/sync.ts\` (${machineLine()}; load average ${load(loadBefore)} before, ${load(loadavg())} after).\n\n` +
        `Corpus: ${c.files} generated transcripts (${SESSION_MB} MB each, ${PROJECTS} projects), ${gb.toFixed(2)} GB in total. ` +
        'The tracker runs as its own process (`baton tracker serve`, fresh SQLite file, default rate limit 60/min); the sync is ' +
        '`node dist/cli.js sync --all` with redaction on, the raw transcript lines of each session sent with its events (issue 12), NODE_EXTRA_CA_CERTS unset. Baseline: one node process reading every ' +
        'line of the corpus and JSON.parse-ing it, nothing else (after one untimed pass that warms the page cache). CPU seconds are ' +
        "the processes' own user+system time; on this shared 2-core machine wall time also carries other jobs' load.\n\n" +
        `${rows}\n`,
    );
  } finally {
    tracker.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
