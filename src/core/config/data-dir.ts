// The hot-path slice of config: is Baton disabled, and where does it keep its data. Cheap enough for every hook.
import { isAbsolute, join, resolve } from 'node:path';
import { envFlag, envValue, type Env } from './env-values.js';

export type DataDirSource = 'BATON_DATA_DIR' | 'CLAUDE_PLUGIN_DATA' | 'XDG_STATE_HOME' | 'default';

/** BATON_DISABLE=1 (or true/yes/on) turns every part of Baton off. */
export function isDisabled(env: Env): boolean {
  return envFlag(env, 'BATON_DISABLE') === true;
}

/**
 * Data dir precedence: BATON_DATA_DIR > CLAUDE_PLUGIN_DATA > $XDG_STATE_HOME/baton > ~/.local/state/baton.
 * A relative BATON_DATA_DIR is resolved against the cwd; a relative XDG_STATE_HOME is ignored (XDG spec).
 */
export function resolveDataDir(env: Env, homedir: string): { dataDir: string; source: DataDirSource } {
  const explicit = envValue(env, 'BATON_DATA_DIR');
  if (explicit) return { dataDir: resolve(explicit), source: 'BATON_DATA_DIR' };
  const plugin = envValue(env, 'CLAUDE_PLUGIN_DATA');
  if (plugin) return { dataDir: resolve(plugin), source: 'CLAUDE_PLUGIN_DATA' };
  const xdg = envValue(env, 'XDG_STATE_HOME');
  if (xdg && isAbsolute(xdg)) return { dataDir: join(xdg, 'baton'), source: 'XDG_STATE_HOME' };
  return { dataDir: join(homedir, '.local', 'state', 'baton'), source: 'default' };
}

/** The home dir as the given env sees it (so tests and child processes can move it), else the OS answer. */
export function homedirFrom(env: Env, fallback: () => string): string {
  return envValue(env, 'HOME') ?? envValue(env, 'USERPROFILE') ?? fallback();
}
