// The one Markdown → HTML renderer (marked): exports and tracker pages differ only in the surface they ask for.
import { Marked, type RendererObject, type Tokens } from 'marked';
import { escapeHtml, escapeHtmlAndBackticks, safeHref } from './html.js';

/**
 * Rules for every surface: GitHub-flavoured, no soft line breaks, synchronous; raw HTML in a session is content, so
 * it is shown as escaped text, never passed through; an image is never loaded (a remote one is a tracking beacon).
 * - `page`: a tracker page. Links stay live (sanitized href, `rel="nofollow noopener noreferrer"`); an image becomes
 *   a link to it; escaping covers backticks like the page templates do.
 * - `document`: a standalone export. The file makes no requests and nothing in it can become a live link: links and
 *   images become text with their address; a raw HTML block stays visible as `<p class="raw">`.
 */
export type MarkdownSurface = 'page' | 'document';

export interface MarkdownHtmlOptions {
  surface: MarkdownSurface;
  /** A fenced or indented code block (`lang` as written after the fence): tracker highlights, exports tag. */
  code(text: string, lang: string | undefined): string;
}

/** A renderer; marked is set up on first use (milliseconds an export of plain prose never spends). */
export function createMarkdownHtml(opts: MarkdownHtmlOptions): (text: string) => string {
  let md: Marked | undefined;
  return (text) =>
    (md ??= new Marked({ gfm: true, breaks: false, async: false, renderer: renderer(opts) })).parse(
      text,
    ) as string;
}

function renderer(opts: MarkdownHtmlOptions): RendererObject {
  const code = (token: Tokens.Code): string => opts.code(token.text, token.lang);
  if (opts.surface === 'page') {
    const esc = escapeHtmlAndBackticks;
    return {
      html: (token: Tokens.HTML | Tokens.Tag): string => esc(token.text),
      link(token: Tokens.Link): string {
        const text = this.parser.parseInline(token.tokens);
        const title = token.title ? ` title="${esc(token.title)}"` : '';
        return `<a href="${esc(safeHref(token.href))}"${title} rel="nofollow noopener noreferrer">${text}</a>`;
      },
      image: (token: Tokens.Image): string =>
        `<a href="${esc(safeHref(token.href))}" rel="nofollow noopener noreferrer">[image: ${esc(token.text || 'untitled')}]</a>`,
      code,
    };
  }
  return {
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
    image: (token: Tokens.Image): string =>
      `<span class="url">[image${token.text ? `: ${escapeHtml(token.text)}` : ''}] (${escapeHtml(token.href)})</span>`,
    code,
  };
}
