// PDF and Word exports (issue 13): the same content, header and redaction as the text exports, read back with a
// PDF text extractor and by unzipping the Word XML.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BatonError } from '../../src/core/errors.js';
import { renderSession } from '../../src/core/export/index.js';
import { createDocumentExporter, renderDocument } from '../../src/core/export/documents/index.js';
import { glyphFilter } from '../../src/core/export/documents/glyphs.js';
import { feedSession } from '../../src/core/export/render-session.js';
import type { Session } from '../../src/core/model/session.js';
import { sampleSession } from '../fixtures/export-sessions.js';
import { fake } from '../helpers/fake-secrets.js';
import { describeWithExternal } from '../helpers/externals.js';

const SECRET = fake('ghp_', 36, 11);
const UNICODE = 'Grüße — Ωμέγα Привет ┌─┐│└─┘ ✓';

/** The sample session with a secret in a prompt and a tool result, Markdown, Unicode and a control character. */
function session(): Session {
  const s = sampleSession();
  const events = s.turns[0]!.events;
  const prompt = events[0] as { text: string };
  prompt.text = `Say hello, token ${SECRET} ${UNICODE} 中文`;
  const text = events[2] as { text: string };
  text.text += '\n\n## Steps\n\n- first **bold** step\n- then `inline` code\n\nBell\u0007here.';
  const result = s.turns[2]!.events.find((e) => e.kind === 'tool_result') as { content: string };
  result.content = `echo ${SECRET}\nsecond line`;
  return s;
}

const has = (cmd: string): string | null =>
  spawnSync(cmd, ['-v']).error ? `${cmd} is not installed (apt-get install poppler-utils)` : null;

let dir: string;
let pdfText: string;
let pdfBytes: Uint8Array;
let docXml: string;
let docBytes: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-docs-'));
  pdfBytes = await renderDocument(session(), 'pdf');
  docBytes = await renderDocument(session(), 'docx');
  docXml = strFromU8(unzipSync(docBytes)['word/document.xml']!);
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every stream of the PDF inflated, plus the raw file: where a secret could hide in the bytes. */
function pdfPlainBytes(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  let all = raw;
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      all += inflateSync(Buffer.from(raw.slice(start, end), 'latin1')).toString('latin1');
    } catch {
      /* not a Flate stream */
    }
  }
  return all;
}

describeWithExternal('pdftotext', has('pdftotext'))('PDF export', () => {
  beforeAll(() => {
    const file = join(dir, 's.pdf');
    writeFileSync(file, pdfBytes);
    pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  });

  it('has the metrics header with the same cost and tokens as the text export', () => {
    const txt = renderSession(session(), 'txt');
    const cost = /Est\. cost:\s+(\S+)/.exec(txt)![1]!;
    expect(pdfText).toContain(`Est. cost: ${cost}`);
    expect(pdfText).toContain('Tokens: 1,203 in, 345 out, 14,685 cache read, 7,395 cache write');
    expect(pdfText).toMatch(/Project: proj/);
    expect(pdfText).toMatch(/Tools: Bash ×1/);
  });

  it('has prompts, responses, thinking, tool calls with their input and results, code in order', () => {
    expect(pdfText).toContain('Say hello, token');
    expect(pdfText).toContain('Hello! Here is some code:');
    expect(pdfText).toContain('The user wants a greeting.');
    expect(pdfText).toContain('Tool call: Bash');
    expect(pdfText).toContain('"command": "node chain.js"');
    expect(pdfText).toContain('second line');
    const code = pdfText.indexOf('const greeting: string = "hi";');
    expect(code).toBeGreaterThan(pdfText.indexOf('Hello! Here is some code:'));
    expect(pdfText.indexOf('Steps')).toBeGreaterThan(code);
    expect(pdfText).toMatch(/Page|page 1 of \d/);
  });

  it('writes the planted secret only as [REDACTED:…], in the text and nowhere in the bytes', () => {
    expect(pdfText).toContain('[REDACTED:github-token]');
    expect(pdfText).not.toContain(SECRET);
    expect(pdfPlainBytes(pdfBytes)).not.toContain(SECRET);
    expect(pdfPlainBytes(pdfBytes)).not.toContain(SECRET.slice(4, 20));
  });

  it('keeps Unicode beyond WinAnsi, and shows a visible U+FFFD for what its fonts lack (CJK)', () => {
    expect(pdfText).toContain(UNICODE);
    expect(pdfText).toContain('\uFFFD\uFFFD');
    expect(pdfText).not.toContain('中文');
  });
});

describeWithExternal('python3 (XML well-formedness)', has('python3'))('Word export', () => {
  it('is a well-formed Word document', () => {
    const file = join(dir, 'document.xml');
    writeFileSync(file, docXml);
    const r = spawnSync('python3', ['-c', 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])', file]);
    expect(r.status, r.stderr.toString()).toBe(0);
  });

  it('has the header, conversation, tool input and results, with code runs in a monospace font', () => {
    expect(docXml).toContain('Tokens: </w:t>');
    expect(docXml).toContain('1,203 in, 345 out');
    expect(docXml).toContain('Say hello, token');
    expect(docXml).toContain('Tool call: Bash');
    expect(docXml).toContain('second line');
    expect(docXml).toContain(UNICODE);
    expect(docXml).toContain('中文');
    const codeRun = /<w:r>(?:(?!<\/w:r>).)*const greeting: string(?:(?!<\/w:r>).)*<\/w:r>/s.exec(docXml)?.[0];
    expect(codeRun).toMatch(/w:rFonts w:ascii="Consolas"/);
    const inline = /<w:r>(?:(?!<\/w:r>).)*>inline<(?:(?!<\/w:r>).)*<\/w:r>/s.exec(docXml)?.[0];
    expect(inline).toMatch(/w:rFonts w:ascii="Consolas"/);
  });

  it('writes the planted secret only as [REDACTED:…] anywhere in the package', () => {
    expect(docXml).toContain('[REDACTED:github-token]');
    for (const [name, data] of Object.entries(unzipSync(docBytes)))
      expect(strFromU8(data), name).not.toContain(SECRET);
  });
});

it('refuses a session past the size limit with a typed too_large error', async () => {
  await expect(renderDocument(session(), 'pdf', { maxChars: 500 })).rejects.toMatchObject({
    code: 'too_large',
  });
  const { exporter } = createDocumentExporter({ maxChars: 10 });
  const s = session();
  expect(() => feedSession(s, exporter, undefined)).toThrow(BatonError);
});

it('replaces characters a font lacks with U+FFFD and drops control characters, keeping newlines', () => {
  const filter = glyphFilter({ hasGlyphForCodePoint: (cp) => cp < 0x4e00 });
  expect(filter('a\u0007b\tc\nd中')).toBe('ab    c\nd\uFFFD');
});
