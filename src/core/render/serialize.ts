// Server side of the tree: HTML text with every text child and attribute value escaped.
import { escapeHtml, escapeHtmlAndBackticks } from '../format/html.js';
import { checkElement, type CodeSlot, type RenderNode } from './tree.js';

export interface HtmlSlots {
  /** Safe HTML for Markdown (the surface's own sanitizing renderer). */
  markdown(text: string): string;
  /** Writes a whole code block, escaped; the (often huge) text may go to `write` as it is, uncopied. */
  code(slot: CodeSlot, write: (chunk: string) => void): void;
}

export interface SerializeOptions {
  /** Also escape backticks (the tracker's templates do; exports do not). */
  backtick?: boolean;
}

/** Serializes `node` into `write`, in few chunks: a buffer is flushed only before code blocks and at the end. */
export function writeHtml(
  node: RenderNode,
  write: (chunk: string) => void,
  slots: HtmlSlots,
  opts: SerializeOptions = {},
): void {
  const esc = opts.backtick ? escapeHtmlAndBackticks : escapeHtml;
  let buf = '';
  const flushing = (chunk: string): void => {
    if (buf) {
      write(buf);
      buf = '';
    }
    write(chunk);
  };
  const walk = (n: RenderNode): void => {
    if (typeof n === 'string') {
      buf += esc(n);
      return;
    }
    if ('slot' in n) {
      if (n.slot === 'markdown') buf += slots.markdown(n.text);
      else slots.code(n, flushing);
      return;
    }
    checkElement(n);
    buf += `<${n.tag}`;
    for (const [k, v] of n.attrs) buf += ` ${k}="${esc(v)}"`;
    buf += '>';
    for (const c of n.children) walk(c);
    buf += `</${n.tag}>`;
  };
  walk(node);
  if (buf) write(buf);
}

export function toHtml(node: RenderNode, slots: HtmlSlots, opts: SerializeOptions = {}): string {
  let out = '';
  writeHtml(node, (c) => (out += c), slots, opts);
  return out;
}
