// Applies a preset to a routine: per-step overrides (deep-merged options), inserted steps, then re-validation.
import { BatonError } from '../errors.js';
import { validateRoutine } from './parse.js';
import type { Routine, RoutinePreset } from './schema.js';

type Json = Record<string, unknown>;

function isPlainObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Objects merge key by key; arrays and scalars from `over` replace those in `base`. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}

export function applyPreset(
  routine: Routine,
  preset: RoutinePreset,
  presetSource = `preset ${preset.name}`,
): Routine {
  if (preset.routine !== undefined && preset.routine !== routine.name) {
    throw new BatonError(
      'invalid_input',
      `${presetSource}: routine: this preset is for routine "${preset.routine}", not "${routine.name}"`,
    );
  }
  const known = routine.steps.map((s) => s.id);
  const steps: Json[] = routine.steps.map((s) => ({ ...s }) as Json);
  for (const [id, override] of Object.entries(preset.steps)) {
    const target = steps.find((s) => s.id === id);
    if (!target) {
      throw new BatonError(
        'invalid_input',
        `${presetSource}: steps.${id}: no step with id "${id}" in routine "${routine.name}" (steps: ${known.join(', ')})`,
      );
    }
    const { options, ...rest } = override;
    Object.assign(target, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
    if (options !== undefined) target.options = deepMerge(target.options, options);
  }
  preset.insert.forEach((ins, i) => {
    if (ins.after === undefined) {
      steps.push(ins.step);
      return;
    }
    const at = steps.findIndex((s) => s.id === ins.after);
    if (at < 0) {
      throw new BatonError(
        'invalid_input',
        `${presetSource}: insert[${i}].after: no step with id "${ins.after}" (steps: ${steps.map((s) => s.id).join(', ')})`,
      );
    }
    steps.splice(at + 1, 0, ins.step);
  });
  // The merged routine must satisfy the same schema as a hand-written one.
  return validateRoutine({ ...routine, steps }, `routine "${routine.name}" with ${presetSource}`);
}
