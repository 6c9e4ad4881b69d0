// Migration 5: server-side secrets shared by every tracker instance on one database (the CSRF signing key).
import type { Migration } from './types.js';

const statements = [`CREATE TABLE tracker_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL)`];

export const migration0005: Migration = {
  version: 5,
  name: 'secrets',
  sqlite: statements,
  postgres: statements,
};
