// Migration 8 (issue 12): each transcript line as the client sent it (after its egress gate), compressed at rest.
import type { Migration } from './types.js';

const statements = (t: { bigint: string; blob: string }) => [
  // One row per line of a session's transcript file: sub_key '' is the main file, else e.g. 'subagents/agent-<id>'.
  // seq is the arrival order within (session, sub_key); body is the line's JSON text, zlib deflated.
  // Keyed by the session's pk like events, so deleting a session deletes its entries.
  `CREATE TABLE transcript_entries (
    session_pk ${t.bigint} NOT NULL REFERENCES sessions(pk) ON DELETE CASCADE,
    sub_key TEXT NOT NULL DEFAULT '',
    seq INTEGER NOT NULL,
    uuid TEXT,
    body ${t.blob} NOT NULL,
    raw_bytes INTEGER NOT NULL,
    created_at ${t.bigint} NOT NULL,
    PRIMARY KEY (session_pk, sub_key, seq)
  )`,
  // The idempotency key: the same line uuid again is a no-op. Lines without a uuid are always appended.
  `CREATE UNIQUE INDEX transcript_entries_uuid ON transcript_entries(session_pk, sub_key, uuid) WHERE uuid IS NOT NULL`,
];

export const migration0008: Migration = {
  version: 8,
  name: 'transcript-entries',
  sqlite: statements({ bigint: 'INTEGER', blob: 'BLOB' }),
  postgres: statements({ bigint: 'BIGINT', blob: 'BYTEA' }),
};
