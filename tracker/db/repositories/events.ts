// Session events: keyed (session, uuid), written in batched multi-row inserts that skip uuids already stored.
import { CompiledQuery, sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database, Engine, EventsTable } from '../types.js';
import { addSearchText } from './session-search.js';

export type EventRow = Selectable<EventsTable>;
export type NewEventRow = Omit<Insertable<EventsTable>, 'id' | 'session_pk'>;

// 500 rows x 8 columns stays far below both engines' bind-parameter limits.
const CHUNK = 500;

export interface EventsRepo {
  /** Inserts the rows not already stored (by uuid) and returns the uuids that were new. */
  insertMany(sessionPk: number, rows: NewEventRow[]): Promise<Set<string>>;
  /** Makes texts findable by session search (call with the prompts/replies of the rows just inserted). */
  index(sessionPk: number, texts: string[]): Promise<void>;
  /** Events in transcript order: main chain by seq, then each sidechain by agent id and seq. */
  page(sessionPk: number, offset: number, limit: number): Promise<EventRow[]>;
  /** All events in transcript order, fetched `pageSize` at a time (for exports of huge sessions). */
  iterate(sessionPk: number, pageSize?: number): AsyncGenerator<EventRow>;
  /** One chain's events by seq ('' for the main chain, else a sidechain's agent id), `pageSize` at a time. */
  iterateChain(sessionPk: number, agentId: string, pageSize?: number): AsyncGenerator<EventRow>;
  /** The session's sidechain agent ids (sorted). */
  agentIds(sessionPk: number): Promise<string[]>;
  /** Deletes the session's events and search documents (a derivation replaces them). */
  clear(sessionPk: number): Promise<void>;
}

const insertSqlCache = new Map<number, string>();
function sqliteInsertSql(n: number): string {
  let text = insertSqlCache.get(n);
  if (!text) {
    text = `INSERT INTO events (session_pk, uuid, seq, turn_index, agent_id, kind, payload, truncated_from) VALUES ${Array(
      n,
    )
      .fill('(?, ?, ?, ?, ?, ?, ?, ?)')
      .join(', ')} ON CONFLICT (session_pk, uuid) DO NOTHING RETURNING uuid`;
    insertSqlCache.set(n, text);
  }
  return text;
}

export function createEventsRepo(db: Kysely<Database>, engine: Engine): EventsRepo {
  const ordered = (sessionPk: number) =>
    db
      .selectFrom('events')
      .selectAll()
      .where('session_pk', '=', sessionPk)
      .orderBy('agent_id')
      .orderBy('seq')
      .orderBy('id');

  return {
    async insertMany(sessionPk, rows) {
      const inserted = new Set<string>();
      if (engine === 'postgres') {
        // One statement with 8 array parameters instead of thousands of scalars: PostgreSQL parses and plans it in
        // microseconds whatever the batch size.
        for (let i = 0; i < rows.length; i += CHUNK * 4) {
          const chunk = rows.slice(i, i + CHUNK * 4);
          const col = <K extends keyof NewEventRow>(k: K) => chunk.map((r) => r[k] ?? null);
          const res = await sql<{ uuid: string }>`
            INSERT INTO events (session_pk, uuid, seq, turn_index, agent_id, kind, payload, truncated_from)
            SELECT ${sessionPk}, * FROM unnest(
              ${col('uuid')}::text[], ${col('seq')}::int[], ${col('turn_index')}::int[], ${col('agent_id')}::text[],
              ${col('kind')}::text[], ${col('payload')}::text[], ${col('truncated_from')}::int[])
            ON CONFLICT (session_pk, uuid) DO NOTHING
            RETURNING uuid`.execute(db);
          for (const g of res.rows) inserted.add(g.uuid);
        }
        return inserted;
      }
      // SQLite: precompiled SQL per row count (no query-builder work per row), so the dialect's statement cache
      // hands back an already prepared statement for every batch of the same size.
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        const params: unknown[] = [];
        for (const r of chunk) {
          params.push(
            sessionPk,
            r.uuid,
            r.seq,
            r.turn_index,
            r.agent_id,
            r.kind,
            r.payload,
            r.truncated_from ?? null,
          );
        }
        const res = await db.executeQuery<{ uuid: string }>(
          CompiledQuery.raw(sqliteInsertSql(chunk.length), params),
        );
        for (const g of res.rows) inserted.add(g.uuid);
      }
      return inserted;
    },
    index: (sessionPk, texts) => addSearchText(db, engine, sessionPk, texts),
    page: (sessionPk, offset, limit) => ordered(sessionPk).limit(limit).offset(offset).execute(),
    async *iterate(sessionPk, pageSize = 1000) {
      // Keyset pagination on (agent_id, seq, id) keeps every page an index range scan.
      let after: { agent: string; seq: number; id: number } | null = null;
      for (;;) {
        let q = ordered(sessionPk);
        if (after) {
          const a = after;
          q = q.where((eb) =>
            eb.or([
              eb('agent_id', '>', a.agent),
              eb.and([eb('agent_id', '=', a.agent), eb('seq', '>', a.seq)]),
              eb.and([eb('agent_id', '=', a.agent), eb('seq', '=', a.seq), eb('id', '>', a.id)]),
            ]),
          );
        }
        const rows = await q.limit(pageSize).execute();
        for (const r of rows) yield r;
        if (rows.length < pageSize) return;
        const last = rows[rows.length - 1]!;
        after = { agent: last.agent_id, seq: last.seq, id: Number(last.id) };
      }
    },
    async *iterateChain(sessionPk, agentId, pageSize = 1000) {
      let after: { seq: number; id: number } | null = null;
      for (;;) {
        let q = ordered(sessionPk).where('agent_id', '=', agentId);
        if (after) {
          const a = after;
          q = q.where((eb) =>
            eb.or([eb('seq', '>', a.seq), eb.and([eb('seq', '=', a.seq), eb('id', '>', a.id)])]),
          );
        }
        const rows = await q.limit(pageSize).execute();
        for (const r of rows) yield r;
        if (rows.length < pageSize) return;
        const last = rows[rows.length - 1]!;
        after = { seq: last.seq, id: Number(last.id) };
      }
    },
    async agentIds(sessionPk) {
      const rows = await db
        .selectFrom('events')
        .select('agent_id')
        .distinct()
        .where('session_pk', '=', sessionPk)
        .where('agent_id', '<>', '')
        .orderBy('agent_id')
        .execute();
      return rows.map((r) => r.agent_id);
    },
    async clear(sessionPk) {
      await db.deleteFrom('events').where('session_pk', '=', sessionPk).execute();
      // SQLite's search_docs_delete trigger removes each document's full-text row with it.
      await db.deleteFrom('search_docs').where('session_pk', '=', sessionPk).execute();
    },
  };
}
