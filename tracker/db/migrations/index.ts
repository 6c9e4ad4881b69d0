// All migrations in order. Append only: never edit or reorder a shipped migration.
// Every migration's SQL lives here, so the schema's history imports no feature module (tracker/live, tracker/web).
import { migration0001 } from './0001-init.js';
import { migration0002 } from './0002-live-streams.js';
import { migration0003 } from './0003-web-sessions.js';
import { migration0004 } from './0004-key-parents.js';
import { migration0005 } from './0005-secrets.js';
import { migration0006 } from './0006-session-accounting.js';
import { migration0007 } from './0007-subagent-usage.js';
import { migration0008 } from './0008-transcript-entries.js';
import { migration0009 } from './0009-session-store.js';
import { migration0010 } from './0010-manage.js';
import { migration0011 } from './0011-comments.js';
import { migration0012 } from './0012-usage.js';
import { migration0013 } from './0013-usage-rollups.js';
import type { Migration } from './types.js';

export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
];
export type { Migration } from './types.js';
