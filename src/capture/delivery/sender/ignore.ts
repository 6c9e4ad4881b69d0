// Per-project opt-out of auto-sync: a `.baton-ignore` file in the project dir, or the config's `syncIgnore` list.
import { existsSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';

export const IGNORE_FILE = '.baton-ignore';

/**
 * True when the session's project must not be uploaded. `syncIgnore` entries are absolute dirs (the dir and
 * everything below it) or bare project names (the cwd's last segment).
 */
export function isProjectIgnored(cwd: string | undefined, syncIgnore: readonly string[] = []): boolean {
  if (!cwd) return false;
  if (existsSync(join(cwd, IGNORE_FILE))) return true;
  const name = basename(cwd);
  for (const entry of syncIgnore) {
    if (!entry.includes('/') && !entry.includes('\\')) {
      if (entry === name) return true;
      continue;
    }
    const dir = resolve(entry);
    if (cwd === dir || cwd.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return true;
  }
  return false;
}
