// Every fixture transcript (real recordings and edge cases) exports in all four formats; JSON matches the model.
// Regression: a sidechain record inside the main transcript used to abort the JSON export.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXT_FORMATS } from '../../src/core/export/index.js';
import { Session } from '../../src/core/model/session.js';
import { createEgressGate } from '../../src/core/egress/index.js';
import { exportTranscript } from '../../src/core/pipeline/export-transcript.js';

const root = join(import.meta.dirname, '..', 'fixtures', 'transcripts');

function transcripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'subagents' ? [] : transcripts(path);
    return name.endsWith('.jsonl') ? [path] : [];
  });
}

describe('export of every fixture transcript', () => {
  const files = transcripts(root);
  it('finds the fixtures', () => expect(files.length).toBeGreaterThan(8));

  for (const file of files) {
    it(`${file.slice(root.length + 1)} exports in every format`, async () => {
      for (const format of TEXT_FORMATS) {
        let out = '';
        const result = await exportTranscript(
          file,
          format,
          (c) => (out += c),
          createEgressGate({ redact: true }),
        );
        expect(out.length).toBeGreaterThan(0);
        if (format === 'json') {
          const parsed = Session.parse(JSON.parse(out));
          const events =
            parsed.turns.flatMap((t) => t.events).length + parsed.sidechains.flatMap((s) => s.events).length;
          expect(parsed.meta.id).toBe(result.meta.id);
          expect(events).toBeGreaterThanOrEqual(result.totals.prompts);
        }
      }
    });
  }
});
