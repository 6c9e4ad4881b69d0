// Safe Markdown for session content: raw HTML is shown as text, links are sanitized, code is highlighted.
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import cLang from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdownLang from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import sqlLang from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { createMarkdownHtml } from '../../src/core/format/markdown-html.js';
import { escapeHtml, trusted, type SafeHtml } from './html.js';

// A fixed set keeps the bundle small; unknown languages render as plain escaped text.
// It covers every language of core's extension table (src/core/render/languages.ts), so diffs highlight alike here
// and in HTML exports.
const LANGS = {
  bash,
  c: cLang,
  cpp,
  css,
  diff,
  go,
  java,
  javascript,
  json,
  markdown: markdownLang,
  python,
  rust,
  shell,
  sql: sqlLang,
  typescript,
  xml,
  yaml,
};
for (const [name, lang] of Object.entries(LANGS)) hljs.registerLanguage(name, lang);
hljs.registerAliases(['sh', 'zsh', 'console'], { languageName: 'bash' });
hljs.registerAliases(['js', 'jsx', 'mjs', 'cjs'], { languageName: 'javascript' });
hljs.registerAliases(['ts', 'tsx', 'mts'], { languageName: 'typescript' });
hljs.registerAliases(['html', 'svg'], { languageName: 'xml' });
hljs.registerAliases(['py'], { languageName: 'python' });
hljs.registerAliases(['yml'], { languageName: 'yaml' });
hljs.registerAliases(['md'], { languageName: 'markdown' });
hljs.registerAliases(['rs'], { languageName: 'rust' });

/** Highlighted (or plainly escaped) code; hljs escapes its input, so the result is safe to embed. */
export function highlightCode(code: string, lang?: string | null): SafeHtml {
  const name = (lang ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (name && hljs.getLanguage(name) && code.length <= 200_000) {
    return trusted(hljs.highlight(code, { language: name, ignoreIllegals: true }).value);
  }
  return trusted(escapeHtml(code));
}

// The Markdown rules (raw HTML as text, sanitized live links, images never loaded) are core's `page` surface; the
// tracker adds only its server-side highlighting.
const render = createMarkdownHtml({
  surface: 'page',
  code(text, rawLang) {
    const lang = (rawLang ?? '').trim().split(/\s+/)[0] ?? '';
    const cls = lang ? ` class="hljs language-${escapeHtml(lang.replace(/[^\w-]/g, ''))}"` : ' class="hljs"';
    return `<pre><code${cls}>${highlightCode(text, lang).value}</code></pre>\n`;
  },
});

/** Renders Markdown to HTML that carries no script, no raw tags and no dangerous URLs. */
export function renderMarkdown(text: string): SafeHtml {
  return trusted(render(text));
}
