// PDF and Word exports end to end: the built CLI (node dist/cli.js export --format pdf|docx) on a transcript with a
// planted secret, read back with pdftotext and by unzipping the Word XML.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithExternal } from '../helpers/externals.js';
import { CJK, CODE_LINES, PROMPT, SECRET, UNICODE, writeFixtureTranscript } from './export-docs-fixture.js';

const DIST = join(import.meta.dirname, '..', '..', 'dist');
const missing = spawnSync('pdftotext', ['-v']).error ? 'pdftotext is not installed (poppler-utils)' : null;

function baton(args: string[], cwd: string): { out: string; err: string; code: number } {
  const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CLAUDE_CONFIG_DIR: join(cwd, 'claude'), BATON_DATA_DIR: join(cwd, 'data') },
  });
  return { out: r.stdout, err: r.stderr, code: r.status ?? -1 };
}

describeWithExternal('pdftotext', missing)('baton export --format pdf|docx (dist)', () => {
  let dir: string;
  let transcript: string;
  beforeAll(() => {
    if (!existsSync(join(DIST, 'export-docs.js')))
      throw new Error('dist/export-docs.js missing: run `node scripts/build.mjs` first');
    dir = mkdtempSync(join(tmpdir(), 'baton-docs-cli-'));
    transcript = join(dir, 'proj', 'session.jsonl');
    writeFixtureTranscript(transcript, join(dir, 'proj'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a redacted PDF whose text has the conversation, tool call, header and Unicode', () => {
    const r = baton(['export', transcript, '--format', 'pdf', '-o', 'out.pdf'], dir);
    expect(r.code, r.err).toBe(0);
    // Three copies of the secret in the events (prompt, command, result); the title repeating the prompt is not a fourth.
    expect(r.out).toMatch(/as pdf to .*out\.pdf; redacted 3 secrets/);
    const bytes = readFileSync(join(dir, 'out.pdf'));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'out.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(text).toContain(PROMPT.slice(0, 24));
    expect(text).toContain('[REDACTED:github-token]');
    expect(text).not.toContain(SECRET);
    expect(bytes.toString('latin1')).not.toContain(SECRET);
    expect(text).toContain('Tool call: Bash');
    expect(text).toContain('deploy-xyzzy');
    expect(text).toContain('deployed-plugh ok');
    expect(text).toMatch(/Est\. cost: \$\d/);
    expect(text).toContain('Tokens: 2,468 in');
    expect(text.replace(/\s+/g, ' ')).toContain(UNICODE); // the prompt wraps: compare across line ends
    // Code lines in order, each on its own line, and the 400-character line wrapped rather than cut.
    const at = CODE_LINES.map((l) => text.indexOf(l.trim()));
    expect(at.every((i, k) => i > -1 && (k === 0 || i > at[k - 1]!))).toBe(true);
    expect(text.match(/w/g)!.length).toBeGreaterThanOrEqual(400);
  }, 180_000);

  it('writes a redacted Word file with monospaced code', () => {
    const r = baton(['export', transcript, '--format', 'docx', '-o', 'out.docx'], dir);
    expect(r.code, r.err).toBe(0);
    const xml = strFromU8(unzipSync(readFileSync(join(dir, 'out.docx')))['word/document.xml']!);
    expect(xml).toContain('[REDACTED:github-token]');
    expect(xml).not.toContain(SECRET);
    expect(xml).toContain(CJK);
    expect(xml).toContain('deployed-plugh ok');
    expect(xml).toMatch(/<w:rFonts w:ascii="Consolas"[^>]*\/>(?:(?!<\/w:r>).)*function alpha\(\)/s);
  }, 180_000);

  it('refuses binary output to a terminal only; a pipe gets the bytes', () => {
    const r = baton(['export', transcript, '--format', 'pdf', '-o', '-'], dir);
    expect(r.code, r.err).toBe(0); // stdout is a pipe here
    expect(r.out.startsWith('%PDF-')).toBe(true);
  }, 180_000);
});
