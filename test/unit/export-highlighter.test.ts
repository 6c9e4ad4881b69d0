// The generated in-page highlighter: up to date with its generator, working, and never producing markup from text.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_LANGUAGES, HIGHLIGHTER_JS } from '../../src/core/export/generated/highlighter.js';
import { knownLanguage, languageForPath } from '../../src/core/export/html-content.js';
import { XSS_PAYLOADS } from '../fixtures/export-sessions.js';

const root = join(import.meta.dirname, '..', '..');

interface PageHighlighter {
  highlight(code: string, language: string): string;
  has(language: string): boolean;
}

/** Runs the generated script as the page does (a plain script, no module system), without a DOM. */
function loadHighlighter(): PageHighlighter {
  return runInNewContext(`${HIGHLIGHTER_JS}\n;H`, { console }) as PageHighlighter;
}

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');

/** The output minus highlight spans (hljs-… tokens, language-… for embedded languages) must be the input, escaped. */
function assertOnlySpans(html: string, input: string): void {
  const text = html.replace(/<span class="(?:hljs-|language-)[\w .-]*">/g, '').replace(/<\/span>/g, '');
  expect(text).not.toMatch(/[<>"]/);
  expect(decode(text)).toBe(input);
}

describe('generated highlighter', () => {
  it('is what scripts/gen-highlighter.mjs generates (run it and commit when this fails)', () => {
    // Exits non-zero (and throws here) when src/core/export/generated/highlighter.ts is stale.
    const out = execFileSync(process.execPath, ['scripts/gen-highlighter.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(out).toBe('');
  });

  it('registers every language the export can tag, and highlights them', () => {
    const H = loadHighlighter();
    const names = [...new Set(Object.values(HIGHLIGHT_LANGUAGES))];
    expect(names.length).toBeGreaterThanOrEqual(13);
    for (const name of names) expect(H.has(name), name).toBe(true);
    expect(H.has('brainfuck')).toBe(false);
    expect(H.highlight('const a: number = 1;', 'typescript')).toContain(
      '<span class="hljs-keyword">const</span>',
    );
    expect(H.highlight('def f():\n    return 1', 'python')).toContain(
      '<span class="hljs-keyword">def</span>',
    );
    expect(H.highlight('{"a": [1, true]}', 'json')).toContain('<span class="hljs-attr">&quot;a&quot;</span>');
    expect(H.highlight('-old\n+new', 'diff')).toContain('<span class="hljs-addition">+new</span>');
  });

  it('turns XSS payloads into escaped text inside spans, in every language', () => {
    const H = loadHighlighter();
    const input = XSS_PAYLOADS.join('\n');
    for (const name of new Set(Object.values(HIGHLIGHT_LANGUAGES))) {
      assertOnlySpans(H.highlight(input, name), input);
    }
  });

  it('maps fence info and file extensions onto the bundled languages only', () => {
    expect(knownLanguage('ts')).toBe('typescript');
    expect(knownLanguage('TSX title="x"')).toBe('typescript');
    expect(knownLanguage('sh')).toBe('bash');
    expect(knownLanguage('yml')).toBe('yaml');
    expect(knownLanguage('html')).toBe('xml');
    expect(knownLanguage('brainfuck')).toBeUndefined();
    expect(knownLanguage('constructor')).toBeUndefined();
    expect(knownLanguage('toString')).toBeUndefined();
    expect(languageForPath('/a/b/main.rs')).toBe('rust');
    expect(languageForPath('/a/b/constructor')).toBeUndefined();
    expect(languageForPath('/a/b.hasOwnProperty')).toBeUndefined();
  });
});
