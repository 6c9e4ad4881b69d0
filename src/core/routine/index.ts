// Public surface of routines: schema, parsing with field-naming errors, preset merge, JSON Schema.
export * from './schema.js';
export { parseRoutine, parsePreset, validateRoutine } from './parse.js';
export { applyPreset, deepMerge } from './merge.js';
export { formatIssues, fieldPath } from './errors.js';
export { routineJsonSchema, presetJsonSchema, jsonSchemaText } from './json-schema.js';
