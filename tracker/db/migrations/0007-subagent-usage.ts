// Migration 7 (issue 10): each subagent's usage, attributed to the Agent/Task call that spawned it.
import type { Migration } from './types.js';

// JSON SubagentUsage[]: shown next to each subagent and returned with the session's totals.
const statements = [`ALTER TABLE sessions ADD COLUMN subagent_usage TEXT`];

export const migration0007: Migration = {
  version: 7,
  name: 'subagent-usage',
  sqlite: statements,
  postgres: statements,
};
