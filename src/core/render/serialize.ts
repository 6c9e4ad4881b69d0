// Server side of the tree: HTML text with every text child and attribute value escaped.
import { escapeHtml, escapeHtmlAndBackticks } from '../format/html.js';
import { checkElement, type CodeSlot, type RenderNode } from './tree.js';

export interface HtmlSlots {
  /** Safe HTML for Markdown (the surface's own sanitizing renderer). */
  markdown(text: string): string;
  /** Writes a whole code block, escaped; the (often huge) text may go to `write` as it is, uncopied. */
  code(slot: CodeSlot, write: (chunk: string) => void): void;
}

/**
 * Code text at least this long is written on its own, never copied into a bigger chunk: copying tool outputs into
 * per-event chunks before the document's own join doubled the copying and the GC work of an HTML export.
 */
const BIG = 1024;

export interface SerializeOptions {
  /** Also escape backticks (the tracker's templates do; exports do not). */
  backtick?: boolean;
}

/**
 * A serializer bound to one output: `(node) => void` writes `node` (or several) in few chunks, flushed only around
 * big text and at the end. Made once per document (an exporter), so an event costs its tree and nothing more.
 */
export function createHtmlWriter(
  write: (chunk: string) => void,
  slots: HtmlSlots,
  opts: SerializeOptions = {},
): (node: RenderNode | readonly RenderNode[]) => void {
  const esc = opts.backtick ? escapeHtmlAndBackticks : escapeHtml;
  // Parts joined once per flush: a flat string per chunk, not a rope of dozens of `+=` pieces per event (those
  // made the export's final join 2-3x slower).
  let parts: string[] = [];
  const flush = (): void => {
    if (parts.length) write(parts.length === 1 ? parts[0]! : parts.join(''));
    parts = [];
  };
  // Small pieces of a code block join the current chunk; longer ones (tool output) go out as they are.
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
  return (node) => {
    if (Array.isArray(node)) for (const n of node) walk(n);
    else walk(node as RenderNode);
    flush();
  };
}

/** One-off serialization into `write` (see createHtmlWriter). */
export function writeHtml(
  node: RenderNode | readonly RenderNode[],
  write: (chunk: string) => void,
  slots: HtmlSlots,
  opts: SerializeOptions = {},
): void {
  createHtmlWriter(write, slots, opts)(node);
}

export function toHtml(node: RenderNode, slots: HtmlSlots, opts: SerializeOptions = {}): string {
  let out = '';
  writeHtml(node, (c) => (out += c), slots, opts);
  return out;
}
