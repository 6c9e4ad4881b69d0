// issue #14: the usage rollups (migration 13, logged by triggers, folded) always equal a recomputation from the sessions table,
// after a seeded random run of real writes through the API: pushes (a fork among them), new totals, a project move,
// a new start day, trash, restore and purge. The oracle is the direct query the repository ran before the rollups.
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { UsageResponse } from '../../src/core/api/index.js';
import type { Session } from '../../src/core/model/session.js';
import { loadSession } from '../../src/core/transcript/index.js';
import { migration0013 } from '../../tracker/db/migrations/0013-usage-rollups.js';
import type { UsageFilter, UsageKey, UsageSumRow } from '../../tracker/db/repositories/usage.js';
import { client, forEachEngine, startTracker, type Client, type TestTracker } from './helpers/harness.js';
import { makeSession } from './helpers/sessions.js';
import { mulberry32 } from '../../bench/lib/rng.js';

const FIX = join(import.meta.dirname, '../fixtures/transcripts/issue-10/fork');
const PARENT = 'd4000000-0000-4000-8000-000000000004';
const FORK = 'd5000000-0000-4000-8000-000000000005';
const DAY_MS = 86_400_000;
const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const PROJECTS = ['alpha', 'beta', 'gamma'];
const MODELS = ['claude-opus-4-1', 'claude-sonnet-4-5', 'mystery-model'];
const TOOLS = ['Bash', 'Read', 'Edit', 'Grep'];

const rng = mulberry32;

// The oracle: each session's own part straight from the sessions table (the pre-rollup repository's query).
const own = (c: string) =>
  sql<number>`CASE WHEN ${sql.ref(`s.${c}`)} > ${sql.ref(`s.inherited_${c}`)} THEN ${sql.ref(`s.${c}`)} - ${sql.ref(`s.inherited_${c}`)} ELSE 0 END`;
const OWN_COST = sql<
  number | null
>`CASE WHEN s.cost_usd IS NULL THEN NULL WHEN s.cost_usd > s.inherited_cost_usd THEN s.cost_usd - s.inherited_cost_usd ELSE 0 END`;
const AT = sql<number>`COALESCE(s.started_at, s.activity_at)`;

forEachEngine('usage rollups equal the sessions they sum', (engine) => {
  let t: TestTracker;
  let api: Client;
  let bob: Client;

  beforeAll(async () => {
    t = await startTracker(engine);
    api = client(t.url, t.ownerKey);
    bob = client(t.url, (await api.post('/api/v1/users', { name: 'bob' })).body.rawKey);
  });
  afterAll(async () => t?.close());

  /** The owner: the tracker's first user (bob comes after). */
  const ownerId = async () => (await t.store.users.list())[0]!.id;

  function scoped(f: UsageFilter) {
    let q = t.store.db
      .selectFrom('sessions as s')
      .where('s.user_id', '=', f.userId)
      .where('s.deleted_at', 'is', null);
    if (f.projectId !== undefined) q = q.where('s.project_id', '=', f.projectId);
    if (f.fromMs !== undefined) q = q.where(AT, '>=', f.fromMs);
    if (f.toMs !== undefined) q = q.where(AT, '<', f.toMs);
    return q;
  }

  async function oracleSums(f: UsageFilter, by: UsageKey) {
    const key =
      by === 'day'
        ? sql<number>`(${AT} / ${sql.lit(DAY_MS)})`
        : by === 'project'
          ? sql`s.project_id`
          : sql`s.main_model`;
    const rows = await scoped(f)
      .select([
        key.as('k'),
        sql<number>`COUNT(*)`.as('n'),
        sql<number>`SUM(${own('tokens_input')})`.as('tin'),
        sql<number>`SUM(${own('tokens_output')})`.as('tout'),
        sql<number>`SUM(${own('tokens_cache_read')})`.as('tcr'),
        sql<number>`SUM(${own('tokens_cache_write')})`.as('tcw'),
        sql<number | null>`SUM(${OWN_COST})`.as('cost'),
        sql<number>`SUM(CASE WHEN s.cost_usd IS NULL THEN 1 ELSE 0 END)`.as('unpriced'),
      ])
      .groupBy(key)
      .execute();
    return rows.map((r) => ({
      key: by === 'day' ? Number(r.k) : (r.k as string | null),
      sessions: Number(r.n),
      tokens: {
        input: Number(r.tin),
        output: Number(r.tout),
        cacheRead: Number(r.tcr),
        cacheWrite: Number(r.tcw),
      },
      costUsd: r.cost === null ? null : Number(r.cost),
      unpriced: Number(r.unpriced),
    }));
  }

  /** A session's stored project name and start. */
  const stored = async (id: string) => {
    const row = await t.store.db
      .selectFrom('sessions as s')
      .leftJoin('projects as p', 'p.id', 's.project_id')
      .select(['p.name', 's.started_at'])
      .where('s.id', '=', id)
      .executeTakeFirstOrThrow();
    return { project: row.name, startedAt: Number(row.started_at) };
  };

  const sorted = (rows: UsageSumRow[]) =>
    [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)));

  /** Every report shape the repository serves from a different rollup, against the oracle. */
  async function expectRollupsExact(step: string, fold = true): Promise<number> {
    const userId = await ownerId();
    // Reports fold their user's pending deltas first (the service does); alternate with a fold of everyone's.
    if (fold) await t.store.usage.fold(step.length % 2 === 0 ? userId : undefined);
    const alpha = await t.store.db
      .selectFrom('projects')
      .select('id')
      .where('name', '=', 'alpha')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const range = { fromMs: T0 + 3 * DAY_MS, toMs: T0 + 12 * DAY_MS };
    const filters: UsageFilter[] = [{ userId }, { userId, ...range }];
    if (alpha) filters.push({ userId, projectId: alpha.id }, { userId, projectId: alpha.id, ...range });
    let compared = 0;
    for (const f of filters)
      for (const by of ['day', 'project', 'model'] as const) {
        const got = sorted(await t.store.usage.sums(f, by));
        const want = sorted(await oracleSums(f, by));
        const what = `${step}: ${by} ${JSON.stringify({ ...f, userId: undefined })}`;
        expect(
          got.map(({ costUsd: _, ...r }) => r),
          what,
        ).toEqual(want.map(({ costUsd: _, ...r }) => r));
        for (const [i, w] of want.entries()) {
          // The rollup adds whole nano-dollars per session: at most half a nano-dollar off per session summed.
          if (w.costUsd === null) expect(got[i]!.costUsd, what).toBeNull();
          else expect(Math.abs(got[i]!.costUsd! - w.costUsd), what).toBeLessThanOrEqual(1e-9 * w.sessions);
        }
        compared += want.length;
        if (by !== 'day') continue;
        // Tools: the rollups against session_tools itself (its own exactness is usage-tools.test.ts's promise).
        let tq = t.store.db
          .selectFrom('session_tools as t')
          .where('t.user_id', '=', userId)
          .where('t.deleted_at', 'is', null);
        if (f.projectId !== undefined) tq = tq.where('t.project_id', '=', f.projectId);
        if (f.fromMs !== undefined) tq = tq.where('t.day', '>=', f.fromMs / DAY_MS);
        if (f.toMs !== undefined) tq = tq.where('t.day', '<', f.toMs / DAY_MS);
        const tools = await tq
          .select(['t.tool', sql<number>`SUM(t.own_count)`.as('n')])
          .groupBy('t.tool')
          .execute();
        const wantTools = new Map(
          tools.map((r): [string, number] => [r.tool, Number(r.n)]).filter(([, n]) => n !== 0),
        );
        expect(await t.store.usage.toolCalls(f), `${what} tools`).toEqual(wantTools);
        // Costliest: the index walk against a plain sort of the own cost.
        const top = await scoped(f)
          .select('s.id')
          .where(OWN_COST, '>', 0)
          .orderBy(OWN_COST, 'desc')
          .orderBy('s.pk', 'desc')
          .limit(10)
          .execute();
        expect(
          (await t.store.usage.costliest(f, 10)).map((c) => c.id),
          `${what} costliest`,
        ).toEqual(top.map((r) => r.id));
      }
    // No empty rollup row survives (a group the report would list with nothing in it).
    for (const table of ['usage_daily', 'usage_days', 'usage_totals'] as const) {
      const empty = await t.store.db.selectFrom(table).select('user_id').where('sessions', '<=', 0).execute();
      expect(empty, `${step}: ${table}`).toEqual([]);
    }
    for (const table of ['usage_tools_daily', 'usage_tool_days', 'usage_tools'] as const) {
      const empty = await t.store.db.selectFrom(table).select('user_id').where('calls', '<=', 0).execute();
      expect(empty, `${step}: ${table}`).toEqual([]);
    }
    // And through the API: the report's totals are the oracle's.
    const res = await api.get('/api/v1/usage?groupBy=model');
    expect(res.status, res.text).toBe(200);
    const all = await oracleSums({ userId }, 'model');
    expect(UsageResponse.parse(res.body).totals.sessions).toBe(all.reduce((a, r) => a + r.sessions, 0));
    return compared;
  }

  it('a seeded run of pushes, a fork, new totals, moves, trash, restore and purge keeps every rollup exact', async () => {
    const r = rng(14);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const live = new Map<string, Session>();
    // Every session as last pushed: a restored one comes back with these totals.
    const known = new Map<string, Session>();
    const trashed = new Set<string>();
    const counts: Record<string, number> = {};

    function made(id: string): Session {
      const start = new Date(T0 + Math.floor(r() * 15) * DAY_MS + Math.floor(r() * DAY_MS)).toISOString();
      const s = makeSession({ id, start, turns: 2, project: pick(PROJECTS) });
      reroll(s);
      return s;
    }
    function reroll(s: Session) {
      // One session in five has no known model or no price: '' keys and NULL costs in the rollups.
      s.meta.models = r() < 0.2 ? [] : [pick(MODELS)];
      s.totals.tokens = {
        input: Math.floor(r() * 5000),
        output: Math.floor(r() * 3000),
        cacheRead: Math.floor(r() * 90000),
        cacheWrite: Math.floor(r() * 9000),
      };
      s.totals.costUsd = r() < 0.2 ? null : r() * 3;
      s.totals.tools = Object.fromEntries(
        TOOLS.filter(() => r() < 0.6).map((k) => [k, 1 + Math.floor(r() * 9)]),
      );
    }
    const push = async (s: Session, as = api) => {
      const res = await as.post('/api/v1/sessions', { session: s });
      expect(res.status, res.text).toBe(200);
      known.set(s.meta.id, s);
    };

    // A fork and its parent: the fork's inherited history must count once.
    for (const id of [PARENT, FORK]) await push(await loadSession(join(FIX, `${id}.jsonl`)));
    // Another user's sessions on the same days and project names stay in their own rows.
    for (let i = 0; i < 3; i++) await push(made(`bob-${i}`), bob);
    for (let i = 0; i < 12; i++) {
      const s = made(`r-${i}`);
      await push(s);
      live.set(s.meta.id, s);
    }
    await expectRollupsExact('seeded');

    const ops = ['push', 'totals', 'move', 'start', 'trash', 'restore', 'purge'] as const;
    for (let step = 0; step < 45; step++) {
      const op = pick(ops);
      counts[op] = (counts[op] ?? 0) + 1;
      const ids = [...live.keys()];
      if (op === 'push' || ids.length === 0) {
        const s = made(`r-new-${step}`);
        await push(s);
        live.set(s.meta.id, s);
      } else if (op === 'totals') {
        const s = live.get(pick(ids))!;
        reroll(s);
        await push(s);
      } else if (op === 'move') {
        const id = pick(ids);
        const before = live.get(id)!;
        const project = pick(PROJECTS.filter((p) => p !== before.meta.project));
        const s = makeSession({ id, start: before.meta.startedAt, turns: 2, project });
        s.meta.models = before.meta.models;
        s.totals = { ...s.totals, ...before.totals };
        await push(s);
        // The push really moved it (the project is taken from the pushed meta).
        expect((await stored(id)).project).toBe(project);
        live.set(id, s);
      } else if (op === 'start') {
        const id = pick(ids);
        const before = live.get(id)!;
        // The writer keeps the earliest start it has seen: an earlier one moves the session to another day.
        const was = (await stored(id)).startedAt;
        const start = new Date(was - (1 + Math.floor(r() * 4)) * DAY_MS - 3_600_000).toISOString();
        const s = makeSession({ id, start, turns: 2, cwd: before.meta.cwd, project: before.meta.project });
        s.meta.models = before.meta.models;
        s.totals = { ...s.totals, ...before.totals };
        await push(s);
        expect((await stored(id)).startedAt).toBe(Date.parse(start));
        live.set(id, s);
      } else if (op === 'trash') {
        const id = pick(ids);
        expect((await api.del(`/api/v1/sessions/${id}`)).status).toBe(200);
        live.delete(id);
        trashed.add(id);
      } else if (op === 'restore' && trashed.size > 0) {
        const id = pick([...trashed]);
        expect((await api.post(`/api/v1/sessions/${id}/restore`)).status).toBe(200);
        trashed.delete(id);
        live.set(id, known.get(id)!);
      } else if (op === 'purge') {
        // Purge a trashed session when there is one (the trash's own delete), else a live one outright.
        const id = trashed.size > 0 ? pick([...trashed]) : pick(ids);
        expect((await api.del(`/api/v1/sessions/${id}?purge=true`)).status).toBe(200);
        trashed.delete(id);
        live.delete(id);
      }
      if (step % 5 === 4) await expectRollupsExact(`step ${step} (${op})`);
    }
    // The run did reach every kind of write, and the last check compared real groups.
    expect(Object.keys(counts).sort()).toEqual([...ops].sort());
    expect(await expectRollupsExact('end')).toBeGreaterThan(10);
    // The trash really moved figures: a trashed session's figures are out, a purged one's rows gone.
    expect(trashed.size + (counts.purge ?? 0)).toBeGreaterThan(0);
  });

  it('the migration’s backfill builds the same rollups the triggers kept (a database upgraded with data in it)', async () => {
    const tables = [
      'usage_daily',
      'usage_days',
      'usage_totals',
      'usage_tools_daily',
      'usage_tool_days',
      'usage_tools',
    ];
    const snapshot = async () => {
      const out: Record<string, unknown[]> = {};
      for (const table of tables) {
        const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(
          t.store.db,
        );
        out[table] = rows.rows
          .map((r) =>
            JSON.stringify(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? v : Number(v)])),
          )
          .sort();
      }
      return out;
    };
    // A session in the trash, which the backfill must leave out as the triggers did.
    const bin = makeSession({
      id: 'backfill-bin',
      turns: 2,
      project: 'alpha',
      start: '2026-03-04T10:00:00.000Z',
    });
    bin.totals.tools = { Trashed: 5 };
    expect((await api.post('/api/v1/sessions', { session: bin })).status).toBe(200);
    expect((await api.del('/api/v1/sessions/backfill-bin')).status).toBe(200);
    await t.store.usage.fold();
    const kept = await snapshot();
    expect(kept.usage_daily!.length).toBeGreaterThan(5);
    const backfill = migration0013[engine].filter((q) => /^INSERT INTO usage_/.test(q));
    expect(backfill).toHaveLength(tables.length);
    for (const table of tables) await sql`DELETE FROM ${sql.table(table)}`.execute(t.store.db);
    for (const q of backfill) await sql.raw(q).execute(t.store.db);
    expect(await snapshot()).toEqual(kept);
  });

  it('pushes from 8 clients at once while folds run: none fails and nothing is lost', async () => {
    const userId = await ownerId();
    const clients = Array.from({ length: 8 }, () => client(t.url, t.ownerKey));
    let folding = true;
    let folds = 0;
    const folder = (async () => {
      while (folding) {
        await t.store.usage.fold(folds % 2 ? userId : undefined);
        folds++;
        // SQLite's driver answers without I/O: let the pushes' requests in between folds.
        await new Promise((r) => setImmediate(r));
      }
    })();
    const statuses = await Promise.all(
      clients.map(async (c, i) => {
        const out: number[] = [];
        for (let round = 0; round < 6; round++) {
          // Each client re-pushes its 3 sessions with new figures, a new model and a moved day (old parts out).
          const s = makeSession({
            id: `conc-${i}-${round % 3}`,
            turns: 1 + round,
            project: PROJECTS[i % 3]!,
            start: new Date(T0 + ((i + round) % 4) * DAY_MS).toISOString(),
          });
          s.meta.models = [MODELS[(i + round) % 3]!];
          s.totals.tokens = { input: 100 * round + i, output: 50, cacheRead: 1000 * i, cacheWrite: 7 };
          s.totals.costUsd = round === 2 ? null : 0.25 * (round + 1);
          s.totals.tools = { [TOOLS[round % 4]!]: round + 1 };
          out.push((await c.post('/api/v1/sessions', { session: s })).status);
        }
        return out;
      }),
    );
    folding = false;
    await folder;
    expect(
      statuses.flat().every((s) => s === 200),
      JSON.stringify(statuses),
    ).toBe(true);
    expect(folds).toBeGreaterThan(1);
    // Whatever a fold missed while pushes committed is still in the log: the next fold brings it in exactly.
    expect(await expectRollupsExact('after the concurrent pushes')).toBeGreaterThan(3);
  });
});
