// The `bench:comments` section of docs/benchmarks.md from bench/comments.ts's runs: prose wrapped at 118 columns, one
// table row per engine and frame kind, and on PostgreSQL one per instance (the poster's, and the relayed one).
import type { KindReport, Stats } from './comment-viewers.js';
import { machineLine } from './report.js';

export type Engine = 'sqlite' | 'postgres';

export interface EngineRun {
  engine: Engine;
  instances: number;
  base: KindReport;
  com: KindReport;
  loadBefore: number;
  loadAfter: number;
}

const fmt = (n: number) => n.toFixed(1);
const label = (e: Engine) => (e === 'sqlite' ? 'SQLite' : 'PostgreSQL');

function wrap(text: string, width = 118): string[] {
  const lines: string[] = [];
  let line = '';
  // A code span (`POST /api/…`) stays on one line: its words are joined before wrapping.
  const words: string[] = [];
  for (const w of text.split(/\s+/)) {
    const open = words.length > 0 && (words[words.length - 1]!.split('`').length - 1) % 2 === 1;
    if (open) words[words.length - 1] += ` ${w}`;
    else words.push(w);
  }
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function commentsSection(
  runs: EngineRun[],
  o: { viewers: number; n: number; gapMs: number; targetP95Ms: number },
): string {
  const row = (engine: Engine, frame: string, r: Stats, base: Stats) =>
    `| ${label(engine)} | ${frame} | ${r.n.toLocaleString('en-US')} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.max)} | ${fmt(r.p95 / base.p95)}× |`;
  const rows: string[] = [];
  for (const { engine, instances, base, com } of runs) {
    rows.push(row(engine, 'live event (baseline)', base, base), row(engine, 'comment', com, base));
    if (instances > 1)
      rows.push(
        row(engine, 'comment, instance 1 viewers (poster’s)', com.byInstance[0]!, base.byInstance[0]!),
        row(engine, 'comment, instance 2 viewers (relayed)', com.byInstance[1]!, base.byInstance[1]!),
      );
  }
  const verdict = runs
    .map((r) => `${label(r.engine)} ${r.com.p95 <= o.targetP95Ms ? 'met' : 'not met'}`)
    .join(', ');
  const loads = runs
    .map((r) => `${label(r.engine)} ${r.loadBefore.toFixed(1)} → ${r.loadAfter.toFixed(1)}`)
    .join(', ');
  const busy = runs.some((r) => Math.max(r.loadBefore, r.loadAfter) > 4)
    ? 'The machine was busy with other engineers’ work (load average above 4 on 2 cores): the figures are an upper bound, not a quiet-machine measure.'
    : '';
  const sqlite = runs.find((r) => r.engine === 'sqlite')?.com;
  const pg = runs.find((r) => r.engine === 'postgres')?.com;
  const cross =
    sqlite && pg
      ? `Comment p95 on PostgreSQL across two instances: ${fmt(pg.p95 / sqlite.p95)}× SQLite's on one.`
      : '';
  const prose = [
    `Command: \`npx tsx bench/comments.ts\` (${machineLine()}; 2 cores, shared with other work; 1-minute load`,
    `average before → after each engine: ${loads}). ${busy} Each engine: bundled live-server processes, one`,
    `pushed session with a live stream, ${o.viewers} SSE viewers on the stream's viewer link in one separate process`,
    '(from ten loopback addresses, as the tracker admits 20 live connections per address).',
    `${o.n} comments posted through \`POST /api/v1/sessions/{id}/comments\` by three users in turn, ${o.gapMs} ms`,
    'apart; latency is from just before the POST to the `comment` frame parsed at each viewer (the poster is none',
    `of them). Baseline, same run and viewers: ${o.n} live events, one PATCH each, to their \`event\` frame.`,
    'SQLite: one tracker. PostgreSQL: two tracker instances on one fresh schema (DATABASE_URL and',
    'BATON_TRACKER_PG_SCHEMA, dropped after), every write to the first, the viewers split half and half, so the',
    'second half is reached only through LISTEN/NOTIFY.',
    `Target p95 ≤ ${o.targetP95Ms} ms with ${o.viewers} viewers: ${verdict} in this run. ${cross}`,
  ].join(' ');
  return [
    '## Comment delivery (SSE)',
    '',
    ...wrap(prose),
    '',
    '| engine | frame | deliveries | p50 ms | p95 ms | max ms | p95 vs live event p95 |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
