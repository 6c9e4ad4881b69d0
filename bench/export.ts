// Export benchmark: `baton export` of a 100 MB transcript vs a bare line-by-line JSON.parse pass, plus peak RSS.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { generateTranscript } from './lib/gen-transcript.js';
import { machineLine, median, writeBenchSection } from './lib/report.js';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli.js');
const probe = join(root, 'bench', 'lib', 'rss-probe.cjs');
const baseline = join(root, 'bench', 'lib', 'baseline-parse.mjs');
const sizeMb = Number(process.env.BENCH_EXPORT_MB ?? 100);
const runs = Number(process.env.BENCH_RUNS ?? 3);

function timed(args: string[]): { ms: number; rssMb: number } {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', probe, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  const m = /BENCH_MAX_RSS_KB=(\d+)/.exec(r.stderr);
  return { ms, rssMb: m ? Number(m[1]) / 1024 : NaN };
}

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
  const rows: { name: string; ms: number; rssMb: number }[] = [];
  const measure = (name: string, args: () => string[]) => {
    const samples = Array.from({ length: runs }, () => timed(args()));
    rows.push({ name, ms: median(samples.map((s) => s.ms)), rssMb: Math.max(...samples.map((s) => s.rssMb)) });
  };
  measure('baseline: readline + JSON.parse', () => [baseline, file]);
  for (const format of ['md', 'json', 'html', 'txt']) {
    measure(`baton export --format ${format}`, () => {
      const out = join(dir, `out.${format}`);
      rmSync(out, { force: true });
      return [cli, 'export', file, '--format', format, '--out', out, '--force'];
    });
  }
  const base = rows[0]!.ms;
  const table = [
    '| run | median wall (ms) | ratio vs baseline | peak RSS (MB) | target |',
    '|---|---:|---:|---:|---|',
    ...rows.map((r, i) => `| ${r.name} | ${r.ms.toFixed(0)} | ${(r.ms / base).toFixed(2)}× | ${r.rssMb.toFixed(0)} | ${i === 0 ? '—' : '≤ 2.00×, ≤ 200 MB'} |`),
  ].join('\n');
  process.stdout.write(`\nExport of a ${actualMb.toFixed(0)} MB transcript (median of ${runs})\n${table}\n`);
  writeBenchSection(
    'export',
    `## Export\n\nCommand: \`npm run build && npx tsx bench/export.ts\` (${machineLine()}; ${actualMb.toFixed(0)} MB generated transcript, median of ${runs} runs, NODE_EXTRA_CA_CERTS unset, redaction on).\n\n${table}\n`,
  );
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : err}\n`);
  process.exit(1);
});
