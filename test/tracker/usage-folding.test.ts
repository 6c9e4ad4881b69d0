// The tracker's background fold (serve starts it): pending usage deltas reach the rollups without anyone opening a
// report, so the append-only log stays short; closing it waits for a fold in flight.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger } from '../../tracker/log.js';
import { startUsageFolding } from '../../tracker/services/usage-folding.js';
import { client, forEachEngine, startTracker, type TestTracker } from './helpers/harness.js';
import { makeSession } from './helpers/sessions.js';

const count = async (t: TestTracker, table: string) =>
  Number(
    (await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(table)}`.execute(t.store.db)).rows[0]!.n,
  );

forEachEngine('usage folding in the background', (engine) => {
  let t: TestTracker;
  beforeAll(async () => {
    t = await startTracker(engine);
  });
  afterAll(async () => t?.close());

  it('empties the delta logs into the rollups on its own', async () => {
    const api = client(t.url, t.ownerKey);
    for (const id of ['fold-a', 'fold-b']) {
      const s = makeSession({ id, project: 'alpha' });
      s.totals.tools = { Bash: 3 };
      expect((await api.post('/api/v1/sessions', { session: s })).status).toBe(200);
    }
    expect(await count(t, 'usage_deltas')).toBeGreaterThan(0);
    expect(await count(t, 'usage_tool_deltas')).toBeGreaterThan(0);
    const folding = startUsageFolding(t.store, silentLogger, 20);
    try {
      for (let i = 0; i < 500 && (await count(t, 'usage_deltas')) > 0; i++)
        await new Promise((r) => setTimeout(r, 20));
    } finally {
      await folding.close();
    }
    expect(await count(t, 'usage_deltas')).toBe(0);
    expect(await count(t, 'usage_tool_deltas')).toBe(0);
    const totals = await sql<{ n: number }>`SELECT SUM(sessions) AS n FROM usage_totals`.execute(t.store.db);
    expect(Number(totals.rows[0]!.n)).toBe(2);
    const tools = await sql<{ n: number }>`SELECT SUM(calls) AS n FROM usage_tools`.execute(t.store.db);
    expect(Number(tools.rows[0]!.n)).toBe(6);
  });
});
