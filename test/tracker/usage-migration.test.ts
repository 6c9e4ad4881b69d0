// issue #14: migration 12 backfills what the usage report reads from sessions stored before it: each session's own
// tool calls (a fork's from its events after the inherited turns), its scope (user, project, day, trash) and its main
// model. SQLite and PostgreSQL.
import { afterEach, expect, test } from 'vitest';
import { openDatabase, type DbHandle } from '../../tracker/db/dialect.js';
import { migrate } from '../../tracker/db/migrate.js';
import { migrations } from '../../tracker/db/migrations/index.js';
import { forEachEngine, freshDatabase, type EngineName } from './helpers/harness.js';

const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 2, 1, 23, 59, 59, 999);

function sessionRow(id: string, pk: number, o: { tools: string; meta?: string; inherited?: string }) {
  return {
    pk,
    id,
    user_id: 'u1',
    project_id: null,
    title: null,
    status: 'completed',
    source: 'cli-push',
    visibility: 'private',
    share_slug: `slug-${id}`,
    starred: 0,
    archived: 0,
    cwd: null,
    git_branch: null,
    parent_session_id: null,
    meta: o.meta ?? '{"models":[]}',
    turn_info: '[]',
    sidechain_info: '[]',
    started_at: START,
    ended_at: START,
    duration_ms: 0,
    activity_at: START + 5 * DAY_MS,
    event_count: 0,
    tokens_input: 0,
    tokens_output: 0,
    tokens_cache_read: 0,
    tokens_cache_write: 0,
    cost_usd: null,
    turns: 2,
    prompts: 0,
    messages: 0,
    tool_calls: 0,
    tool_errors: 0,
    tools: o.tools,
    files_touched: '[]',
    created_at: START,
    updated_at: START,
    inherited_totals: o.inherited ?? null,
  };
}

const call = (pk: number, n: number, turn: number, name: string) => ({
  session_pk: pk,
  uuid: `e-${pk}-${n}`,
  seq: n,
  turn_index: turn,
  agent_id: '',
  kind: 'tool_call',
  payload: JSON.stringify({ kind: 'tool_call', uuid: `e-${pk}-${n}`, toolUseId: `t${n}`, name, input: {} }),
  truncated_from: null,
});

forEachEngine('migration 12 (usage)', (engine: EngineName) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  test('backfills own tool counts with their scope, and the main model, from sessions stored before it', async () => {
    const fresh = await freshDatabase(engine);
    cleanups.push(fresh.drop);
    const h: DbHandle = openDatabase(fresh.target);
    cleanups.push(() => h.close());
    await migrate(h.db, h.engine, migrations.slice(0, 11));
    await h.db.insertInto('users').values({ id: 'u1', name: 'u', role: 'owner', created_at: 1 }).execute();
    await h.db
      .insertInto('sessions')
      .values([
        sessionRow('plain', 1, { tools: '{"Bash":3,"Read":1,"Idle":0}', meta: '{"models":["m-1","m-2"]}' }),
        // A fork of one turn: its tools include the inherited turn's Bash; its own calls are its turn-1 events.
        sessionRow('fork', 2, { tools: '{"Bash":2,"Edit":1}', inherited: '{"turns":1}' }),
        { ...sessionRow('trashed', 3, { tools: '{"Grep":2}' }), deleted_at: START },
      ])
      .execute();
    await h.db
      .insertInto('events')
      .values([call(2, 0, 0, 'Bash'), call(2, 1, 1, 'Bash'), call(2, 2, 1, 'Edit')])
      .execute();

    await migrate(h.db, h.engine);
    const rows = await h.db
      .selectFrom('session_tools')
      .selectAll()
      .orderBy('session_pk')
      .orderBy('tool')
      .execute();
    const day = Math.trunc(START / DAY_MS);
    expect(
      rows.map((r) => [
        Number(r.session_pk),
        r.tool,
        Number(r.own_count),
        r.user_id,
        Number(r.day),
        r.deleted_at === null ? null : Number(r.deleted_at),
      ]),
    ).toEqual([
      [1, 'Bash', 3, 'u1', day, null],
      [1, 'Read', 1, 'u1', day, null],
      [2, 'Bash', 1, 'u1', day, null],
      [2, 'Edit', 1, 'u1', day, null],
      [3, 'Grep', 2, 'u1', day, START],
    ]);
    const models = await h.db.selectFrom('sessions').select(['id', 'main_model']).orderBy('pk').execute();
    expect(models.map((m) => [m.id, m.main_model])).toEqual([
      ['plain', 'm-1'],
      ['fork', null],
      ['trashed', null],
    ]);
  });
});
