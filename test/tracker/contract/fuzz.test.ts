// Fuzz: thousands of random and malformed bodies, queries and ids to every route — zero 5xx, the server stays up.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { documentedRoutes } from '../../../tracker/openapi.js';
import { client, forEachEngine, startTracker, type TestTracker } from '../helpers/harness.js';
import { makeSession } from '../helpers/sessions.js';
import { mulberry32 } from '../../../bench/lib/rng.js';

const ROUTES = documentedRoutes();

const rng = mulberry32;

const SEEDS: Record<string, () => unknown> = {
  'post /api/v1/sessions': () => ({
    session: makeSession({ id: 'fz-1', turns: 1 }),
    visibility: 'unlisted',
    tags: ['a'],
  }),
  'post /api/v1/sessions/upload': () => ({ sessions: [makeSession({ id: 'fz-2', turns: 1 })] }),
  'post /api/v1/sessions/{id}/events': () => ({
    events: [{ seq: 0, turnIndex: 0, event: { kind: 'prompt', uuid: 'u1', text: 'hi' } }],
    meta: { cwd: '/x' },
  }),
  'patch /api/v1/sessions/{id}': () => ({ title: 't', tags: ['x'], starred: true, visibility: 'public' }),
  'post /api/v1/export': () => ({ sessionIds: ['fz-1'], format: 'json' }),
  'post /api/v1/keys': () => ({ name: 'k', expiresIn: '1d', rateLimitPerMinute: 5 }),
  'post /api/v1/users': () => ({ name: 'u', role: 'member' }),
  'post /api/v1/handoffs': () => ({ sessionId: 'fz-1', project: 'p', markdown: '---\na: 1\n---\n# x' }),
  'patch /api/v1/posts/{id}': () => ({ title: 'x', visibility: 'unlisted' }),
  'post /api/v1/ingest': () => ({
    type: 'message.created',
    timestamp: '2026-01-01T00:00:00Z',
    data: { conversation_id: 'c', content: 'x', sequence_number: 1 },
  }),
};

const WEIRD: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  '',
  ' ',
  'x'.repeat(5000),
  '\u0000',
  '\ud800',
  '😀'.repeat(50),
  '2026-13-45T99:99:99Z',
  '../../etc/passwd',
  "'; DROP TABLE sessions; --",
  '__proto__',
  [],
  [null],
  {},
  { __proto__: { polluted: true } },
  { constructor: { prototype: { x: 1 } } },
  [[[[[[[[]]]]]]]],
  { kind: 'prompt' },
  'NaN',
  'Infinity',
];

function mutate(value: unknown, r: () => number, depth = 0): unknown {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  if (r() < 0.15 || depth > 6) return pick(WEIRD);
  if (Array.isArray(value)) {
    const out = value.map((v) => (r() < 0.3 ? mutate(v, r, depth + 1) : v));
    if (r() < 0.2) out.push(pick(WEIRD));
    if (r() < 0.1) out.length = 0;
    return out;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const k of Object.keys(out)) {
      if (r() < 0.2) delete out[k];
      else if (r() < 0.35) out[k] = mutate(out[k], r, depth + 1);
    }
    if (r() < 0.15) out[pick(['extra', '__proto__', 'constructor', 'kind', 'type', 'seq'])] = pick(WEIRD);
    return out;
  }
  return r() < 0.5 ? pick(WEIRD) : value;
}

/** Lone surrogates cannot be URI-encoded; send them as raw invalid UTF-8 percent-escapes instead. */
function enc(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return '%ED%A0%80';
  }
}

function randomText(r: () => number): string {
  const kinds = [
    () => '{',
    () => '{"a":',
    () => '[1,2,',
    () => 'null',
    () => '"str"',
    () => '{"session": "not an object"}',
    () => '['.repeat(200) + ']'.repeat(200),
    () => '{"a":'.repeat(100) + '1' + '}'.repeat(100),
    () => Array.from({ length: 50 }, () => String.fromCharCode(Math.floor(r() * 65536))).join(''),
    () =>
      JSON.stringify({ events: Array.from({ length: 3 }, () => ({ seq: -1, turnIndex: 'a', event: null })) }),
    () => '\xff\xfe\x00garbage',
    () => '',
  ];
  return kinds[Math.floor(r() * kinds.length)]!();
}

forEachEngine('fuzz', (engine) => {
  let t: TestTracker;
  beforeAll(async () => {
    t = await startTracker(engine, {
      config: {
        limits: {
          bodyBytes: 64 * 1024,
          sessionBodyBytes: 256 * 1024,
          uploadBodyBytes: 256 * 1024,
          ingestContentChars: 1000,
        },
      },
    });
    const api = client(t.url, t.ownerKey);
    await api.post('/api/v1/sessions', { session: makeSession({ id: 'fz-1' }), createPost: true });
  });
  afterAll(async () => t?.close());

  it('never answers 5xx to thousands of random and malformed requests', async () => {
    const r = rng(engine === 'sqlite' ? 1234 : 5678);
    const api = client(t.url, t.ownerKey);
    const post = (await api.get('/api/v1/posts')).body.posts[0].id as string;
    const ids = ['fz-1', 'nope', post, '%00', 'x'.repeat(300), '..%2F..', '😀', 'fz-2'];
    const failures: string[] = [];
    const timing = new Map<string, number>();
    let sent = 0;
    const N = 2500;
    const one = async () => {
      const route = ROUTES[Math.floor(r() * ROUTES.length)]!;
      const path = route.path.replace(/\{(\w+)\}/g, () => enc(ids[Math.floor(r() * ids.length)]!));
      const seed = SEEDS[`${route.method} ${route.path}`];
      let body: string | undefined;
      if (route.method === 'post' || route.method === 'patch') {
        body = seed && r() < 0.7 ? JSON.stringify(mutate(seed(), r)) : randomText(r);
      }
      const query =
        r() < 0.4
          ? `?${['page', 'limit', 'search', 'status', 'offset', 'format', 'starred', 'project', 'tag']
              .map((k) => `${k}=${enc(String(mutate('x', r)))}`)
              .filter(() => r() < 0.5)
              .join('&')}`
          : '';
      const headers: Record<string, string> = r() < 0.05 ? { authorization: 'Bearer garbage' } : {};
      const t0 = performance.now();
      const res = await api.raw(route.method.toUpperCase(), `${path}${query}`, body, headers);
      const key = `${route.method} ${route.path}`;
      timing.set(key, (timing.get(key) ?? 0) + performance.now() - t0);
      sent++;
      if (res.status >= 500)
        failures.push(
          `${res.status} ${route.method} ${path}${query} ${body?.slice(0, 200)} -> ${res.text.slice(0, 200)}`,
        );
      else if (res.headers.get('content-type')?.includes('json') && res.status >= 400) {
        if (typeof res.body?.error?.code !== 'string')
          failures.push(`bad error body ${res.status} ${route.method} ${path}: ${res.text.slice(0, 200)}`);
        if (/at .*\.(ts|js):\d+/.test(res.text))
          failures.push(`stack trace leaked: ${res.text.slice(0, 200)}`);
      }
    };
    // A few requests in flight at once, like real clients.
    for (let i = 0; i < N; i += 8) await Promise.all(Array.from({ length: Math.min(8, N - i) }, one));
    if (process.env.FUZZ_TIMING) console.log([...timing].sort((a, b) => b[1] - a[1]).slice(0, 6));
    expect(sent).toBe(N);
    expect(failures).toEqual([]);
    expect((await client(t.url).get('/healthz')).status).toBe(200);
    expect((await client(t.url).get('/readyz')).status).toBe(200);
  });
});
