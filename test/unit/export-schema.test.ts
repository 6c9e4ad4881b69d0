// The published JSON Schema (docs/session.schema.json) is generated from the zod model and must be up to date.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSession } from '../../src/core/export/index.js';
import { renderSessionJsonSchema, SCHEMA_PATH, sessionJsonSchema } from '../../scripts/gen-schema.js';
import { sampleSession } from '../fixtures/export-sessions.js';

const root = join(import.meta.dirname, '..', '..');

describe('docs/session.schema.json', () => {
  it('matches what scripts/gen-schema.ts generates from the zod model (run it and commit when this fails)', async () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(await renderSessionJsonSchema());
  });

  it('is checked by the script itself (`--check` exits 0)', () => {
    const out = execFileSync(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/gen-schema.ts', '--check'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(out).toContain('up to date');
  });

  it('describes the model: draft 2020-12, named parts, every event kind, the optional redaction report', () => {
    const schema = sessionJsonSchema() as {
      $schema: string;
      required: string[];
      properties: Record<string, unknown>;
      $defs: Record<string, { oneOf?: Array<{ $ref: string }>; anyOf?: Array<{ $ref: string }> }>;
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required.sort()).toEqual(['meta', 'schemaVersion', 'sidechains', 'totals', 'turns']);
    expect(Object.keys(schema.properties).sort()).toEqual([
      'comments',
      'meta',
      'redaction',
      'schemaVersion',
      'sidechains',
      'stats',
      'totals',
      'turns',
    ]);
    const union = schema.$defs.SessionEvent!.oneOf ?? schema.$defs.SessionEvent!.anyOf ?? [];
    expect(union.map((r) => r.$ref).sort()).toEqual(
      ['PromptEvent', 'SystemEvent', 'TextEvent', 'ThinkingEvent', 'ToolCallEvent', 'ToolResultEvent'].map(
        (n) => `#/$defs/${n}`,
      ),
    );
    // Every top-level key the JSON exporter writes is a property of the schema.
    const exported = JSON.parse(
      renderSession({ ...sampleSession(), redaction: { total: 0, byRule: {} } }, 'json'),
    ) as object;
    for (const k of Object.keys(exported)) expect(schema.properties).toHaveProperty(k);
  });
});
