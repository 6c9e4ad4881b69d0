// Builds the redaction benchmark's inputs: transcript-like strings with planted secrets, and a clean code corpus.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Deterministic PRNG (mulberry32), so every run scans the same corpus. */
export function createRandom(seed: number): {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
} {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)]! };
}

type Random = ReturnType<typeof createRandom>;

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64URL = `${ALNUM}-_`;
const B64 = `${ALNUM}+/`;
const HEX = '0123456789abcdef';

function chars(r: Random, alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[r.int(alphabet.length)];
  return s;
}

/** Random key material that mixes letters and digits, as real keys do. */
function key(r: Random, alphabet: string, n: number): string {
  for (;;) {
    const s = chars(r, alphabet, n);
    if (/[0-9]/.test(s) && /[a-zA-Z]/.test(s)) return s;
  }
}

/** Builds one planted secret in its usual surroundings: the whole line, and the part that must not survive. */
type Plant = { rule: string; make: (r: Random) => { text: string; secret: string } };

const plant = (
  rule: string,
  secret: (r: Random) => string,
  line: (k: string, r: Random) => string,
): Plant => ({
  rule,
  make: (r) => {
    const k = secret(r);
    return { text: line(k, r), secret: k };
  },
});

const PEM_BODY = (r: Random): string => Array.from({ length: 6 }, () => key(r, B64, 70)).join('\n');
const SLACK_BOT = (r: Random): string =>
  `xoxb-${1e11 + r.int(8e11)}-${1e11 + r.int(8e11)}-${key(r, ALNUM, 24)}`;

const PLANTS: readonly Plant[] = [
  plant(
    'aws-access-key',
    (r) => `AKIA${key(r, UPPER_DIGITS, 16)}`,
    (k) => `export AWS_ACCESS_KEY_ID=${k}`,
  ),
  plant(
    'aws-secret-key',
    (r) => key(r, B64, 40),
    (k) => `aws_secret_access_key = ${k}`,
  ),
  plant(
    'github-token',
    (r) => `ghp_${key(r, ALNUM, 36)}`,
    (k) => `git remote set-url origin https://x:${k}@github.com/acme/api.git`,
  ),
  plant(
    'github-token',
    (r) => `github_pat_${key(r, ALNUM, 22)}_${key(r, ALNUM, 59)}`,
    (k) => `GH_TOKEN=${k} gh pr list`,
  ),
  plant(
    'gitlab-token',
    (r) => `glpat-${key(r, B64URL, 20)}`,
    (k) => `curl --header "PRIVATE-TOKEN: ${k}" https://gitlab.example.com/api/v4/projects`,
  ),
  plant(
    'anthropic-key',
    (r) => `sk-ant-api03-${key(r, B64URL, 93)}AA`,
    (k) => `{"env": {"ANTHROPIC_API_KEY": "${k}"}}`,
  ),
  plant(
    'openai-key',
    (r) => `sk-proj-${key(r, B64URL, 120)}`,
    (k) => `OPENAI_API_KEY=${k}`,
  ),
  plant(
    'stripe-key',
    (r) => `sk_live_${key(r, ALNUM, 24)}`,
    (k) => `const stripe = new Stripe('${k}');`,
  ),
  plant('slack-token', SLACK_BOT, (k) => `SLACK_BOT_TOKEN=${k}`),
  plant(
    'slack-webhook',
    (r) => `T${key(r, UPPER_DIGITS, 8)}/B${key(r, UPPER_DIGITS, 8)}/${key(r, ALNUM, 24)}`,
    (k) => `curl -X POST https://hooks.slack.com/services/${k}`,
  ),
  plant(
    'jwt',
    (r) => `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ${key(r, B64URL, 60)}.${key(r, B64URL, 43)}`,
    (k) => `curl -H "Authorization: Bearer ${k}" localhost:3000/me`,
  ),
  plant(
    'private-key',
    PEM_BODY,
    (k) => `-----BEGIN OPENSSH PRIVATE KEY-----\n${k}\n-----END OPENSSH PRIVATE KEY-----`,
  ),
  plant(
    'connection-string',
    (r) => key(r, ALNUM, 16),
    (k) => `DATABASE_URL=postgres://app:${k}@db.internal:5432/app`,
  ),
  plant(
    'secret-assignment',
    (r) => key(r, ALNUM, 14),
    (k) => `  "password": "${k}",`,
  ),
  plant(
    'secret-assignment',
    (r) => chars(r, 'abcdefghijklmnopqrstuvwxyz', 18),
    (k) => `JWT_SECRET=${k}`,
  ),
  plant(
    'private',
    (r) => `my home address is ${r.int(999)} Elm Street`,
    (k) => `<private>${k}</private>`,
  ),
  plant(
    'google-api-key',
    (r) => `AIza${key(r, B64URL, 35)}`,
    (k) => `const firebaseConfig = { apiKey: "${k}" };`,
  ),
  plant(
    'npm-token',
    (r) => `npm_${key(r, ALNUM, 36)}`,
    (k) => `//registry.npmjs.org/:_authToken=${k}`,
  ),
  plant(
    'baton-key',
    (r) => `bt_${key(r, B64URL, 43)}`,
    (k) => `BATON_API_KEY=${k}`,
  ),
  plant(
    'auth-header',
    (r) => `${key(r, B64, 28)}=`,
    (k) => `-H 'Authorization: Basic ${k}'`,
  ),
];

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
  planted: Record<string, number>;
  /** Each planted secret and the index of the string it went into, for the leak check. */
  secrets: { event: number; secret: string }[];
} {
  const r = createRandom(seed);
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
      const p = r.pick(PLANTS);
      const { text, secret } = p.make(r);
      planted[p.rule] = (planted[p.rule] ?? 0) + 1;
      secrets.push({ event: events.length, secret });
      const at = r.int(s.length);
      s = `${s.slice(0, at)}\n${text}\n${s.slice(at)}`;
    }
    // Flat strings, as JSON.parse hands them to the pipeline (slices and concatenations are rope strings).
    s = JSON.parse(JSON.stringify(s)) as string;
    events.push(s);
    bytes += Buffer.byteLength(s);
  }
  return { events, bytes, planted, secrets };
}
