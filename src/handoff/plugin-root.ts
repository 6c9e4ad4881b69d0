// Finds the plugin root (the folder holding routines/) from CLAUDE_PLUGIN_ROOT or this file's location.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Env } from './types.js';

function hasRoutines(dir: string): boolean {
  return existsSync(join(dir, 'routines', 'handoff.json'));
}

/**
 * Works from source (src/handoff/*.ts), from the bundle (dist/cli.js) and from an installed plugin,
 * by walking up from this module until a folder has routines/handoff.json.
 */
export function findPluginRoot(env: Env, fromUrl: string = import.meta.url): string | null {
  const explicit = env.BATON_PLUGIN_ROOT || env.CLAUDE_PLUGIN_ROOT;
  if (explicit && hasRoutines(resolve(explicit))) return resolve(explicit);
  let dir: string;
  try {
    dir = dirname(fileURLToPath(fromUrl));
  } catch {
    return null;
  }
  for (let i = 0; i < 8; i++) {
    if (hasRoutines(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}
