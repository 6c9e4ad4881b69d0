// Persistence for live streams over Kysely: the one place that speaks SQL for live_streams / live_events.
import { sql, type Kysely } from 'kysely';
import type { LiveStatus, SeqRange } from '../../src/core/api/live.js';
import type { Database, LiveStreamsTable } from '../db/types.js';

export type LiveStreamRow = LiveStreamsTable;

/** An event as stored: `body` is the SessionEvent JSON, kept as text so fan-out never re-serializes it. */
export interface StoredLiveEvent {
  seq: number;
  uuid: string;
  turnIndex: number | null;
  body: string;
}

export interface NewLiveEvent extends StoredLiveEvent {
  bytes: number;
}

export interface AppendOutcome {
  inserted: StoredLiveEvent[];
  lastSeq: number;
  eventCount: number;
}

/** Number columns come back as strings from pg for bigint aggregates; normalize once here. */
function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v ?? 0);
}

function normalizeStream(r: LiveStreamRow): LiveStreamRow {
  return {
    ...r,
    created_at: num(r.created_at),
    expires_at: num(r.expires_at),
    ended_at: r.ended_at === null ? null : num(r.ended_at),
    last_seq: num(r.last_seq),
    event_count: num(r.event_count),
    total_bytes: num(r.total_bytes),
  };
}

export interface LiveStore {
  create(row: LiveStreamRow): Promise<void>;
  getById(id: string): Promise<LiveStreamRow | undefined>;
  getByViewerHash(hash: string): Promise<LiveStreamRow | undefined>;
  getByProducerHash(hash: string): Promise<LiveStreamRow | undefined>;
  listBySession(sessionId: string): Promise<LiveStreamRow[]>;
  listByOwner(ownerId: string, limit: number): Promise<LiveStreamRow[]>;
  listOpen(): Promise<LiveStreamRow[]>;
  setStatus(
    id: string,
    status: LiveStatus,
    fields?: { endedAt?: number | null; postUrl?: string | null; title?: string | null },
  ): Promise<void>;
  append(id: string, events: NewLiveEvent[], now: number): Promise<AppendOutcome>;
  readAfter(id: string, afterSeq: number, limit: number): Promise<StoredLiveEvent[]>;
  readRange(id: string, fromSeq: number, toSeq: number): Promise<StoredLiveEvent[]>;
  gaps(id: string, limit: number): Promise<SeqRange[]>;
  hasUuid(id: string, uuid: string): Promise<boolean>;
  countByStatus(): Promise<Record<string, number>>;
  /** Deletes every event of a stream (discard-on-end); the stream row stays so its link answers 410. */
  purgeEvents(id: string): Promise<number>;
}

export function createLiveStore(db: Kysely<Database>): LiveStore {
  const toEvent = (r: {
    seq: unknown;
    uuid: string;
    turn_index: unknown;
    body: string;
  }): StoredLiveEvent => ({
    seq: num(r.seq),
    uuid: r.uuid,
    turnIndex: r.turn_index === null || r.turn_index === undefined ? null : num(r.turn_index),
    body: r.body,
  });
  const one = async (col: 'id' | 'viewer_token_hash' | 'producer_token_hash', v: string) => {
    const r = await db.selectFrom('live_streams').selectAll().where(col, '=', v).executeTakeFirst();
    return r ? normalizeStream(r) : undefined;
  };

  return {
    async create(row) {
      await db.insertInto('live_streams').values(row).execute();
    },
    getById: (id) => one('id', id),
    getByViewerHash: (h) => one('viewer_token_hash', h),
    getByProducerHash: (h) => one('producer_token_hash', h),
    async listBySession(sessionId) {
      const rows = await db
        .selectFrom('live_streams')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(normalizeStream);
    },
    async listByOwner(ownerId, limit) {
      const rows = await db
        .selectFrom('live_streams')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(normalizeStream);
    },
    async listOpen() {
      const rows = await db
        .selectFrom('live_streams')
        .selectAll()
        .where('status', 'in', ['active', 'paused'])
        .execute();
      return rows.map(normalizeStream);
    },
    async setStatus(id, status, fields = {}) {
      const patch: Partial<LiveStreamsTable> = { status };
      if (fields.endedAt !== undefined) patch.ended_at = fields.endedAt;
      if (fields.postUrl !== undefined) patch.post_url = fields.postUrl;
      if (fields.title !== undefined) patch.title = fields.title;
      await db.updateTable('live_streams').set(patch).where('id', '=', id).execute();
    },
    async append(id, events, now) {
      return db.transaction().execute(async (trx) => {
        let inserted: StoredLiveEvent[] = [];
        if (events.length > 0) {
          // ON CONFLICT DO NOTHING covers both the (live_id, seq) key and the (live_id, uuid) constraint: a resent
          // batch, or the same transcript record under another seq, is stored once.
          const rows = await trx
            .insertInto('live_events')
            .values(
              events.map((e) => ({
                live_id: id,
                seq: e.seq,
                uuid: e.uuid,
                turn_index: e.turnIndex,
                body: e.body,
                created_at: now,
              })),
            )
            .onConflict((oc) => oc.doNothing())
            .returning(['seq', 'uuid', 'turn_index', 'body'])
            .execute();
          inserted = rows.map(toEvent).sort((a, b) => a.seq - b.seq);
        }
        if (inserted.length > 0) {
          const maxSeq = inserted[inserted.length - 1]!.seq;
          const bytes = events
            .filter((e) => inserted.some((i) => i.seq === e.seq))
            .reduce((n, e) => n + e.bytes, 0);
          await trx
            .updateTable('live_streams')
            .set({
              last_seq: sql<number>`case when last_seq < ${maxSeq} then ${maxSeq} else last_seq end`,
              event_count: sql<number>`event_count + ${inserted.length}`,
              total_bytes: sql<number>`total_bytes + ${bytes}`,
            })
            .where('id', '=', id)
            .execute();
        }
        const s = await trx
          .selectFrom('live_streams')
          .select(['last_seq', 'event_count'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        return { inserted, lastSeq: num(s.last_seq), eventCount: num(s.event_count) };
      });
    },
    async purgeEvents(id) {
      const r = await db.deleteFrom('live_events').where('live_id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async readAfter(id, afterSeq, limit) {
      const rows = await db
        .selectFrom('live_events')
        .select(['seq', 'uuid', 'turn_index', 'body'])
        .where('live_id', '=', id)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map(toEvent);
    },
    async readRange(id, fromSeq, toSeq) {
      const rows = await db
        .selectFrom('live_events')
        .select(['seq', 'uuid', 'turn_index', 'body'])
        .where('live_id', '=', id)
        .where('seq', '>=', fromSeq)
        .where('seq', '<=', toSeq)
        .orderBy('seq')
        .execute();
      return rows.map(toEvent);
    },
    async gaps(id, limit) {
      // Window function (SQLite ≥ 3.25, PostgreSQL): each stored seq with its predecessor; a jump > 1 is a gap.
      const res = await sql<{ seq: unknown; prev: unknown }>`
        select seq, prev from (
          select seq, lag(seq, 1, 0) over (order by seq) as prev from live_events where live_id = ${id}
        ) t where seq - prev > 1 order by seq limit ${limit}`.execute(db);
      return res.rows.map((r) => ({ from: num(r.prev) + 1, to: num(r.seq) - 1 }));
    },
    async hasUuid(id, uuid) {
      const r = await db
        .selectFrom('live_events')
        .select('seq')
        .where('live_id', '=', id)
        .where('uuid', '=', uuid)
        .executeTakeFirst();
      return r !== undefined;
    },
    async countByStatus() {
      const rows = await db
        .selectFrom('live_streams')
        .select(['status', db.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.status, num(r.n)]));
    },
  };
}
