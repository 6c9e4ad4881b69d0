// Generates docs/session.schema.json, the published JSON Schema of the session model, from the zod model.
// `npx tsx scripts/gen-schema.ts` writes it; `--check` exits 1 when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import * as model from '../src/core/model/session.js';
import { EventComments, ExportedSession } from '../src/core/model/export-comments.js';

export const SCHEMA_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'session.schema.json');

/** Model parts published as named `$defs`, so the schema reads like the model. */
const NAMED = [
  'SessionMeta',
  'Turn',
  'Sidechain',
  'SessionEvent',
  'PromptEvent',
  'TextEvent',
  'ThinkingEvent',
  'ToolCallEvent',
  'ToolResultEvent',
  'SystemEvent',
  'SessionTotals',
  'TokenTotals',
  'ReadStats',
  'RedactionReport',
] as const;

export function sessionJsonSchema(): Record<string, unknown> {
  // A local registry: naming the parts must not register anything in zod's global registry.
  const registry = z.registry<{ id: string }>();
  for (const name of NAMED) registry.add(model[name], { id: name });
  registry.add(EventComments, { id: 'EventComments' });
  // io 'input' describes what Session.parse accepts (unknown keys allowed), so a reader of an older schema
  // still accepts documents that carry fields added later as optional.
  // The export's model: the session plus `comments` when they were asked for (--comments).
  const schema = z.toJSONSchema(ExportedSession, {
    target: 'draft-2020-12',
    io: 'input',
    metadata: registry,
    unrepresentable: 'throw',
  }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    title: 'Baton session',
    description:
      `A Claude Code session normalized by Baton (schemaVersion ${model.SCHEMA_VERSION}), as written by ` +
      '`baton export --format json`. Generated from src/core/model/session.ts by scripts/gen-schema.ts; do not edit.',
    ...rest,
  };
}

/** The file's text, formatted by Prettier with the repo config, so `npm run format` never makes it stale. */
export async function renderSessionJsonSchema(): Promise<string> {
  const config = (await resolveConfig(SCHEMA_PATH)) ?? {};
  return format(JSON.stringify(sessionJsonSchema(), null, 2), {
    ...config,
    parser: 'json',
    filepath: SCHEMA_PATH,
  });
}

async function main(): Promise<void> {
  const text = await renderSessionJsonSchema();
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(SCHEMA_PATH, 'utf8');
    } catch {
      // A missing file is stale too.
    }
    if (committed !== text) {
      console.error('docs/session.schema.json is stale: run npx tsx scripts/gen-schema.ts and commit it.');
      process.exit(1);
    }
    console.log('docs/session.schema.json is up to date');
    return;
  }
  writeFileSync(SCHEMA_PATH, text);
  console.log(`wrote docs/session.schema.json (${text.length} bytes)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
