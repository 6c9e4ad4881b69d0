// Safe HTML for session content: escaping, code blocks tagged for in-page highlighting, Markdown with raw HTML off.
import { escapeHtml, escapeText } from '../format/html.js';
import { createMarkdownHtml } from '../format/markdown-html.js';
import { languageForExtension, languageForPath, ownValue } from '../render/languages.js';
import { HIGHLIGHT_LANGUAGES } from './generated/highlighter.js';

// The escapers live in core/format (the tracker's templates use the same one); exporters import them from here.
export { escapeHtml, escapeText, languageForPath };

/** Longer blocks get no language class, so the page never highlights them: one would stall it for seconds. */
export const MAX_HIGHLIGHT_CHARS = 100_000;

/** A registered language name for a fence info string / hint, or undefined. */
export function knownLanguage(lang: string | undefined): string | undefined {
  if (!lang) return undefined;
  const l = lang.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (!l) return undefined;
  return ownValue(HIGHLIGHT_LANGUAGES, l) ?? languageForExtension(l);
}

/** A guess at a tool result's language: the file's for Read, JSON when it parses, else none. */
export function resultLanguage(content: string, filePath: string | undefined): string | undefined {
  if (filePath) return languageForPath(filePath);
  const t = content.trim();
  if (t.length <= MAX_HIGHLIGHT_CHARS && /^[[{]/.test(t) && /[\]}]$/.test(t)) {
    try {
      JSON.parse(t);
      return 'json';
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Anything Markdown could read as markup: inline syntax, HTML, entities, escapes, autolinks (`://`, `www.`, `@`),
 * tabs and control characters, and lines that could open a block (indent, list, heading, rule, setext underline)
 * or end in a hard break. Text free of all of it renders as plain paragraphs.
 */
const NOT_PLAIN = /[`*_~[\]<>&|\\!#@\t\r\0-\x08\x0b\x0c\x0e-\x1f]|:\/\/|www\.|^[ \d=+:-]| {2}\n/im;

/**
 * Prose without any Markdown syntax (most thinking and much of the answers) rendered the way marked renders it,
 * `<p>…</p>` per blank-line-separated block, without marked's inline regexes, which are the slowest part of an
 * HTML export. Undefined when the text needs the real parser. A test compares both on generated prose.
 */
export function plainParagraphs(text: string): string | undefined {
  if (NOT_PLAIN.test(text)) return undefined;
  let out = '';
  for (const para of text.split(/\n{2,}/)) {
    const p = para.replace(/^\n+|\n+$/g, '');
    if (p !== '') out += `<p>${escapeHtml(p)}</p>\n`;
  }
  return out;
}

const CONTROL = /[\x00-\x09\x0b-\x1f]/;
const FENCE_OPEN = /^```([A-Za-z0-9_+#.-]*)$/;
/** What marked would take as the end of a backtick fence: only the exact ` ``` ` line is handled here. */
const CLOSER_LIKE = /^ {0,3}`{3,}[ \t]*$/;

/**
 * Plain paragraphs around fenced code blocks (` ```lang ` … ` ``` ` at the start of lines), the other common
 * shape of an answer, rendered as marked renders it with our code renderer. Undefined for anything else: an
 * unclosed or indented fence, a fence of other length, tabs or control characters, Markdown in the prose.
 */
export function fencedParagraphs(
  text: string,
  codeBlock: (code: string, lang?: string) => string,
): string | undefined {
  if (CONTROL.test(text)) return undefined;
  const lines = text.split('\n');
  let out = '';
  let start = 0; // first line of the pending prose
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i]!);
    if (!open) continue;
    let close = i + 1;
    while (close < lines.length && lines[close] !== '```') {
      if (CLOSER_LIKE.test(lines[close]!)) return undefined;
      close++;
    }
    // Unclosed, empty, or ending in a blank line (marked keeps an extra newline there): leave it to marked.
    if (close === lines.length || close === i + 1 || lines[close - 1] === '') return undefined;
    const prose = plainParagraphs(lines.slice(start, i).join('\n'));
    if (prose === undefined) return undefined;
    out += prose + codeBlock(lines.slice(i + 1, close).join('\n'), open[1] || undefined);
    start = close + 1;
    i = close;
  }
  const prose = plainParagraphs(lines.slice(start).join('\n'));
  return prose === undefined ? undefined : out + prose;
}

export interface HtmlContent {
  /** `<pre><code>` opening tag for `code`: a `language-…` class marks it for the page's lazy highlighter. */
  codeOpen(code: string, lang?: string): string;
  /** A whole block: codeOpen + escapeText(code) + CODE_CLOSE. */
  codeBlock(code: string, lang?: string): string;
  /** Assistant Markdown → safe HTML. */
  markdownHtml(text: string): string;
}

export const CODE_CLOSE = '</code></pre>';

/**
 * Code is highlighted in the browser, lazily (see html-assets.ts): here it is only escaped and tagged with its
 * language, so exporting costs the same whatever the amount of code.
 */
/** `fastPaths: false` sends all Markdown through marked: the tests compare both ways. */
export function createHtmlContent(opts: { fastPaths?: boolean } = {}): HtmlContent {
  const codeOpen = (code: string, lang?: string): string => {
    const known = code.length <= MAX_HIGHLIGHT_CHARS ? knownLanguage(lang) : undefined;
    // Known names are [a-z0-9+] from our own table: safe inside the attribute as they are.
    return known ? `<pre><code class="language-${known}">` : '<pre><code>';
  };
  const codeBlock = (code: string, lang?: string): string =>
    `${codeOpen(code, lang)}${escapeText(code)}${CODE_CLOSE}`;

  // Links and images become plain text, raw HTML is shown as text: core's `document` surface, so the page makes no
  // requests and nothing in a session can become a live link or an element.
  const slow = createMarkdownHtml({ surface: 'document', code: codeBlock });
  const markdownHtml =
    opts.fastPaths === false
      ? slow
      : (text: string): string => {
          const fast = text.includes('```') ? fencedParagraphs(text, codeBlock) : plainParagraphs(text);
          return fast ?? slow(text);
        };
  return { codeOpen, codeBlock, markdownHtml };
}
