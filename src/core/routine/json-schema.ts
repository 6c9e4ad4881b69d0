// JSON Schemas of routine and preset files, generated from the zod schemas (published in docs/).
import { z } from 'zod';
import { Routine, RoutinePreset } from './schema.js';

/** `io: 'input'`: fields with defaults are optional in the files people write. */
export function routineJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Routine, { io: 'input', unrepresentable: 'any' }),
    title: 'Baton routine',
    description: 'A routine: ordered steps (routines/*.json) run by the Baton handoff runner.',
  };
}

export function presetJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(RoutinePreset, { io: 'input', unrepresentable: 'any' }),
    title: 'Baton routine preset',
    description: 'Overrides applied to a routine by name (routines/presets/*.json).',
  };
}

/** The exact text committed in docs/ (stable key order, trailing newline). */
export function jsonSchemaText(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
