// Loads a routine file and an optional preset (by name from routines/presets/, or by path) into one validated routine.
import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { BatonError } from '../core/errors.js';
import { applyPreset, parsePreset, parseRoutine, type Routine } from '../core/routine/index.js';
import { findPluginRoot } from './plugin-root.js';
import type { Env } from './types.js';

export interface LoadedRoutine {
  routine: Routine;
  routineFile: string;
  presetName: string | null;
  presetFile: string | null;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new BatonError(code === 'ENOENT' ? 'not_found' : 'io', `${what} not found: ${path}`, {
      cause: err,
    });
  }
}

function looksLikePath(ref: string): boolean {
  return ref.includes('/') || ref.includes('\\') || ref.endsWith('.json');
}

export function loadRoutine(opts: {
  env: Env;
  cwd: string;
  /** A routine file path; default: <plugin root>/routines/handoff.json. */
  routineFile?: string;
  /** A preset name (routines/presets/<name>.json) or a path to a preset file. */
  preset?: string;
}): LoadedRoutine {
  const root = findPluginRoot(opts.env);
  let routineFile: string;
  if (opts.routineFile) routineFile = resolve(opts.cwd, opts.routineFile);
  else if (root) routineFile = join(root, 'routines', 'handoff.json');
  else
    throw new BatonError(
      'not_found',
      'cannot find routines/handoff.json (set BATON_PLUGIN_ROOT to the plugin folder)',
    );

  let routine = parseRoutine(readText(routineFile, 'routine file'), routineFile);
  if (!opts.preset) return { routine, routineFile, presetName: null, presetFile: null };

  let presetFile: string;
  if (looksLikePath(opts.preset))
    presetFile = isAbsolute(opts.preset) ? opts.preset : resolve(opts.cwd, opts.preset);
  else if (!/^[a-z][a-z0-9-]*$/.test(opts.preset)) {
    throw new BatonError('invalid_input', `--preset: "${opts.preset}" is not a preset name or a .json file`);
  } else if (root) presetFile = join(root, 'routines', 'presets', `${opts.preset}.json`);
  else throw new BatonError('not_found', `cannot find the presets folder for preset "${opts.preset}"`);

  const preset = parsePreset(readText(presetFile, `preset "${opts.preset}"`), presetFile);
  routine = applyPreset(routine, preset, `preset ${preset.name} (${presetFile})`);
  return { routine, routineFile, presetName: preset.name, presetFile };
}
