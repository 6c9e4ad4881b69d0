// Full-text matching of sessions by their prompts and responses: FTS5 on SQLite, tsvector on PostgreSQL.
import { sql, type Compilable, type Kysely, type RawBuilder } from 'kysely';
import type { Database, Engine } from '../types.js';

const MAX_TERMS = 16;

/**
 * Splits user input into plain word tokens. Operators, quotes and punctuation are dropped, so search input can
 * never be FTS syntax: it is always data. Both engines get the same tokens.
 */
export function searchTerms(input: string): string[] {
  const tokens = input.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(tokens.map((t) => t.slice(0, 64)))].slice(0, MAX_TERMS);
}

/** `"a" "b"`: every term quoted (an FTS5 string), implicitly ANDed. */
export function fts5Query(terms: string[]): string {
  return terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(' ');
}

/**
 * At most this many matching search documents are ranked per search: the newest ones (highest id) of the
 * caller's filtered sessions. Ranking every match made a common word cost 60–170 ms at 40,000 documents; with
 * fewer matches than this the ranking (and the total) is exact.
 */
export const SEARCH_CANDIDATE_DOCS = 1_000;

/**
 * A derived table `(session_pk, score)` of sessions with a search document (one write's prompts and replies)
 * matching every term; higher score is better. `sessionPks` is a subquery of the sessions allowed (the caller's,
 * after filters). Only the SEARCH_CANDIDATE_DOCS newest matching documents are considered: both engines walk the
 * matches in descending id order (FTS5 rowid order; the search_docs primary key or a bitmap of the GIN index on
 * PostgreSQL) and stop there, so bm25 / ts_rank run on a bounded set. Scores do not depend on the cap (bm25 uses
 * index-wide statistics, ts_rank only the document), so ranking among the candidates is the same as before.
 */
export function matchingSessions(
  engine: Engine,
  terms: string[],
  sessionPks: Compilable,
  opts: { bitmap?: boolean } = {},
): RawBuilder<{ session_pk: number; score: number }> {
  if (engine === 'sqlite') {
    // CROSS JOIN keeps FTS5 as the outer loop, so its rowid-descending walk stops after the LIMIT.
    return sql`(SELECT c.session_pk AS session_pk, max(c.score) AS score FROM (
        SELECT d.session_pk AS session_pk, -search_fts.rank AS score
        FROM search_fts CROSS JOIN search_docs d ON d.id = search_fts.rowid
        WHERE search_fts MATCH ${fts5Query(terms)} AND d.session_pk IN (${sessionPks})
        ORDER BY search_fts.rowid DESC LIMIT ${SEARCH_CANDIDATE_DOCS}) c
      GROUP BY c.session_pk)`;
  }
  return sql`(SELECT c.session_pk AS session_pk, max(ts_rank(c.tsv, q.query)) AS score
    FROM (SELECT d.session_pk, d.tsv FROM search_docs d
        WHERE d.tsv @@ plainto_tsquery('simple', ${terms.join(' ')}) AND d.session_pk IN (${sessionPks})
        ORDER BY ${opts.bitmap ? sql`d.id + 0` : sql`d.id`} DESC LIMIT ${SEARCH_CANDIDATE_DOCS}) c,
      plainto_tsquery('simple', ${terms.join(' ')}) AS q(query)
    GROUP BY c.session_pk)`;
}

/**
 * Above this many estimated matching documents, walking the primary key backwards (newest first, testing each
 * document) reaches SEARCH_CANDIDATE_DOCS matches quickly; below it, that walk detoasts thousands of non-matching
 * documents, and the GIN bitmap plus a top-N sort is 2-3x faster (measured: 3,600 matches of 40,000 documents,
 * 45 ms backward vs 15 ms bitmap; 30,000+ matches, 9 ms backward vs 28 ms bitmap).
 */
export const BITMAP_MAX_MATCHES = 8 * SEARCH_CANDIDATE_DOCS;

/** PostgreSQL only: whether the planner's own estimate of matching documents favours the GIN bitmap plan. */
export async function preferBitmapScan(db: Kysely<Database>, terms: string[]): Promise<boolean> {
  const r = await sql<{ 'QUERY PLAN': unknown }>`EXPLAIN (FORMAT JSON) SELECT 1 FROM search_docs d
    WHERE d.tsv @@ plainto_tsquery('simple', ${terms.join(' ')})`.execute(db);
  const plan = r.rows[0]?.['QUERY PLAN'];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as Array<{
    Plan?: { 'Plan Rows'?: number };
  }>;
  const rows = parsed?.[0]?.Plan?.['Plan Rows'];
  return typeof rows === 'number' && rows < BITMAP_MAX_MATCHES;
}

/** Search documents hold about this many characters (whole events; one longer event is cut into pieces). */
export const SEARCH_DOC_CHARS = 2_000;

/**
 * Groups texts (in order) into documents of about SEARCH_DOC_CHARS. Small documents keep PostgreSQL's ranking
 * cheap (ts_rank reads every matched document) while a term still matches within a turn or two of context.
 */
export function searchDocuments(texts: string[]): string[] {
  const docs: string[] = [];
  let cur = '';
  const flush = () => {
    if (cur.trim() !== '') docs.push(cur);
    cur = '';
  };
  for (const t of texts) {
    if (t.length > SEARCH_DOC_CHARS) {
      flush();
      for (let i = 0; i < t.length; i += SEARCH_DOC_CHARS) docs.push(t.slice(i, i + SEARCH_DOC_CHARS));
      continue;
    }
    if (cur.length + t.length + 1 > SEARCH_DOC_CHARS) flush();
    cur = cur ? `${cur}\n${t}` : t;
  }
  flush();
  return docs;
}

/** Adds the searchable texts of one write to the session's index, as a few small documents. */
export async function addSearchText(
  db: Kysely<Database>,
  engine: Engine,
  sessionPk: number,
  texts: string[],
): Promise<void> {
  const docs = searchDocuments(texts);
  if (docs.length === 0) return;
  if (engine === 'postgres') {
    await sql`INSERT INTO search_docs (session_pk, tsv)
      SELECT ${sessionPk}, to_tsvector('simple', d) FROM unnest(${docs}::text[]) AS d`.execute(db);
    return;
  }
  for (let i = 0; i < docs.length; i += 200) {
    const chunk = docs.slice(i, i + 200);
    const ids = await db
      .insertInto('search_docs')
      .values(chunk.map(() => ({ session_pk: sessionPk })))
      .returning('id')
      .execute();
    const values = sql.join(ids.map((row, j) => sql`(${row.id}, ${chunk[j]})`));
    await sql`INSERT INTO search_fts (rowid, text) VALUES ${values}`.execute(db);
  }
}
