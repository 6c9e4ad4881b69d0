// Full-text matching of sessions by their prompts and responses: FTS5 on SQLite, tsvector on PostgreSQL.
import { sql, type RawBuilder } from 'kysely';
import type { Engine } from '../types.js';

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

/** A derived table `(session_pk, score)` of sessions with an event matching every term; higher score is better. */
export function matchingSessions(engine: Engine, terms: string[]): RawBuilder<{ session_pk: number; score: number }> {
  if (engine === 'sqlite') {
    return sql`(SELECT e.session_pk AS session_pk, -min(events_fts.rank) AS score
      FROM events_fts JOIN events e ON e.id = events_fts.rowid
      WHERE events_fts MATCH ${fts5Query(terms)}
      GROUP BY e.session_pk)`;
  }
  return sql`(SELECT e.session_pk AS session_pk, max(ts_rank(e.tsv, q.query)) AS score
    FROM events e, plainto_tsquery('simple', ${terms.join(' ')}) AS q(query)
    WHERE e.text IS NOT NULL AND e.tsv @@ q.query
    GROUP BY e.session_pk)`;
}
