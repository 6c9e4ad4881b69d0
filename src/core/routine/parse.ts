// Parses routine and preset JSON text into validated objects; every failure is a BatonError naming the field.
import { BatonError } from '../errors.js';
import { formatIssues } from './errors.js';
import { Routine, RoutinePreset } from './schema.js';

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new BatonError('invalid_input', `${source}: not valid JSON (${(err as Error).message})`, {
      cause: err,
    });
  }
}

/** Validates an already-parsed routine value. */
export function validateRoutine(value: unknown, source: string): Routine {
  const result = Routine.safeParse(value);
  if (!result.success) {
    throw new BatonError('invalid_input', formatIssues(source, result.error.issues, value), {
      details: result.error.issues,
    });
  }
  return result.data;
}

export function parseRoutine(text: string, source: string): Routine {
  return validateRoutine(parseJson(text, source), source);
}

export function parsePreset(text: string, source: string): RoutinePreset {
  const value = parseJson(text, source);
  const result = RoutinePreset.safeParse(value);
  if (!result.success) {
    throw new BatonError('invalid_input', formatIssues(source, result.error.issues, value), {
      details: result.error.issues,
    });
  }
  return result.data;
}
