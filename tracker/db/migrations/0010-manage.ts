// Migration 10 (issue 13): sharing: soft delete and undo, post upsert.
import type { Migration } from './types.js';

const statements = (_t: { bigint: string }): string[] => [];

export const migration0010: Migration = {
  version: 10,
  name: 'manage',
  sqlite: statements({ bigint: 'INTEGER' }),
  postgres: statements({ bigint: 'BIGINT' }),
};
