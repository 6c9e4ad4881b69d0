// Migration 9 (issue 12): a session's Agent SDK projectKey and the number of transcript lines it holds.
import type { Migration } from './types.js';

const statements = (t: { bigint: string }) => [
  // The SessionStore scope the session was written under; set by its first entry append, never changed after.
  `ALTER TABLE sessions ADD COLUMN project_key TEXT`,
  // Transcript lines of all the session's files, kept by each append so a list shows it without COUNT(*) per row.
  `ALTER TABLE sessions ADD COLUMN entry_count ${t.bigint} NOT NULL DEFAULT 0`,
  `UPDATE sessions SET entry_count = (SELECT count(*) FROM transcript_entries e WHERE e.session_pk = sessions.pk)`,
  // GET /api/v1/sessions?projectKey=: one user's sessions of one key, newest first.
  `CREATE INDEX sessions_user_project_key ON sessions(user_id, project_key, activity_at) WHERE project_key IS NOT NULL`,
];

export const migration0009: Migration = {
  version: 9,
  name: 'session-store',
  sqlite: statements({ bigint: 'INTEGER' }),
  postgres: statements({ bigint: 'BIGINT' }),
};
