// Server side of the tree: HTML text with every text child and attribute value escaped.
import { escapeHtml, escapeHtmlAndBackticks } from '../format/html.js';
import { checkElement, type CodeSlot, type RenderNode } from './tree.js';

export interface HtmlSlots {
  /** Safe HTML for Markdown (the surface's own sanitizing renderer). */
  markdown(text: string): string;
  /** Writes a whole code block, escaped; the (often huge) text may go to `write` as it is, uncopied. */
  code(slot: CodeSlot, write: (chunk: string) => void): void;
}

/** Text at least this long is written on its own, never copied into a bigger chunk. */
const BIG = 64 * 1024;

export interface SerializeOptions {
  /** Also escape backticks (the tracker's templates do; exports do not). */
  backtick?: boolean;
}

/** Serializes `node` (or several) into `write`, in few chunks: flushed only around big text and at the end. */
export function writeHtml(
  node: RenderNode | readonly RenderNode[],
  write: (chunk: string) => void,
  slots: HtmlSlots,
  opts: SerializeOptions = {},
): void {
  const esc = opts.backtick ? escapeHtmlAndBackticks : escapeHtml;
  // Parts joined once per flush: a flat string per chunk, not a rope of dozens of `+=` pieces per event (those
  // made the export's final join 2-3x slower).
  let parts: string[] = [];
  const flush = (): void => {
    if (parts.length) write(parts.length === 1 ? parts[0]! : parts.join(''));
    parts = [];
  };
  // Small pieces of a code block join the current chunk; big ones (megabytes of tool output) go out as they are.
  const emit = (chunk: string): void => {
    if (chunk.length < BIG) {
      parts.push(chunk);
      return;
    }
    flush();
    write(chunk);
  };
  const walk = (n: RenderNode): void => {
    if (typeof n === 'string') {
      parts.push(esc(n));
      return;
    }
    if ('slot' in n) {
      if (n.slot === 'markdown') parts.push(slots.markdown(n.text));
      else slots.code(n, emit);
      return;
    }
    checkElement(n);
    let open = `<${n.tag}`;
    const attrs = n.attrs;
    for (const k in attrs) if (attrs[k] !== undefined) open += ` ${k}="${esc(String(attrs[k]))}"`;
    parts.push(`${open}>`);
    for (const c of n.children) if (c !== false && c !== undefined) walk(c);
    parts.push(`</${n.tag}>`);
  };
  if (Array.isArray(node)) for (const n of node) walk(n);
  else walk(node as RenderNode);
  flush();
}

export function toHtml(node: RenderNode, slots: HtmlSlots, opts: SerializeOptions = {}): string {
  let out = '';
  writeHtml(node, (c) => (out += c), slots, opts);
  return out;
}
