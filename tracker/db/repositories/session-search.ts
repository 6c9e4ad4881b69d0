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

/** Long texts are indexed in documents of at most this many characters. */
export const SEARCH_DOC_CHARS = 200_000;

/** Adds the searchable text of one write to the session's index. */
export async function addSearchText(
  db: Kysely<Database>,
  engine: Engine,
  sessionPk: number,
  text: string,
): Promise<void> {
  for (let i = 0; i < text.length; i += SEARCH_DOC_CHARS) {
    const chunk = text.slice(i, i + SEARCH_DOC_CHARS);
    if (engine === 'postgres') {
      await sql`INSERT INTO search_docs (session_pk, tsv) VALUES (${sessionPk}, to_tsvector('simple', ${chunk}))`.execute(
        db,
      );
    } else {
      const row = await db
        .insertInto('search_docs')
        .values({ session_pk: sessionPk })
        .returning('id')
        .executeTakeFirstOrThrow();
      await sql`INSERT INTO search_fts (rowid, text) VALUES (${row.id}, ${chunk})`.execute(db);
    }
  }
}
