// Migration 4: which key created a key, so a key's children can be bounded by it and revoked with it.
import type { Migration } from './types.js';

// No foreign key: SQLite cannot add one with ALTER TABLE, and a parent row is never deleted (only revoked).
const statements = [
  `ALTER TABLE api_keys ADD COLUMN parent_id TEXT`,
  `CREATE INDEX api_keys_parent ON api_keys(parent_id)`,
];

export const migration0004: Migration = {
  version: 4,
  name: 'key-parents',
  sqlite: statements,
  postgres: statements,
};
