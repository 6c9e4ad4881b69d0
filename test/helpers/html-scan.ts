// Structural checks for exported HTML: the one inline script, the CSP hash, and an allowlist of tags/attributes.
import { createHash } from 'node:crypto';

export const ALLOWED_TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'div',
  'main',
  'header',
  'section',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'span',
  'b',
  'i',
  'em',
  'strong',
  'del',
  'small',
  'time',
  'code',
  'pre',
  'details',
  'summary',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'ul',
  'ol',
  'li',
  'input',
  'label',
  'button',
  'blockquote',
  'br',
  'hr',
  'script',
]);

export const ALLOWED_ATTRS = new Set([
  'class',
  'id',
  // A small diff's <details> starts open.
  'open',
  'lang',
  'charset',
  'http-equiv',
  'content',
  'name',
  'type',
  'placeholder',
  'aria-label',
  'aria-live',
  'autocomplete',
  'spellcheck',
  'role',
  'datetime',
  'align',
  'start',
  'checked',
  'disabled',
]);

export interface HtmlScan {
  script: string;
  cspScriptHash: string | undefined;
  actualScriptHash: string;
  /** Tags outside the allowlist, and allowed tags with attributes outside it. */
  badTags: string[];
  badAttrs: string[];
  /** `<` followed by a letter or `/` that did not parse as a tag (should be none). */
  strayTagStarts: number;
}

export function scanHtml(html: string): HtmlScan {
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script\s*>/gi)];
  if (scripts.length !== 1) throw new Error(`expected exactly one <script>, found ${scripts.length}`);
  const script = scripts[0]![1]!;
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/
    .exec(html)?.[1]
    ?.replace(/&#39;/g, "'");
  const cspScriptHash = /script-src '(sha256-[^']+)'/.exec(csp ?? '')?.[1];
  const actualScriptHash = `sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}`;
  const rest = html.replace(scripts[0]![0], '<script></script>').replace(/^<!doctype html>/i, '');
  const badTags: string[] = [];
  const badAttrs: string[] = [];
  const tagRe = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  for (const m of rest.matchAll(tagRe)) {
    const name = m[2]!.toLowerCase();
    if (!ALLOWED_TAGS.has(name)) badTags.push(m[0]);
    for (const a of (m[3] ?? '').matchAll(/([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      const attr = a[1]!.toLowerCase();
      const value = a[2] ?? '';
      if (!ALLOWED_ATTRS.has(attr) || /javascript:|url\(|https?:/i.test(value))
        badAttrs.push(`${name} ${a[0]}`);
    }
  }
  const withoutTags = rest.replace(tagRe, '');
  const strayTagStarts = (withoutTags.match(/<[a-zA-Z/!?]/g) ?? []).length;
  return { script, cspScriptHash, actualScriptHash, badTags, badAttrs, strayTagStarts };
}
