// Migration 10 (issue 13): sharing: soft delete and undo, post upsert.
import type { Migration } from './types.js';

const statements = (t: { bigint: string }): string[] => [
  // Trash: set when the owner deletes; every read path filters `deleted_at IS NULL`, a sweep purges after 30 days.
  `ALTER TABLE sessions ADD COLUMN deleted_at ${t.bigint}`,
  `ALTER TABLE posts ADD COLUMN deleted_at ${t.bigint}`,
  // The owner's trash, newest first, and the purge sweep (deleted_at < cutoff) without scanning live rows.
  `CREATE INDEX sessions_user_deleted ON sessions(user_id, deleted_at) WHERE deleted_at IS NOT NULL`,
  `CREATE INDEX posts_user_deleted ON posts(user_id, deleted_at) WHERE deleted_at IS NOT NULL`,
  // Lists and counts walk only rows in use: the list indexes become partial, so trash never slows a page down.
  `DROP INDEX sessions_user_activity`,
  `CREATE INDEX sessions_user_activity ON sessions(user_id, activity_at, pk) WHERE deleted_at IS NULL`,
  `DROP INDEX sessions_public`,
  `CREATE INDEX sessions_public ON sessions(visibility, activity_at) WHERE deleted_at IS NULL`,
  `DROP INDEX posts_user`,
  `CREATE INDEX posts_user ON posts(user_id, updated_at) WHERE deleted_at IS NULL`,
  // The session whose push created the post: pushing that session again updates this post instead of adding one.
  `ALTER TABLE posts ADD COLUMN origin_session_pk ${t.bigint} REFERENCES sessions(pk) ON DELETE SET NULL`,
  `CREATE INDEX posts_origin_session ON posts(user_id, origin_session_pk) WHERE origin_session_pk IS NOT NULL`,
];

export const migration0010: Migration = {
  version: 10,
  name: 'manage',
  sqlite: statements({ bigint: 'INTEGER' }),
  postgres: statements({ bigint: 'BIGINT' }),
};
