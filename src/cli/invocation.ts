// One `baton` invocation: its I/O plus the config resolved once and frozen; every command runs with one.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { resolveConfig, type BatonConfig } from '../core/config/index.js';
import type { CliIo } from './io.js';

export interface CliContext {
  readonly io: CliIo;
  readonly config: BatonConfig;
  /** Claude Code's config dir (`CLAUDE_CONFIG_DIR`, else ~/.claude): where transcripts live. */
  readonly claudeConfigDir: string;
}

export function createContext(io: CliIo): CliContext {
  const config = resolveConfig(io.env, {
    homedir: io.home,
    readFile: (path: string) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
  });
  return Object.freeze({ io, config, claudeConfigDir: io.env.CLAUDE_CONFIG_DIR || join(io.home, '.claude') });
}
