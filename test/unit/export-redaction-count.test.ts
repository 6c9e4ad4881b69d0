// A session with N distinct planted secrets: every export format's redaction line and the CLI's summary say N, the
// number the gate actually redacted (the trailer once said 2N: the exporter counted the gate's report twice).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EXPORT_FORMATS, type ExportFormat } from '../../src/core/export/index.js';
import { describeExport, exportSession, type ExportSessionEnv } from '../../src/export/export-session.js';
import { fake, fakeJwt, upper } from '../helpers/fake-secrets.js';
import { createTranscriptWriter } from '../helpers/transcript-writer.js';

const SECRETS = [fake('ghp_', 36, 3), `AKIA${upper(16, 5)}`, fakeJwt(), fake('xoxb-1234-5678-', 24, 9)];
const N = SECRETS.length;

let root: string;
let transcript: string;
let env: ExportSessionEnv;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'baton-redaction-count-'));
  const w = createTranscriptWriter(join(root, 'session.jsonl'), 'c0ffee00-0000-4000-8000-00000000000a', root);
  for (const [i, s] of SECRETS.entries()) w.turn(`step ${i}: use ${s} please`);
  transcript = w.path;
  env = { cwd: root, claudeConfigDir: join(root, 'claude'), dataDir: join(root, 'data'), warn: () => {} };
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The redaction count an exported file states, read the way a person would (PDF via pdftotext, Word via its XML). */
function statedCount(format: ExportFormat, path: string): number {
  const text = readable(format, path);
  const m =
    format === 'json'
      ? /"redaction":\{"total":(\d+)/.exec(text)
      : /(\d+)\s+secret\(s\)\s+replaced/.exec(text.replace(/<[^>]+>/g, ''));
  if (!m) throw new Error(`no redaction count in the ${format} export`);
  return Number(m[1]);
}

function readable(format: ExportFormat, path: string): string {
  if (format === 'docx') return strFromU8(unzipSync(readFileSync(path))['word/document.xml']!);
  if (format !== 'pdf') return readFileSync(path, 'utf8');
  const r = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  if (r.error) throw new Error('pdftotext is not installed (apt-get install poppler-utils)');
  return r.stdout;
}

it.each(EXPORT_FORMATS)(
  '%s: the export and the summary both say N secrets, and none is left',
  async (format) => {
    const r = await exportSession(env, {
      ref: transcript,
      format,
      to: { kind: 'file', path: `out.${format}`, force: true },
      redact: true,
    });
    expect(r.redaction.total).toBe(N);
    expect(describeExport(r)).toContain(`redacted ${N} secrets`);
    expect(statedCount(format, r.path!)).toBe(N);
    const text = readable(format, r.path!);
    for (const s of SECRETS) expect(text).not.toContain(s);
  },
  60_000,
);
