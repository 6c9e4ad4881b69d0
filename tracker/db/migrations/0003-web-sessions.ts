// Migration 3: browser sessions (used by tracker/web): a login turns an API key into a cookie whose SHA-256 is kept.
import type { Migration } from './types.js';

const statements = (t: { bigint: string }) => [
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

export const migration0003: Migration = {
  version: 3,
  name: 'web-sessions',
  sqlite: statements({ bigint: 'INTEGER' }),
  postgres: statements({ bigint: 'BIGINT' }),
};
