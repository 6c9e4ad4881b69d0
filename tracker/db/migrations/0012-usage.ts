// Migration 12 (issue 14): the usage report reads no JSON at query time and walks covering indexes only.
import type { Migration } from './types.js';

/** The UTC day a session counts on (the report's day key): its start, or its first stored activity. */
const DAY = (s: string) => `(COALESCE(${s}.started_at, ${s}.activity_at) / 86400000)`;

interface Dialect {
  bigint: string;
  withoutRowid: string;
  mainModel: string;
  tools: { from: string; count: string; valid: string };
  fork: { name: string; turns: string };
  scopeTrigger: string[];
}

const statements = (t: Dialect): string[] => [
  // The session's main model (its first, SessionMeta.models keeps first-use order): grouping by model parsed meta.
  `ALTER TABLE sessions ADD COLUMN main_model TEXT`,
  `UPDATE sessions SET main_model = ${t.mainModel}`,
  // Tool calls per session and tool, the session's OWN part only (a fork's inherited calls left out; written by
  // session-tools.ts with the session's writes). The session's scope (user, project, day, trash) is copied onto each
  // row, so the report scans one index in tool order instead of joining 60k rows to the sessions.
  `CREATE TABLE session_tools (
    session_pk ${t.bigint} NOT NULL REFERENCES sessions(pk) ON DELETE CASCADE,
    tool TEXT NOT NULL,
    own_count ${t.bigint} NOT NULL,
    user_id TEXT NOT NULL,
    project_id TEXT,
    day ${t.bigint} NOT NULL,
    deleted_at ${t.bigint},
    PRIMARY KEY (session_pk, tool)
  )${t.withoutRowid}`,
  `INSERT INTO session_tools (session_pk, tool, own_count, user_id, project_id, day, deleted_at)
    SELECT s.pk, j.key, ${t.tools.count}, s.user_id, s.project_id, ${DAY('s')}, s.deleted_at
    FROM sessions AS s ${t.tools.from}
    WHERE s.inherited_totals IS NULL AND ${t.tools.valid} AND ${t.tools.count} > 0`,
  // A fork's own calls: its stored tool_call events from the first turn after the inherited ones.
  `INSERT INTO session_tools (session_pk, tool, own_count, user_id, project_id, day, deleted_at)
    SELECT s.pk, ${t.fork.name}, COUNT(*), s.user_id, s.project_id, ${DAY('s')}, s.deleted_at
    FROM sessions AS s JOIN events AS e ON e.session_pk = s.pk
    WHERE s.inherited_totals IS NOT NULL AND e.kind = 'tool_call' AND e.turn_index >= ${t.fork.turns}
      AND ${t.fork.name} IS NOT NULL
    GROUP BY s.pk, ${t.fork.name}, s.user_id, s.project_id, ${DAY('s')}, s.deleted_at`,
  // The scope follows the session whoever changes it (trash, restore and purge included), in the same statement.
  ...t.scopeTrigger,
  // deleted_at is in the index although the predicate fixes it: SQLite counts an index as covering only then.
  `CREATE INDEX session_tools_usage ON session_tools(user_id, tool, project_id, day, own_count, deleted_at)
    WHERE deleted_at IS NULL`,
  // Every column the report's sums and costliest list read, so they scan this index and never the wide rows.
  `CREATE INDEX sessions_usage ON sessions(user_id, project_id, started_at, activity_at, main_model,
    tokens_input, tokens_output, tokens_cache_read, tokens_cache_write, cost_usd,
    inherited_tokens_input, inherited_tokens_output, inherited_tokens_cache_read, inherited_tokens_cache_write,
    inherited_cost_usd, deleted_at, pk) WHERE deleted_at IS NULL`,
];

const SCOPE_CHANGED = `OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.project_id IS DISTINCT FROM NEW.project_id
  OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at OR ${DAY('OLD')} IS DISTINCT FROM ${DAY('NEW')}`;
const SET_SCOPE = `UPDATE session_tools SET user_id = NEW.user_id, project_id = NEW.project_id, day = ${DAY('NEW')},
  deleted_at = NEW.deleted_at WHERE session_pk = NEW.pk`;

export const migration0012: Migration = {
  version: 12,
  name: 'usage',
  sqlite: statements({
    bigint: 'INTEGER',
    withoutRowid: ' WITHOUT ROWID',
    mainModel: `CASE WHEN json_valid(meta) THEN json_extract(meta, '$.models[0]') END`,
    tools: {
      from: ', json_each(s.tools) AS j',
      count: 'CAST(j.value AS INTEGER)',
      valid: 'json_valid(s.tools)',
    },
    fork: { name: `json_extract(e.payload, '$.name')`, turns: `json_extract(s.inherited_totals, '$.turns')` },
    scopeTrigger: [
      `CREATE TRIGGER sessions_usage_scope AFTER UPDATE ON sessions FOR EACH ROW
        WHEN ${SCOPE_CHANGED.replaceAll('IS DISTINCT FROM', 'IS NOT')}
        BEGIN ${SET_SCOPE}; END`,
    ],
  }),
  postgres: statements({
    bigint: 'BIGINT',
    withoutRowid: '',
    mainModel: `(meta::jsonb -> 'models' ->> 0)`,
    tools: {
      from: 'CROSS JOIN LATERAL jsonb_each_text(s.tools::jsonb) AS j',
      count: 'CAST(j.value AS BIGINT)',
      valid: 'TRUE',
    },
    fork: {
      name: `(e.payload::jsonb ->> 'name')`,
      turns: `CAST(s.inherited_totals::jsonb ->> 'turns' AS INTEGER)`,
    },
    scopeTrigger: [
      `CREATE FUNCTION session_tools_scope() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN ${SET_SCOPE}; RETURN NULL; END $$`,
      `CREATE TRIGGER sessions_usage_scope AFTER UPDATE ON sessions FOR EACH ROW
        WHEN (${SCOPE_CHANGED}) EXECUTE FUNCTION session_tools_scope()`,
    ],
  }),
};
