// Shared benchmark plumbing: percentiles and replacing one marked section of docs/benchmarks.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BENCH_DOC = join(
  import.meta.dirname ?? new URL('.', import.meta.url).pathname,
  '..',
  '..',
  'docs',
  'benchmarks.md',
);

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** Replaces (or appends) the section between `<!-- bench:<name>:start -->` and `<!-- bench:<name>:end -->`. */
export function writeBenchSection(name: string, markdown: string, doc = BENCH_DOC): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  let text = existsSync(doc)
    ? readFileSync(doc, 'utf8')
    : "# Benchmarks\n\nFigures measured on this repository's CI-class machine (2 cores). Each section names the command that produced it.\n";
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  text =
    a !== -1 && b > a
      ? text.slice(0, a) + block + text.slice(b + end.length)
      : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(doc, text);
}

export function machineLine(): string {
  return `node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}
