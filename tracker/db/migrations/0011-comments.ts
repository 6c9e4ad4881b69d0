// Migration 11 (issue 14): comments and reactions on events.
import type { Migration } from './types.js';

const statements = (t: { bigint: string }): string[] => [
  // One level of replies: a reply's parent is a top-level comment on the same event (checked by the service).
  `CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    session_pk ${t.bigint} NOT NULL REFERENCES sessions(pk) ON DELETE CASCADE,
    event_uuid TEXT NOT NULL,
    parent_id TEXT REFERENCES comments(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    created_at ${t.bigint} NOT NULL
  )`,
  // The session page and exports read every comment of a session in order.
  `CREATE INDEX comments_session ON comments(session_pk, created_at)`,
  // target: 'e:<event uuid>' or 'c:<comment id>'; the key makes a reaction one per user, emoji and target.
  `CREATE TABLE comment_reactions (
    session_pk ${t.bigint} NOT NULL REFERENCES sessions(pk) ON DELETE CASCADE,
    target TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    emoji TEXT NOT NULL,
    created_at ${t.bigint} NOT NULL,
    PRIMARY KEY (session_pk, target, user_id, emoji)
  )`,
  // The owner's switch: off hides the box and refuses new comments and reactions (existing ones stay readable).
  `ALTER TABLE sessions ADD COLUMN comments_enabled INTEGER NOT NULL DEFAULT 1`,
];

export const migration0011: Migration = {
  version: 11,
  name: 'comments',
  sqlite: statements({ bigint: 'INTEGER' }),
  postgres: statements({ bigint: 'BIGINT' }),
};
