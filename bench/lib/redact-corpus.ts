// Builds the redaction benchmark's inputs: transcript-like strings with planted secrets, and a clean code corpus.
// The planted secrets are the hand-written samples of test/fixtures/secrets, never generated from the rules.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRedactor } from '../../src/core/redact/index.js';
import { mulberry32 } from './rng.js';
import { leaks, loadSamples, PLACES } from '../../test/fixtures/secrets/samples.js';

/** Deterministic PRNG (mulberry32), so every run scans the same corpus. */
export function createRandom(seed: number): {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
} {
  const next = mulberry32(seed);
  const int = (n: number): number => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)]! };
}

type Random = ReturnType<typeof createRandom>;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEX = '0123456789abcdef';

function chars(r: Random, alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[r.int(alphabet.length)];
  return s;
}

const WORDS = (
  'the a to of and in is that for it on with as this be by are or from at an not was have we you can but if will ' +
  'test tests file function error build run type value config server client request response session token tokens ' +
  'password reset flow secret store key keys cache update change fix bug retry timeout deadline loop export import ' +
  'module handler hook event stream parse schema model user api endpoint database query index migration commit branch'
).split(' ');

function prose(r: Random, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const n = 8 + r.int(16);
    const w: string[] = [];
    for (let j = 0; j < n; j++) w.push(r.pick(WORDS));
    if (r.int(6) === 0) w.push(`https://github.com/acme/api/pull/${r.int(5000)}`);
    if (r.int(5) === 0) w.push(`\`src/core/${r.pick(WORDS)}.ts\``);
    out.push(`${w.join(' ')}.`);
  }
  return out.join(' ');
}

/** Tool output that looks like shell and JSON: SHAs, UUIDs, timestamps, test runs, a base64 data URI now and then. */
function toolOutput(r: Random): string {
  const roll = r.int(20);
  if (roll < 5)
    return Array.from({ length: 20 + r.int(60) }, () => `${chars(r, HEX, 40)} ${prose(r, 1)}`).join('\n');
  if (roll < 10) {
    return JSON.stringify(
      Array.from({ length: 10 + r.int(40) }, (_, i) => ({
        id: `${chars(r, HEX, 8)}-${chars(r, HEX, 4)}-4${chars(r, HEX, 3)}-a${chars(r, HEX, 3)}-${chars(r, HEX, 12)}`,
        name: r.pick(WORDS),
        createdAt: new Date(1.7e12 + i * 6e4).toISOString(),
        tokens: r.int(100000),
        ok: r.int(2) === 0,
      })),
      null,
      2,
    );
  }
  if (roll < 14) {
    return Array.from({ length: 10 + r.int(40) }, () => {
      const file = `${r.pick(WORDS)}.test.ts`;
      return r.int(8) === 0
        ? ` FAIL  test/unit/${file} > ${prose(r, 1)}\n    at Object.<anonymous> (/home/dev/proj/test/unit/${file}:${r.int(400)}:${r.int(80)})`
        : ` ✓ test/unit/${file} (${r.int(40)} tests) ${r.int(900)}ms`;
    }).join('\n');
  }
  // Images normally travel as separate image blocks; inline data URIs in text are the exception.
  if (roll === 14)
    return `<img src="data:image/png;base64,iVBORw0KGgo${chars(r, B64, 1000 + r.int(6000))}==">`;
  return Array.from(
    { length: 10 + r.int(40) },
    () =>
      `-rw-r--r-- 1 dev dev ${r.int(99999)} Nov ${1 + r.int(28)} 10:${10 + r.int(49)} ${r.pick(WORDS)}.ts`,
  ).join('\n');
}

function* sourceFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* sourceFiles(p);
    else if (/\.(?:[cm]?js|ts|json|md)$/.test(e.name) && statSync(p).size > 0) yield p;
  }
}

/** Every source file under `dirs` that exists, read as text. */
export function readCorpus(dirs: readonly string[]): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const d of dirs) {
    try {
      for (const f of sourceFiles(d)) out.push({ name: f, text: readFileSync(f, 'utf8') });
    } catch {
      // A missing directory just shrinks the corpus; the report prints its size.
    }
  }
  return out;
}

/**
 * Strings shaped like the events of real sessions (assistant prose, code read from disk, tool output), each one a
 * separate `redactText` call as in the export pipeline, with secrets planted in about one event in 40.
 */
export function transcriptCorpus(
  targetBytes: number,
  code: readonly string[],
  seed = 42,
): {
  events: string[];
  bytes: number;
  /** Planted samples per sample type. */
  planted: Record<string, number>;
  /** Each planted secret and the index of the string it went into, for the leak check. */
  secrets: { event: number; secret: string }[];
} {
  const r = createRandom(seed);
  const samples = loadSamples();
  const events: string[] = [];
  const planted: Record<string, number> = {};
  const secrets: { event: number; secret: string }[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    let s: string;
    const kind = r.int(10);
    if (kind < 4) s = prose(r, 2 + r.int(12));
    else if (kind < 7) {
      const file = r.pick(code);
      const from = r.int(Math.max(1, file.length - 2000));
      s = file.slice(from, from + 500 + r.int(12000));
    } else s = toolOutput(r);
    if (r.int(40) === 0) {
      const sample = r.pick(samples);
      planted[sample.type] = (planted[sample.type] ?? 0) + 1;
      for (const secret of sample.secrets) secrets.push({ event: events.length, secret });
      const at = r.int(s.length);
      s = `${s.slice(0, at)}\n${sample.text}\n${s.slice(at)}`;
    }
    // Flat strings, as JSON.parse hands them to the pipeline (slices and concatenations are rope strings).
    s = JSON.parse(JSON.stringify(s)) as string;
    events.push(s);
    bytes += Buffer.byteLength(s);
  }
  return { events, bytes, planted, secrets };
}

/** The coverage matrix: every hand-written secret sample planted in every session place it fits. */
export interface Coverage {
  samples: number;
  types: number;
  cells: number;
  caught: number;
  byType: { type: string; samples: number; cells: number; caught: number }[];
  byPlace: { place: string; cells: number; caught: number }[];
  /** `type: text start @ place` for every cell where something survived. */
  misses: string[];
}

export function coverageMatrix(): Coverage {
  const samples = loadSamples();
  const byType = new Map<string, { type: string; samples: number; cells: number; caught: number }>();
  const byPlace = new Map(PLACES.map((p) => [p.name, { place: p.name, cells: 0, caught: 0 }]));
  const misses: string[] = [];
  let cells = 0;
  let caught = 0;
  for (const s of samples) {
    const t = byType.get(s.type) ?? { type: s.type, samples: 0, cells: 0, caught: 0 };
    byType.set(s.type, t);
    t.samples++;
    for (const place of PLACES) {
      if (!place.fits(s)) continue;
      const { event, mustVanish } = place.plant(s);
      // Flat strings, as a transcript's JSON.parse gives them (see transcriptCorpus).
      const flat = JSON.parse(JSON.stringify(event)) as typeof event;
      const ok = !leaks(createRedactor().redactEvent(flat), mustVanish);
      const p = byPlace.get(place.name)!;
      cells++;
      t.cells++;
      p.cells++;
      if (ok) {
        caught++;
        t.caught++;
        p.caught++;
      } else misses.push(`${s.type}: ${s.text.slice(0, 40).replace(/\n/g, '⏎')} @ ${place.name}`);
    }
  }
  return {
    samples: samples.length,
    types: byType.size,
    cells,
    caught,
    byType: [...byType.values()],
    byPlace: [...byPlace.values()],
    misses,
  };
}
