// Migration for browser sessions: a login turns an API key into a cookie whose SHA-256 is stored here.
import type { Migration } from '../db/migrations/types.js';

const tables = (t: { bigint: string }) => [
  // Tied to the key used to log in: revoking (or expiring) that key ends the browser session too.
  `CREATE TABLE web_sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    key_id TEXT NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
    created_at ${t.bigint} NOT NULL,
    expires_at ${t.bigint} NOT NULL,
    last_seen_at ${t.bigint} NOT NULL
  )`,
  `CREATE INDEX web_sessions_user ON web_sessions(user_id)`,
];

/** The version is assigned where the tracker lists its migrations (tracker/db/migrations/index.ts). */
export function webSessionsMigration(version: number): Migration {
  return {
    version,
    name: 'web-sessions',
    sqlite: tables({ bigint: 'INTEGER' }),
    postgres: tables({ bigint: 'BIGINT' }),
  };
}
