// Flags every command that opens the database shares: --db FILE|URL and --data-dir.
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { resolveDataDir } from '../../src/core/config/index.js';
import { resolveDbTarget } from '../config.js';
import { openStore, type Store } from '../db/store.js';
import type { CliIo } from './io.js';

export const DB_OPTIONS = {
  db: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

export async function openStoreFromFlags(
  flags: { db?: string; 'data-dir'?: string },
  io: CliIo,
): Promise<Store> {
  const dataDir = flags['data-dir']
    ? resolve(flags['data-dir'])
    : resolveDataDir(io.env, io.env.HOME || homedir()).dataDir;
  return openStore(resolveDbTarget(flags.db, io.env, dataDir));
}
