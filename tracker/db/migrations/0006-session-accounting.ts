// Migration 6 (issue 10): what the client's reader skipped, and a fork's inherited usage kept apart from its own.
import type { Migration } from './types.js';

const statements = (t: { bigint: string; real: string }) => [
  // JSON ReadStats: skipped lines and why, shown on the session page.
  `ALTER TABLE sessions ADD COLUMN read_stats TEXT`,
  // JSON InheritedTotals of a fork; the numbers a project sums are columns of their own.
  `ALTER TABLE sessions ADD COLUMN inherited_totals TEXT`,
  `ALTER TABLE sessions ADD COLUMN inherited_duration_ms ${t.bigint} NOT NULL DEFAULT 0`,
  `ALTER TABLE sessions ADD COLUMN inherited_tokens_input ${t.bigint} NOT NULL DEFAULT 0`,
  `ALTER TABLE sessions ADD COLUMN inherited_tokens_output ${t.bigint} NOT NULL DEFAULT 0`,
  `ALTER TABLE sessions ADD COLUMN inherited_tokens_cache_read ${t.bigint} NOT NULL DEFAULT 0`,
  `ALTER TABLE sessions ADD COLUMN inherited_tokens_cache_write ${t.bigint} NOT NULL DEFAULT 0`,
  `ALTER TABLE sessions ADD COLUMN inherited_cost_usd ${t.real} NOT NULL DEFAULT 0`,
];

export const migration0006: Migration = {
  version: 6,
  name: 'session-accounting',
  sqlite: statements({ bigint: 'INTEGER', real: 'REAL' }),
  postgres: statements({ bigint: 'BIGINT', real: 'DOUBLE PRECISION' }),
};
