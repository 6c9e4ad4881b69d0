// issue #14: GET /api/v1/usage equals sums the test computes from the stored sessions' own totals, on both engines:
// a fork counted once, UTC day edges, the project filter, another user's and trashed sessions left out, clear 400s.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  ListSessionsResponse,
  UsageResponse,
  type SessionSummary,
  type UsageFigures,
} from '../../src/core/api/index.js';
import type { Session } from '../../src/core/model/session.js';
import { loadSession } from '../../src/core/transcript/index.js';
import { client, forEachEngine, startTracker, type Client, type TestTracker } from './helpers/harness.js';
import { makeSession } from './helpers/sessions.js';

const FIX = join(import.meta.dirname, '../fixtures/transcripts');
const PARENT = 'd4000000-0000-4000-8000-000000000004';
const FORK = 'd5000000-0000-4000-8000-000000000005';

/** A made session with its own start, model and cost (the tracker stores what the client counted). */
function made(
  id: string,
  start: string,
  opts: { model?: string; cost?: number | null; project?: string } = {},
) {
  const s = makeSession({ id, start, turns: 3, project: opts.project ?? 'edges' });
  s.meta.models = [opts.model ?? 'claude-test'];
  if (opts.cost !== undefined) s.totals.costUsd = opts.cost;
  return s;
}

const own = (s: SessionSummary) => {
  const t = s.totals;
  const i = t.inherited;
  const part = (k: keyof UsageFigures['tokens']) => Math.max(0, t.tokens[k] - (i?.tokens[k] ?? 0));
  return {
    tokens: {
      input: part('input'),
      output: part('output'),
      cacheRead: part('cacheRead'),
      cacheWrite: part('cacheWrite'),
    },
    costUsd: t.costUsd === null ? null : Math.max(0, t.costUsd - (i?.costUsd ?? 0)),
  };
};

/** What the report must say for these sessions, summed here from each session's stored totals. */
function expectedGroups(sessions: SessionSummary[], keyOf: (s: SessionSummary) => string) {
  const out = new Map<string, UsageFigures>();
  for (const s of sessions) {
    const k = keyOf(s);
    const g = out.get(k) ?? {
      sessions: 0,
      tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
      costUsd: null,
      unpricedSessions: 0,
    };
    const o = own(s);
    g.sessions++;
    for (const f of ['input', 'output', 'cacheRead', 'cacheWrite'] as const) g.tokens[f] += o.tokens[f];
    if (o.costUsd === null) g.unpricedSessions++;
    else g.costUsd = (g.costUsd ?? 0) + o.costUsd;
    out.set(k, g);
  }
  return out;
}

function expectSame(actual: UsageFigures, want: UsageFigures | undefined) {
  expect(want).toBeDefined();
  expect(actual.sessions).toBe(want!.sessions);
  expect(actual.tokens).toEqual(want!.tokens);
  expect(actual.unpricedSessions).toBe(want!.unpricedSessions);
  if (want!.costUsd === null) expect(actual.costUsd).toBeNull();
  else expect(actual.costUsd).toBeCloseTo(want!.costUsd, 9);
}

forEachEngine('GET /api/v1/usage', (engine) => {
  let t: TestTracker;
  let api: Client;
  let bob: Client;
  let stored: SessionSummary[];
  let parent: Session;
  let fork: Session;
  const day = (s: SessionSummary) => s.startedAt!.slice(0, 10);
  const usage = async (qs: string) => {
    const res = await api.get(`/api/v1/usage${qs}`);
    expect(res.status, res.text).toBe(200);
    return UsageResponse.parse(res.body);
  };

  beforeAll(async () => {
    t = await startTracker(engine);
    api = client(t.url, t.ownerKey);
    bob = client(t.url, (await api.post('/api/v1/users', { name: 'bob' })).body.rawKey);
    parent = await loadSession(join(FIX, 'issue-10', 'fork', `${PARENT}.jsonl`));
    fork = await loadSession(join(FIX, 'issue-10', 'fork', `${FORK}.jsonl`));
    const recorded = await Promise.all(
      ['multi-turn-bash-resume.jsonl', 'tool-error.jsonl'].map((f) => loadSession(join(FIX, 'recorded', f))),
    );
    const edges = [
      // One millisecond before midnight UTC, and midnight itself: two different days.
      made('edge-late', '2026-03-01T23:59:59.999Z', { model: 'claude-opus-4-1', cost: 0.5 }),
      made('edge-midnight', '2026-03-02T00:00:00.000Z', { model: 'claude-sonnet-4-5', cost: 1.25 }),
      made('unpriced', '2026-03-02T12:00:00.000Z', { model: 'mystery-model', cost: null }),
      made('trashed', '2026-03-02T13:00:00.000Z', { cost: 100 }),
    ];
    for (const session of [parent, fork, ...recorded, ...edges])
      expect((await api.post('/api/v1/sessions', { session })).status).toBe(200);
    const bobs = made('bob-1', '2026-03-02T09:00:00.000Z', { cost: 50, project: 'edges' });
    expect((await bob.post('/api/v1/sessions', { session: bobs })).status).toBe(200);
    // The trash (migration 10): a trashed session counts nowhere.
    await t.store.db
      .updateTable('sessions')
      .set({ deleted_at: Date.now() })
      .where('id', '=', 'trashed')
      .execute();
    const list = ListSessionsResponse.parse((await api.get('/api/v1/sessions?limit=100')).body);
    stored = list.sessions.filter((s) => s.id !== 'trashed');
    expect(stored).toHaveLength(7);
  });
  afterAll(async () => t?.close());

  it('groups by day, project and model equal the sums of the stored sessions’ own totals', async () => {
    const keys = {
      day,
      project: (s: SessionSummary) => s.project?.id ?? 'none',
      model: (s: SessionSummary) => s.models[0] ?? 'unknown',
    };
    for (const by of ['day', 'project', 'model'] as const) {
      const r = await usage(`?groupBy=${by}`);
      const want = expectedGroups(stored, keys[by]);
      expect(r.groups.map((g) => g.key).sort()).toEqual([...want.keys()].sort());
      for (const g of r.groups) expectSame(g, want.get(g.key));
      expectSame(r.totals, expectedGroups(stored, () => 'all').get('all'));
    }
    const days = (await usage('')).groups.map((g) => g.key);
    expect(days).toEqual([...days].sort());
  });

  it('counts a fork’s copied history once: parent + fork = the fork’s whole transcript', async () => {
    const r = await usage('?project=app&groupBy=project');
    expect(r.project?.name).toBe('app');
    expect(r.totals.sessions).toBe(2);
    // The fork's file holds the parent's history and its own turn, so its totals are everything served.
    expect(r.totals.tokens).toEqual(fork.totals.tokens);
    expect(r.totals.costUsd).toBeCloseTo(fork.totals.costUsd!, 9);
    // Tools likewise: the fork's counts include the parent's calls, which must not be counted again.
    const want = Object.entries(fork.totals.tools).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
    expect(r.tools.map((x) => [x.name, x.calls])).toEqual(want.slice(0, 10));
    expect(Object.keys(parent.totals.tools).length).toBeGreaterThan(0);
  });

  it('cuts days at midnight UTC, both ends inclusive', async () => {
    const first = await usage('?from=2026-03-01&to=2026-03-01');
    expect(first.groups.map((g) => [g.key, g.sessions])).toEqual([['2026-03-01', 1]]);
    expect(first.costliest.map((c) => c.id)).toEqual(['edge-late']);
    const second = await usage('?from=2026-03-02&to=2026-03-02&groupBy=model');
    expect(second.groups.map((g) => g.key).sort()).toEqual(['claude-sonnet-4-5', 'mystery-model']);
    expect(second.totals.unpricedSessions).toBe(1);
    expect(second.totals.costUsd).toBeCloseTo(1.25, 9);
    const both = await usage('?from=2026-03-01&to=2026-03-02');
    expect(both.totals.sessions).toBe(3);
  });

  it('leaves out other users’ and trashed sessions, and lists the costliest of the caller’s own', async () => {
    const r = await usage('?project=edges');
    expect(r.totals.sessions).toBe(3);
    expect(r.costliest.map((c) => c.id)).toEqual(['edge-midnight', 'edge-late']);
    expect(r.costliest[0]).toMatchObject({ project: 'edges', costUsd: 1.25, title: null });
    const theirs = UsageResponse.parse((await bob.get('/api/v1/usage')).body);
    expect(theirs.totals.sessions).toBe(1);
    expect(theirs.totals.costUsd).toBeCloseTo(50, 9);
    expect(theirs.costliest.map((c) => c.id)).toEqual(['bob-1']);
  });

  it('refuses bad parameters with 400 and a message naming the problem; an unknown project is a 404', async () => {
    const cases: Array<[string, RegExp]> = [
      ['?groupBy=week', /"path":\["groupBy"\].*day/],
      ['?from=2026-02-30', /not a calendar day/],
      ['?from=03/01/2026', /YYYY-MM-DD/],
      ['?from=2026-03-02&to=2026-03-01', /from is after to/],
      ['?from=2000-01-01&to=2026-01-01', /more than 3660 days/],
    ];
    for (const [qs, message] of cases) {
      const res = await api.get(`/api/v1/usage${qs}`);
      expect(res.status, qs).toBe(400);
      // The message says where (`invalid query`); details name the parameter and the rule it broke.
      expect(res.body.error.message, qs).toBe('invalid query');
      expect(JSON.stringify(res.body.error.details), qs).toMatch(message);
    }
    const missing = await api.get('/api/v1/usage?project=nope');
    expect(missing.status).toBe(404);
    expect((await client(t.url).get('/api/v1/usage')).status).toBe(401);
  });
});
