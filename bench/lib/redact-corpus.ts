// Builds the redaction benchmark's inputs: transcript-like strings with planted secrets, and a clean code corpus.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Deterministic PRNG (mulberry32), so every run scans the same corpus. */
export function createRandom(seed: number): { next(): number; int(n: number): number; pick<T>(xs: readonly T[]): T } {
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

/** One planted secret in its usual surroundings, and the rule expected to catch it. */
const PLANTS: ReadonlyArray<{ rule: string; make: (r: Random) => string }> = [
  { rule: 'aws-access-key', make: (r) => `export AWS_ACCESS_KEY_ID=AKIA${chars(r, UPPER_DIGITS, 16)}` },
  { rule: 'aws-secret-key', make: (r) => `aws_secret_access_key = ${key(r, B64, 40)}` },
  { rule: 'github-token', make: (r) => `git remote set-url origin https://x:ghp_${key(r, ALNUM, 36)}@github.com/acme/api.git` },
  { rule: 'github-token', make: (r) => `GH_TOKEN=github_pat_${key(r, ALNUM, 22)}_${key(r, ALNUM, 59)} gh pr list` },
  { rule: 'gitlab-token', make: (r) => `curl --header "PRIVATE-TOKEN: glpat-${key(r, B64URL, 20)}" https://gitlab.example.com/api/v4/projects` },
  { rule: 'anthropic-key', make: (r) => `{"env": {"ANTHROPIC_API_KEY": "sk-ant-api03-${key(r, B64URL, 93)}AA"}}` },
  { rule: 'openai-key', make: (r) => `OPENAI_API_KEY=sk-proj-${key(r, B64URL, 120)}` },
  { rule: 'stripe-key', make: (r) => `const stripe = new Stripe('sk_live_${key(r, ALNUM, 24)}');` },
  { rule: 'slack-token', make: (r) => `SLACK_BOT_TOKEN=xoxb-${1e11 + r.int(8e11)}-${1e11 + r.int(8e11)}-${key(r, ALNUM, 24)}` },
  { rule: 'slack-webhook', make: (r) => `curl -X POST https://hooks.slack.com/services/T${key(r, UPPER_DIGITS, 8)}/B${key(r, UPPER_DIGITS, 8)}/${key(r, ALNUM, 24)}` },
  {
    rule: 'jwt',
    make: (r) =>
      `curl -H "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ${key(r, B64URL, 60)}.${key(r, B64URL, 43)}" localhost:3000/me`,
  },
  {
    rule: 'private-key',
    make: (r) =>
      `-----BEGIN OPENSSH PRIVATE KEY-----\n${Array.from({ length: 6 }, () => key(r, B64, 70)).join('\n')}\n-----END OPENSSH PRIVATE KEY-----`,
  },
  { rule: 'connection-string', make: (r) => `DATABASE_URL=postgres://app:${key(r, ALNUM, 16)}@db.internal:5432/app` },
  { rule: 'secret-assignment', make: (r) => `  "password": "${key(r, ALNUM, 14)}",` },
  { rule: 'secret-assignment', make: (r) => `JWT_SECRET=${chars(r, 'abcdefghijklmnopqrstuvwxyz', 18)}` },
  { rule: 'private', make: (r) => `<private>my home address is ${r.int(999)} Elm Street</private>` },
  { rule: 'baton-key', make: (r) => `BATON_API_KEY=bt_${key(r, B64URL, 43)}` },
  { rule: 'auth-header', make: (r) => `-H 'Authorization: Basic ${key(r, B64, 28)}='` },
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

/** Tool output that looks like shell and JSON: SHAs, UUIDs, timestamps, a base64 image now and then. */
function toolOutput(r: Random): string {
  switch (r.int(4)) {
    case 0:
      return Array.from({ length: 20 + r.int(60) }, () => `${chars(r, HEX, 40)} ${prose(r, 1)}`).join('\n');
    case 1:
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
    case 2:
      return `data:image/png;base64,iVBORw0KGgo${chars(r, B64, 2000 + r.int(20000))}==`;
    default:
      return Array.from(
        { length: 10 + r.int(40) },
        () => `-rw-r--r-- 1 dev dev ${r.int(99999)} Nov ${1 + r.int(28)} 10:${10 + r.int(49)} ${r.pick(WORDS)}.ts`,
      ).join('\n');
  }
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
): { events: string[]; bytes: number; planted: Record<string, number>; secrets: string[] } {
  const r = createRandom(seed);
  const events: string[] = [];
  const planted: Record<string, number> = {};
  const secrets: string[] = [];
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
      const plant = r.pick(PLANTS);
      const secret = plant.make(r);
      planted[plant.rule] = (planted[plant.rule] ?? 0) + 1;
      secrets.push(secret);
      const at = r.int(s.length);
      s = `${s.slice(0, at)}\n${secret}\n${s.slice(at)}`;
    }
    events.push(s);
    bytes += Buffer.byteLength(s);
  }
  return { events, bytes, planted, secrets };
}
