// Migration 11 (issue 14): comments and reactions on events.
import type { Migration } from './types.js';

const statements = (_t: { bigint: string }): string[] => [];

export const migration0011: Migration = {
  version: 11,
  name: 'comments',
  sqlite: statements({ bigint: 'INTEGER' }),
  postgres: statements({ bigint: 'BIGINT' }),
};
