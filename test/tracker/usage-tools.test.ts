// issue #14: session_tools (migration 12), what GET /api/v1/usage sums for top tools, stays exactly each session's own
// tool calls, with the session's user, project, day and trash state, after every write path: push, append, upload,
// derive (rebuild from stored lines), trash, restore and purge. SQLite and PostgreSQL.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { UsageResponse } from '../../src/core/api/index.js';
import type { Session } from '../../src/core/model/session.js';
import { loadSession } from '../../src/core/transcript/index.js';
import { rebuildSessions } from '../../tracker/services/rebuild.js';
import { client, forEachEngine, startTracker, type Client, type TestTracker } from './helpers/harness.js';
import { makeSession } from './helpers/sessions.js';

const FIX = join(import.meta.dirname, '../fixtures/transcripts');
const PARENT = 'd4000000-0000-4000-8000-000000000004';
const FORK = 'd5000000-0000-4000-8000-000000000005';
const RECORDED = join(FIX, 'recorded', 'multi-turn-bash-resume.jsonl');
const DAY_MS = 86_400_000;

const positive = (tools: Record<string, number>) =>
  Object.fromEntries(Object.entries(tools).filter(([, n]) => n > 0));

forEachEngine('usage: per-session tool counts', (engine) => {
  let t: TestTracker;
  let api: Client;

  beforeAll(async () => {
    t = await startTracker(engine);
    api = client(t.url, t.ownerKey);
  });
  afterAll(async () => t?.close());

  /** The table's rows of one session, as tool -> count. */
  const rowsOf = async (id: string) => {
    const s = await t.store.db.selectFrom('sessions').select('pk').where('id', '=', id).executeTakeFirst();
    if (!s) return null;
    const rows = await t.store.db
      .selectFrom('session_tools')
      .selectAll()
      .where('session_pk', '=', Number(s.pk))
      .execute();
    return Object.fromEntries(rows.map((r) => [r.tool, Number(r.own_count)]));
  };

  /** Every session no fork: its rows are its stored totals' tools; every row carries its session's scope. */
  const expectExact = async () => {
    const sessions = await t.store.db.selectFrom('sessions').selectAll().execute();
    const rows = await t.store.db.selectFrom('session_tools').selectAll().execute();
    const byPk = new Map(sessions.map((s) => [Number(s.pk), s]));
    for (const r of rows) {
      const s = byPk.get(Number(r.session_pk));
      expect(s, 'no row outlives its session').toBeDefined();
      const at = Number(s!.started_at ?? s!.activity_at);
      expect({
        user: r.user_id,
        project: r.project_id,
        day: Number(r.day),
        deleted: r.deleted_at === null ? null : Number(r.deleted_at),
      }).toEqual({
        user: s!.user_id,
        project: s!.project_id,
        day: Math.trunc(at / DAY_MS),
        deleted: s!.deleted_at === null ? null : Number(s!.deleted_at),
      });
    }
    for (const s of sessions) {
      if (s.inherited_totals !== null) continue;
      expect(await rowsOf(s.id), s.id).toEqual(positive(JSON.parse(s.tools) as Record<string, number>));
    }
    return sessions.length;
  };

  const topTools = async (qs = '') => {
    const res = await api.get(`/api/v1/usage${qs}`);
    expect(res.status).toBe(200);
    return Object.fromEntries(UsageResponse.parse(res.body).tools.map((x) => [x.name, x.calls]));
  };

  it('push: a session’s rows are its tools; a fork’s are its own calls only (its tools minus its parent’s)', async () => {
    const parent = await loadSession(join(FIX, 'issue-10', 'fork', `${PARENT}.jsonl`));
    const fork = await loadSession(join(FIX, 'issue-10', 'fork', `${FORK}.jsonl`));
    for (const session of [parent, fork, await loadSession(RECORDED)])
      expect((await api.post('/api/v1/sessions', { session })).status).toBe(200);
    expect(await expectExact()).toBe(3);
    const own: Record<string, number> = {};
    for (const [name, n] of Object.entries(fork.totals.tools))
      own[name] = n - (parent.totals.tools[name] ?? 0);
    // The fork's own turn calls no tool: its totals' tools are all inherited, and none of them may count again.
    expect(Object.keys(positive(fork.totals.tools)).length).toBeGreaterThan(0);
    expect(await rowsOf(FORK)).toEqual(positive(own));
    expect(await rowsOf(PARENT)).toEqual(positive(parent.totals.tools));
  });

  it('append: each batch of tool calls moves the rows with the stored totals', async () => {
    const call = (seq: number, name: string) => ({
      seq,
      turnIndex: 0,
      event: { kind: 'tool_call', uuid: `ap-${seq}`, toolUseId: `tu-${seq}`, name, input: {} },
    });
    const append = (events: unknown[]) => api.post('/api/v1/sessions/appended/events', { events });
    expect((await append([call(0, 'Bash'), call(1, 'Read')])).status).toBe(200);
    expect(await rowsOf('appended')).toEqual({ Bash: 1, Read: 1 });
    // A redelivered call counts once; a new one adds.
    expect((await append([call(1, 'Read'), call(2, 'Bash')])).status).toBe(200);
    expect(await rowsOf('appended')).toEqual({ Bash: 2, Read: 1 });
    await expectExact();
  });

  it('upload: every uploaded session gets its rows; pushing new totals replaces them', async () => {
    const a = makeSession({ id: 'up-a', turns: 3 });
    const b = makeSession({ id: 'up-b', turns: 1 });
    const res = await api.post('/api/v1/sessions/upload', { sessions: [a, b] });
    expect(res.status, res.text).toBe(200);
    expect(await rowsOf('up-a')).toEqual(positive(a.totals.tools));
    a.totals.tools = { Grep: 4 };
    expect((await api.post('/api/v1/sessions', { session: a })).status).toBe(200);
    expect(await rowsOf('up-a')).toEqual({ Grep: 4 });
    await expectExact();
  });

  it('derive: a rebuild from the stored lines replaces the rows with the derived totals’ tools', async () => {
    const session: Session = await loadSession(RECORDED);
    const lines = readFileSync(RECORDED, 'utf8').split('\n').filter(Boolean);
    const entries = lines.map((l, i) => {
      const line = JSON.parse(l) as { uuid?: string };
      return { uuid: line.uuid ?? `line-${i}`, line };
    });
    const pushed = { ...session, meta: { ...session.meta, id: 'derived' } };
    const derivedTools = positive(session.totals.tools);
    pushed.totals = { ...session.totals, tools: { Stale: 9 } };
    expect((await api.post('/api/v1/sessions', { session: pushed, entries })).status).toBe(200);
    expect(await rowsOf('derived')).toEqual({ Stale: 9 });
    await rebuildSessions(t.store, { sessionId: 'derived', now: () => Date.now() });
    expect(await rowsOf('derived')).toEqual(derivedTools);
    await expectExact();
  });

  it('trash, restore, purge: the report drops a trashed session’s calls, counts them again, then the rows go', async () => {
    const s = makeSession({ id: 'bin', turns: 2 });
    s.totals.tools = { Trashy: 7 };
    expect((await api.post('/api/v1/sessions', { session: s })).status).toBe(200);
    expect((await topTools()).Trashy).toBe(7);
    expect((await api.del('/api/v1/sessions/bin')).status).toBe(200);
    await expectExact();
    expect((await topTools()).Trashy).toBeUndefined();
    expect((await api.post('/api/v1/sessions/bin/restore')).status).toBe(200);
    await expectExact();
    expect((await topTools()).Trashy).toBe(7);
    expect((await api.del('/api/v1/sessions/bin?purge=true')).status).toBe(200);
    expect(await rowsOf('bin')).toBeNull();
    const left = await t.store.db
      .selectFrom('session_tools')
      .select('tool')
      .where('tool', '=', 'Trashy')
      .execute();
    expect(left).toEqual([]);
    expect(await expectExact()).toBeGreaterThan(0);
  });
});
