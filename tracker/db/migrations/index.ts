// All migrations in order. Append only: never edit or reorder a shipped migration.
import { liveMigration } from '../../live/migration.js';
import { webSessionsMigration } from '../../web/migration.js';
import { migration0001 } from './0001-init.js';
import { migration0004 } from './0004-key-parents.js';
import { migration0005 } from './0005-secrets.js';
import { migration0006 } from './0006-session-accounting.js';
import { migration0007 } from './0007-subagent-usage.js';
import type { Migration } from './types.js';

// 2 and 3 belong to the live/web module (tracker/live, tracker/web); their SQL lives next to the code that uses it.
export const migrations: readonly Migration[] = [
  migration0001,
  liveMigration(2),
  webSessionsMigration(3),
  migration0004,
  migration0005,
  migration0006,
  migration0007,
];
export type { Migration } from './types.js';
