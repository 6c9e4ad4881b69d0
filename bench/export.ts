// Export benchmark: `baton export` of a 100 MB transcript vs a bare line-by-line JSON.parse pass, plus peak RSS.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTranscript } from './lib/gen-transcript.js';
import { machineLine, median, writeBenchSection } from './lib/report.js';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli.js');
const probe = join(root, 'bench', 'lib', 'cpu-probe.cjs');
const baseline = join(root, 'bench', 'lib', 'baseline-parse.mjs');
const sizeMb = Number(process.env.BENCH_EXPORT_MB ?? 100);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const FORMATS = ['md', 'json', 'html', 'txt'] as const;
const TARGET_RATIO = 2;
const TARGET_RSS_MB = 200;

interface Sample {
  wallMs: number;
  cpuMs: number;
  rssMb: number;
}

/** One child run; the preloaded probe reports the child's own CPU time (user + system) and peak RSS. */
function timed(args: string[]): Sample {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', probe, ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  const m = /BENCH_CPU_US=(\d+) BENCH_MAX_RSS_KB=(\d+)/.exec(r.stderr);
  return { wallMs, cpuMs: m ? Number(m[1]) / 1000 : NaN, rssMb: m ? Number(m[2]) / 1024 : NaN };
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main() {
  if (!existsSync(cli)) throw new Error('dist/cli.js missing: run npm run build');
  const dir = join(tmpdir(), 'baton-bench-export');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `transcript-${sizeMb}mb.jsonl`);
  if (!existsSync(file) || statSync(file).size < sizeMb * 1e6 * 0.99) {
    process.stdout.write(`generating ${sizeMb} MB transcript…\n`);
    await generateTranscript(file, sizeMb * 1e6);
  }
  const actualMb = statSync(file).size / 1e6;
  const commands: Array<{ name: string; args: () => string[] }> = [
    { name: 'baseline: readline + JSON.parse', args: () => [baseline, file] },
    ...FORMATS.map((format) => ({
      name: `baton export --format ${format}`,
      args: () => {
        const out = join(dir, `out.${format}`);
        rmSync(out, { force: true });
        return [cli, 'export', file, '--format', format, '--out', out, '--force'];
      },
    })),
  ];
  const loadBefore = load();
  // Interleaved (baseline, md, json, html, txt, baseline, …) so a change in machine load hits every row alike.
  timed(commands[0]!.args()); // warm the page cache for the transcript
  const samples = commands.map(() => [] as Sample[]);
  for (let run = 0; run < runs; run++) {
    commands.forEach((c, i) => samples[i]!.push(timed(c.args())));
    process.stdout.write(`run ${run + 1}/${runs} done\n`);
  }
  const loadAfter = load();

  const rows = commands.map((c, i) => {
    const s = samples[i]!;
    return {
      name: c.name,
      wall: median(s.map((x) => x.wallMs)),
      cpu: median(s.map((x) => x.cpuMs)),
      rss: Math.max(...s.map((x) => x.rssMb)),
    };
  });
  const base = rows[0]!;
  const table = [
    '| run | median wall (ms) | wall ratio | median CPU (ms) | CPU ratio | peak RSS (MB) | target (wall ≤ 2.00×, RSS ≤ 200 MB) |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows.map((r, i) => {
      const wallRatio = r.wall / base.wall;
      const verdict =
        i === 0 ? '—' : wallRatio <= TARGET_RATIO && r.rss <= TARGET_RSS_MB ? 'met' : '**not met**';
      return `| ${r.name} | ${r.wall.toFixed(0)} | ${wallRatio.toFixed(2)}× | ${r.cpu.toFixed(0)} | ${(r.cpu / base.cpu).toFixed(2)}× | ${r.rss.toFixed(0)} | ${verdict} |`;
    }),
  ].join('\n');
  process.stdout.write(`\nExport of a ${actualMb.toFixed(0)} MB transcript (median of ${runs})\n${table}\n`);
  writeBenchSection(
    'export',
    `## Export

Command: \`npm run build && npx tsx bench/export.ts\` (${machineLine()}, ${cpus().length} CPUs, load average ${loadBefore} before and ${loadAfter} after; ${actualMb.toFixed(0)} MB generated transcript, median of ${runs} interleaved runs, NODE_EXTRA_CA_CERTS and NODE_OPTIONS unset, redaction on, output to a file in the temp dir).

The target is on wall time; CPU time (user + system of the child, from a \`--require\` probe) is shown too because the machine is shared and wall times move with whatever else runs, while the CPU ratio to the same-run baseline is steadier. Peak RSS is the child's maxRSS.

${table}
`,
  );
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : err}\n`);
  process.exit(1);
});
