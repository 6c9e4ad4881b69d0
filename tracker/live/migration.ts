// Kept only because tracker/live/index.ts still re-exports liveMigration; delete both once that line goes.
// The SQL itself is migration 2 in tracker/db/migrations/, where the migration list can reach it without
// importing this feature module.
import { migration0002 } from '../db/migrations/0002-live-streams.js';
import type { Migration } from '../db/migrations/types.js';

/** @deprecated use tracker/db/migrations (migration0002). */
export function liveMigration(version: number): Migration {
  return { ...migration0002, version };
}
