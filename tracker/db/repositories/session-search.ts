// Full-text matching of sessions by their prompts and responses: FTS5 on SQLite, tsvector on PostgreSQL.
import { sql, type Kysely, type RawBuilder } from 'kysely';
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
 * A derived table `(session_pk, score)` of sessions with a search document (one write's prompts and replies)
 * matching every term; higher score is better.
 */
export function matchingSessions(
  engine: Engine,
  terms: string[],
): RawBuilder<{ session_pk: number; score: number }> {
  if (engine === 'sqlite') {
    return sql`(SELECT d.session_pk AS session_pk, -min(search_fts.rank) AS score
      FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid
      WHERE search_fts MATCH ${fts5Query(terms)}
      GROUP BY d.session_pk)`;
  }
  return sql`(SELECT d.session_pk AS session_pk, max(ts_rank(d.tsv, q.query)) AS score
    FROM search_docs d, plainto_tsquery('simple', ${terms.join(' ')}) AS q(query)
    WHERE d.tsv @@ q.query
    GROUP BY d.session_pk)`;
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
