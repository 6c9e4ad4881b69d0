// Migration 2: live streams and their append-only event log (used by tracker/live).
import type { Migration } from './types.js';

const statements = (t: { bigint: string }) => [
  `CREATE TABLE live_streams (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    session_id TEXT,
    title TEXT,
    visibility TEXT NOT NULL,
    status TEXT NOT NULL,
    producer_token_hash TEXT NOT NULL UNIQUE,
    viewer_token_hash TEXT NOT NULL UNIQUE,
    created_at ${t.bigint} NOT NULL,
    expires_at ${t.bigint} NOT NULL,
    ended_at ${t.bigint},
    last_seq INTEGER NOT NULL DEFAULT 0,
    event_count INTEGER NOT NULL DEFAULT 0,
    total_bytes ${t.bigint} NOT NULL DEFAULT 0,
    post_url TEXT
  )`,
  `CREATE INDEX live_streams_session ON live_streams(session_id, status)`,
  `CREATE INDEX live_streams_owner ON live_streams(owner_id, created_at)`,
  `CREATE INDEX live_streams_status ON live_streams(status, expires_at)`,
  // (live_id, seq) orders and dedupes by sequence; (live_id, uuid) drops a transcript record sent twice.
  `CREATE TABLE live_events (
    live_id TEXT NOT NULL REFERENCES live_streams(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    uuid TEXT NOT NULL,
    turn_index INTEGER,
    body TEXT NOT NULL,
    created_at ${t.bigint} NOT NULL,
    PRIMARY KEY (live_id, seq),
    UNIQUE (live_id, uuid)
  )`,
];

export const migration0002: Migration = {
  version: 2,
  name: 'live-streams',
  sqlite: statements({ bigint: 'INTEGER' }),
  postgres: statements({ bigint: 'BIGINT' }),
};
