// A session's own tool calls per tool (migration 12), kept exact by every write of its totals or events, so the
// usage report sums rows instead of expanding each session's tools JSON (and a fork's events) at query time.
import { sql, type Kysely } from 'kysely';
import type { Database, Engine, SessionsTable } from '../types.js';

/**
 * The session as just written: `tools` (JSON, tool name -> calls, a fork's inherited history included) and, for a
 * fork, `inherited_totals` (JSON, its inherited turns) decide the counts; the rest is the scope copied onto each row
 * (a trigger of migration 12 keeps it in step with later updates of the session).
 */
export type ToolSource = Pick<
  SessionsTable,
  'user_id' | 'project_id' | 'started_at' | 'activity_at' | 'tools'
> & { pk: number; inherited_totals: string | null; deleted_at: number | null };

const DAY_MS = 86_400_000;

export interface SessionToolsRepo {
  /** Replaces the session's rows with its own counts now (in the caller's transaction, after its write). */
  sync(s: ToolSource): Promise<void>;
  /** The session's rows as a map (tests and checks). */
  of(sessionPk: number): Promise<Map<string, number>>;
}

function parseObject(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function createSessionToolsRepo(db: Kysely<Database>, engine: Engine): SessionToolsRepo {
  /**
   * A fork's totals include the history it copied, which they do not split by tool: its own calls are its stored
   * tool_call events from the first turn after the inherited ones (a subagent's events belong to the turn that
   * spawned it). No turn count: none of its calls are known to be its own.
   */
  async function fromEvents(s: ToolSource, fromTurn: unknown): Promise<Map<string, number>> {
    if (typeof fromTurn !== 'number') return new Map();
    const name =
      engine === 'postgres' ? sql`((e.payload)::jsonb ->> 'name')` : sql`json_extract(e.payload, '$.name')`;
    const counts = await sql<{
      tool: string;
      n: number;
    }>`SELECT ${name} AS tool, COUNT(*) AS n FROM events AS e
      WHERE e.session_pk = ${s.pk} AND e.kind = 'tool_call' AND e.turn_index >= ${fromTurn} AND ${name} IS NOT NULL
      GROUP BY ${name}`.execute(db);
    return new Map(counts.rows.map((r) => [r.tool, Number(r.n)]));
  }

  /** The session's own calls per tool now. */
  async function wanted(s: ToolSource): Promise<Map<string, number>> {
    const inherited = parseObject(s.inherited_totals);
    if (s.inherited_totals !== null) return fromEvents(s, inherited?.turns);
    return new Map(
      Object.entries(parseObject(s.tools) ?? {})
        .filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0)
        .map(([tool, n]): [string, number] => [tool, Math.round(n)]),
    );
  }

  async function of(sessionPk: number): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('session_tools')
      .select(['tool', 'own_count'])
      .where('session_pk', '=', sessionPk)
      .execute();
    return new Map(rows.map((r) => [r.tool, Number(r.own_count)]));
  }

  return {
    async sync(s) {
      // Only what changed is written: each row write fires migration 13's rollup triggers, and most pushes move a
      // few tools' counts (rewriting every row would subtract and re-add all of them).
      const want = await wanted(s);
      const have = await of(s.pk);
      const gone = [...have.keys()].filter((tool) => !want.has(tool));
      if (gone.length > 0)
        await db
          .deleteFrom('session_tools')
          .where('session_pk', '=', s.pk)
          .where('tool', 'in', gone)
          .execute();
      for (const [tool, n] of want) {
        const was = have.get(tool);
        if (was === undefined || was === n) continue;
        await db
          .updateTable('session_tools')
          .set({ own_count: n })
          .where('session_pk', '=', s.pk)
          .where('tool', '=', tool)
          .execute();
      }
      const at = s.started_at ?? s.activity_at;
      const rows = [...want]
        .filter(([tool]) => !have.has(tool))
        .map(([tool, n]) => ({
          session_pk: s.pk,
          tool,
          own_count: n,
          user_id: s.user_id,
          project_id: s.project_id,
          // The report's day key, integer division as SQL does it (toward zero).
          day: Math.trunc(Number(at) / DAY_MS),
          deleted_at: s.deleted_at,
        }));
      if (rows.length > 0) await db.insertInto('session_tools').values(rows).execute();
    },
    of,
  };
}
