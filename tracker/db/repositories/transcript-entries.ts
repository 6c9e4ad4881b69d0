// Transcript entries (issue 12): each line of a session's transcript files kept as sent, deflated at rest.
import { constants, deflateSync, inflateSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { Database, Engine } from '../types.js';

export interface NewTranscriptEntry {
  /** The line's uuid (its idempotency key), or null: then it is appended every time. */
  uuid: string | null;
  /** The line's JSON text, stored and returned byte for byte. */
  text: string;
}

export interface TranscriptEntry {
  seq: number;
  uuid: string | null;
  text: string;
}

export interface TranscriptStats {
  entries: number;
  /** UTF-8 bytes of the lines as sent. */
  rawBytes: number;
  /** Bytes of the deflated bodies as stored. */
  storedBytes: number;
}

export interface TranscriptEntriesRepo {
  /**
   * Appends in order after the file's last seq; a uuid already stored (or repeated in the batch) is a duplicate.
   * Counts the new lines in the session's entry_count. Runs in the caller's transaction (the bound repositories of
   * Store.transaction), so entries riding along with events commit or roll back with them; Store.transcriptEntries
   * wraps it in a transaction of its own.
   */
  append(
    sessionPk: number,
    subKey: string,
    entries: readonly NewTranscriptEntry[],
    now: number,
  ): Promise<{ appended: number; duplicates: number }>;
  /**
   * PostgreSQL, outside any transaction: the same append as one atomic statement (new lines numbered after the
   * file's last seq, the counter bumped), without the session row lock. A writer that loses a race for a seq or a
   * uuid to a concurrent one fails on the unique keys and runs again, so seqs stay gapless. null when the batch is
   * too big for one statement or the engine is SQLite: then use `append` in a transaction.
   */
  appendInOneStatement(
    sessionPk: number,
    subKey: string,
    entries: readonly NewTranscriptEntry[],
    now: number,
  ): Promise<{ appended: number; duplicates: number } | null>;
  /** Lines with seq > afterSeq, in order, at most `limit`. */
  load(
    sessionPk: number,
    subKey: string,
    page: { afterSeq: number; limit: number },
  ): Promise<TranscriptEntry[]>;
  /**
   * The same lines as UTF-8 bytes, never decoded: for a reader that passes them on as they are (the JSONL download),
   * so a page costs one inflate per row and no string round trip.
   */
  loadBytes(
    sessionPk: number,
    subKey: string,
    page: { afterSeq: number; limit: number },
  ): Promise<Array<{ seq: number; bytes: Buffer }>>;
  listSubkeys(sessionPk: number): Promise<string[]>;
  stats(sessionPk: number): Promise<TranscriptStats>;
  /**
   * The same figures over every session (the storage report), and the bytes the table takes on disk with its
   * index (SQLite's pages; PostgreSQL's table, TOAST and indexes).
   */
  statsAll(): Promise<TranscriptStats & { sessions: number; diskBytes: number }>;
  /** Pks of sessions holding entries, ascending, after `afterPk` (batches for rebuild); `id`: only that session id. */
  sessionsWithEntries(afterPk: number, limit: number, id?: string): Promise<number[]>;
}

/**
 * The fastest level: a 1 GB sync deflates every line here. On recorded sessions, line by line, level 1 runs at 1.5x
 * the MB/s of the default level (45 vs 31 MB/s on a busy 2-core box) and stores 0.39x of raw instead of 0.37x.
 */
const DEFLATE = { level: constants.Z_BEST_SPEED };

// Rows per INSERT and uuids per lookup: well under both engines' bound-parameter limits.
const CHUNK = 500;

/** Tries of a one-statement append that keeps losing races to concurrent writers of the same file. */
const RACE_RETRIES = 8;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Line count, raw bytes and stored (deflated) bytes of the rows a caller narrows down. */
function figures(db: Kysely<Database>, engine: Engine) {
  const size = engine === 'sqlite' ? sql`length(body)` : sql`octet_length(body)`;
  return db
    .selectFrom('transcript_entries')
    .select([
      sql<number>`count(*)`.as('entries'),
      sql<number | null>`sum(raw_bytes)`.as('raw'),
      sql<number | null>`sum(${size})`.as('stored'),
    ]);
}

/** The file's last seq (0 when empty) and which of `uuids` it already holds, in one query. */
async function lastSeqAndStored(
  db: Kysely<Database>,
  sessionPk: number,
  subKey: string,
  uuids: readonly string[],
): Promise<{ lastSeq: number; stored: Set<string> }> {
  const ofFile = sql`session_pk = ${sessionPk} AND sub_key = ${subKey}`;
  const max = sql`SELECT 0 AS kind, max(seq) AS seq, NULL AS uuid FROM transcript_entries WHERE ${ofFile}`;
  const query =
    uuids.length === 0
      ? max
      : sql`${max} UNION ALL SELECT 1, NULL, uuid FROM transcript_entries
          WHERE ${ofFile} AND uuid IN (${sql.join(uuids)})`;
  const { rows } = await sql<{ kind: number; seq: number | null; uuid: string | null }>`${query}`.execute(db);
  let lastSeq = 0;
  const stored = new Set<string>();
  for (const r of rows) {
    if (Number(r.kind) === 0) lastSeq = Number(r.seq ?? 0);
    else if (r.uuid !== null) stored.add(r.uuid);
  }
  return { lastSeq, stored };
}

/** One file's rows after `afterSeq`, in seq order (the primary key's), at most `limit`: a keyset page. */
function pageOf(
  db: Kysely<Database>,
  sessionPk: number,
  subKey: string,
  page: { afterSeq: number; limit: number },
) {
  return db
    .selectFrom('transcript_entries')
    .select(['seq', 'body'])
    .where('session_pk', '=', sessionPk)
    .where('sub_key', '=', subKey)
    .where('seq', '>', page.afterSeq)
    .orderBy('seq')
    .limit(page.limit);
}

export function createTranscriptEntriesRepo(db: Kysely<Database>, engine: Engine): TranscriptEntriesRepo {
  return {
    async append(sessionPk, subKey, entries, now) {
      // seq is max + 1 within the file: PostgreSQL writers of one session queue on its row (SQLite has one writer).
      if (engine === 'postgres')
        await db.selectFrom('sessions').select('pk').where('pk', '=', sessionPk).forUpdate().execute();
      const uuids = [...new Set(entries.map((e) => e.uuid).filter((u): u is string => u !== null))];
      // The file's last seq and the first uuids already stored in one query (one round trip per append on
      // PostgreSQL); more uuids than a chunk are looked up a chunk at a time.
      const [first = [], ...more] = chunks(uuids);
      const head = await lastSeqAndStored(db, sessionPk, subKey, first);
      const stored = head.stored;
      for (const part of more)
        for (const uuid of (await lastSeqAndStored(db, sessionPk, subKey, part)).stored) stored.add(uuid);
      const fresh = entries.filter((e) => {
        if (e.uuid === null) return true;
        if (stored.has(e.uuid)) return false;
        stored.add(e.uuid);
        return true;
      });
      let seq = head.lastSeq;
      const rows = fresh.map((e) => {
        const raw = Buffer.from(e.text, 'utf8');
        return {
          session_pk: sessionPk,
          sub_key: subKey,
          seq: ++seq,
          uuid: e.uuid,
          body: deflateSync(raw, DEFLATE),
          raw_bytes: raw.length,
          created_at: now,
        };
      });
      if (rows.length === 0) return { appended: 0, duplicates: entries.length };
      const parts = chunks(rows);
      const last = parts.pop()!;
      for (const part of parts) await db.insertInto('transcript_entries').values(part).execute();
      const bump = { entry_count: sql<number>`entry_count + ${rows.length}` };
      if (engine === 'postgres') {
        // The last INSERT and the counter in one statement: a data-modifying CTE runs whether or not it is read.
        await db
          .with('ins', (qc) => qc.insertInto('transcript_entries').values(last).returning('seq'))
          .updateTable('sessions')
          .set(bump)
          .where('pk', '=', sessionPk)
          .execute();
      } else {
        await db.insertInto('transcript_entries').values(last).execute();
        await db.updateTable('sessions').set(bump).where('pk', '=', sessionPk).execute();
      }
      return { appended: rows.length, duplicates: entries.length - rows.length };
    },
    async appendInOneStatement(sessionPk, subKey, entries, now) {
      if (engine !== 'postgres' || entries.length > CHUNK) return null;
      // A uuid repeated in the batch is a duplicate of its first line.
      const seen = new Set<string>();
      const unique = entries.filter((e) => e.uuid === null || (!seen.has(e.uuid) && !!seen.add(e.uuid)));
      if (unique.length === 0) return { appended: 0, duplicates: entries.length };
      const values = sql.join(
        unique.map((e, i) => {
          const raw = Buffer.from(e.text, 'utf8');
          return sql`(${i}::int, ${e.uuid}::text, ${deflateSync(raw, DEFLATE)}::bytea, ${raw.length}::int)`;
        }),
      );
      const ofFile = sql`session_pk = ${sessionPk} AND sub_key = ${subKey}`;
      const statement = sql<{ appended: number }>`
        WITH v (ord, uuid, body, raw_bytes) AS (VALUES ${values}),
        fresh AS (
          SELECT v.* FROM v WHERE v.uuid IS NULL OR NOT EXISTS (
            SELECT 1 FROM transcript_entries e WHERE e.session_pk = ${sessionPk}
              AND e.sub_key = ${subKey} AND e.uuid = v.uuid)
        ),
        lock AS (SELECT pk FROM sessions WHERE pk = ${sessionPk} FOR UPDATE),
        last AS (
          SELECT coalesce(max(seq), 0) AS seq FROM transcript_entries WHERE ${ofFile} AND EXISTS (SELECT 1 FROM lock)
        ),
        ins AS (
          INSERT INTO transcript_entries (session_pk, sub_key, seq, uuid, body, raw_bytes, created_at)
          SELECT ${sessionPk}::bigint, ${subKey}::text, last.seq + row_number() OVER (ORDER BY fresh.ord), fresh.uuid, fresh.body,
            fresh.raw_bytes, ${now}::bigint
          FROM fresh, last
          RETURNING 1
        ),
        bump AS (
          UPDATE sessions SET entry_count = entry_count + (SELECT count(*) FROM ins) WHERE pk = ${sessionPk}
        )
        SELECT count(*) AS appended FROM ins`;
      for (let attempt = 1; ; attempt++) {
        try {
          const { rows } = await statement.execute(db);
          const appended = Number(rows[0]?.appended ?? 0);
          return { appended, duplicates: entries.length - appended };
        } catch (err) {
          // 23505: a concurrent writer took the same seq or uuid first (it committed: the next try sees it).
          // 40P01: a deadlock (kept as a safeguard: the statement takes the session row first, as the event routes'
          // transactions do, before any line's index entry; without that order a push or event append running
          // beside it could be the deadlock's victim, and answer 500).
          const code = (err as { code?: unknown }).code;
          if (attempt >= RACE_RETRIES || (code !== '23505' && code !== '40P01')) throw err;
        }
      }
    },
    async load(sessionPk, subKey, page) {
      const rows = await pageOf(db, sessionPk, subKey, page).select('uuid').execute();
      return rows.map((r) => ({
        seq: Number(r.seq),
        uuid: r.uuid,
        text: inflateSync(r.body).toString('utf8'),
      }));
    },
    async loadBytes(sessionPk, subKey, page) {
      // inflateSync per row, measured: a pure-JS inflater (fflate) ran 10x slower on recorded lines, and the
      // per-call setup of node's is ~7 us of the ~50 us a 3.5 KB line takes on the loaded 2-core box.
      const rows = await pageOf(db, sessionPk, subKey, page).execute();
      return rows.map((r) => ({ seq: Number(r.seq), bytes: inflateSync(r.body) }));
    },
    async listSubkeys(sessionPk) {
      const rows = await db
        .selectFrom('transcript_entries')
        .select('sub_key')
        .distinct()
        .where('session_pk', '=', sessionPk)
        .orderBy('sub_key')
        .execute();
      return rows.map((r) => r.sub_key);
    },
    async stats(sessionPk) {
      const row = await figures(db, engine).where('session_pk', '=', sessionPk).executeTakeFirstOrThrow();
      return {
        entries: Number(row.entries),
        rawBytes: Number(row.raw ?? 0),
        storedBytes: Number(row.stored ?? 0),
      };
    },
    async statsAll() {
      const row = await figures(db, engine)
        .select(sql<number>`count(distinct session_pk)`.as('sessions'))
        .executeTakeFirstOrThrow();
      const disk =
        engine === 'sqlite'
          ? sql<{ n: number | null }>`SELECT sum(pgsize) AS n FROM dbstat
              WHERE name IN ('transcript_entries', 'transcript_entries_uuid', 'sqlite_autoindex_transcript_entries_1')`
          : sql<{ n: number | null }>`SELECT pg_total_relation_size('transcript_entries') AS n`;
      const diskBytes = Number((await disk.execute(db)).rows[0]?.n ?? 0);
      return {
        sessions: Number(row.sessions),
        diskBytes,
        entries: Number(row.entries),
        rawBytes: Number(row.raw ?? 0),
        storedBytes: Number(row.stored ?? 0),
      };
    },
    async sessionsWithEntries(afterPk, limit, id) {
      let q = db.selectFrom('sessions').select('pk').where('entry_count', '>', 0).where('pk', '>', afterPk);
      if (id !== undefined) q = q.where('id', '=', id);
      const rows = await q.orderBy('pk').limit(limit).execute();
      return rows.map((r) => Number(r.pk));
    },
  };
}
