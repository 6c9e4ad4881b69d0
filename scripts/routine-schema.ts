// Writes docs/routine.schema.json and docs/routine-preset.schema.json from the zod schemas (`--check`: fail when stale).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemaText, presetJsonSchema, routineJsonSchema } from '../src/core/routine/json-schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files: [string, string][] = [
  [join(root, 'docs', 'routine.schema.json'), jsonSchemaText(routineJsonSchema())],
  [join(root, 'docs', 'routine-preset.schema.json'), jsonSchemaText(presetJsonSchema())],
];

const check = process.argv.includes('--check');
let stale = 0;
for (const [path, text] of files) {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    /* missing counts as stale */
  }
  if (current === text) continue;
  if (check) {
    console.error(`${path} is stale: run npx tsx scripts/routine-schema.ts`);
    stale++;
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
