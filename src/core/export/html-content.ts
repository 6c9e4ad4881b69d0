// Safe HTML for session content: escaping, highlight.js on a small language subset, Markdown with raw HTML disabled.
import hljsCore from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import type { HLJSApi, LanguageFn } from 'highlight.js';
import { Marked, type Tokens } from 'marked';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes the five HTML-significant characters: safe in text and in quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ESC[ch] as string);
}

// Our own instance: registering languages must not touch a shared global highlight.js.
const hljs: HLJSApi = (hljsCore as HLJSApi).newInstance();
const LANGUAGES: Record<string, LanguageFn> = {
  bash,
  c,
  cpp,
  css,
  diff,
  go,
  java,
  javascript,
  json,
  markdown,
  python,
  rust,
  shell,
  sql,
  typescript,
  xml,
  yaml,
};
for (const [name, fn] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, fn);
hljs.configure({ ignoreUnescapedHTML: true, throwUnescapedHTML: false });

/** A single block larger than this is never highlighted (one huge file would eat the whole budget). */
export const MAX_HIGHLIGHT_CHARS = 100_000;

const EXT_LANG: Record<string, string> = {
  sh: 'bash',
  bash: 'bash',
  zsh: 'bash',
  c: 'c',
  h: 'c',
  cc: 'cpp',
  cpp: 'cpp',
  hpp: 'cpp',
  cxx: 'cpp',
  css: 'css',
  diff: 'diff',
  patch: 'diff',
  go: 'go',
  java: 'java',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  json: 'json',
  jsonl: 'json',
  md: 'markdown',
  py: 'python',
  rs: 'rust',
  sql: 'sql',
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  html: 'xml',
  htm: 'xml',
  xml: 'xml',
  svg: 'xml',
  vue: 'xml',
  yml: 'yaml',
  yaml: 'yaml',
};

/** A registered language for a file path's extension, if any. */
export function languageForPath(path: string): string | undefined {
  const m = /\.([A-Za-z0-9]+)$/.exec(path);
  return m ? EXT_LANG[(m[1] as string).toLowerCase()] : undefined;
}

/** A registered language name for a fence info string / hint, or undefined. */
export function knownLanguage(lang: string | undefined): string | undefined {
  if (!lang) return undefined;
  const l = lang.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (!l) return undefined;
  if (hljs.getLanguage(l)) return l;
  return EXT_LANG[l];
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
 * Highlighting runs at roughly 1-2 MB/s, so an export highlights at most this many characters of code in total
 * and shows the rest escaped but plain: a 100 MB session still exports in seconds, not minutes.
 */
export const DEFAULT_HIGHLIGHT_BUDGET = 10_000_000;

export interface HtmlContent {
  /** `<pre><code>` for a block, highlighted when the language is known and the budget allows. */
  codeBlock(code: string, lang?: string): string;
  /** Assistant Markdown → safe HTML. */
  markdownHtml(text: string): string;
}

export function createHtmlContent(highlightBudget = DEFAULT_HIGHLIGHT_BUDGET): HtmlContent {
  let budget = highlightBudget;

  const codeBlock = (code: string, lang?: string): string => {
    const known = knownLanguage(lang);
    if (known && code.length <= MAX_HIGHLIGHT_CHARS && code.length <= budget) {
      budget -= code.length;
      // highlight.js escapes the source itself; its output holds only <span class="hljs-…"> markup.
      const html = hljs.highlight(code, { language: known, ignoreIllegals: true }).value;
      return `<pre><code class="hljs language-${known.replace(/[^\w+-]/g, '')}">${html}</code></pre>`;
    }
    return `<pre><code class="hljs">${escapeHtml(code)}</code></pre>`;
  };

  // Raw HTML is shown as text, links and images become plain text: the page makes no requests and nothing in a
  // session can become a live link or an element.
  const md = new Marked({
    gfm: true,
    breaks: false,
    async: false,
    renderer: {
      html(token: Tokens.HTML | Tokens.Tag): string {
        const text = escapeHtml(token.text);
        return 'block' in token && token.block ? `<p class="raw">${text}</p>` : text;
      },
      link(token: Tokens.Link): string {
        const label = this.parser.parseInline(token.tokens);
        return token.text === token.href
          ? `<span class="url">${label}</span>`
          : `${label} <span class="url">(${escapeHtml(token.href)})</span>`;
      },
      image(token: Tokens.Image): string {
        return `<span class="url">[image${token.text ? `: ${escapeHtml(token.text)}` : ''}] (${escapeHtml(token.href)})</span>`;
      },
      code(token: Tokens.Code): string {
        return codeBlock(token.text, token.lang);
      },
    },
  });

  return { codeBlock, markdownHtml: (text) => md.parse(text) as string };
}
