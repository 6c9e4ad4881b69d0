// Browser side of the tree: real DOM built with createElement, setAttribute and text nodes only, never innerHTML.
import { checkElement, type CodeSlot, type RenderNode } from './tree.js';

export interface DomSlots {
  markdown(text: string, doc: Document): Node;
  code(slot: CodeSlot, doc: Document): Node;
}

/** Markdown as what it is in a browser without a sanitizer: its text, whitespace kept. */
export const PLAIN_DOM_SLOTS: DomSlots = {
  markdown(text, doc) {
    const p = doc.createElement('p');
    p.className = 'plain-text';
    p.textContent = text;
    return p;
  },
  code(slot, doc) {
    const c = doc.createElement('code');
    if (/^[a-z0-9+-]+$/.test(slot.lang) && slot.lang !== 'auto') c.className = `hljs language-${slot.lang}`;
    c.textContent = slot.text;
    if (slot.inline) return c;
    const pre = doc.createElement('pre');
    pre.appendChild(c);
    return pre;
  },
};

export function toDom(node: RenderNode, doc: Document, slots: DomSlots = PLAIN_DOM_SLOTS): Node {
  if (typeof node === 'string') return doc.createTextNode(node);
  if ('slot' in node)
    return node.slot === 'markdown' ? slots.markdown(node.text, doc) : slots.code(node, doc);
  checkElement(node);
  const el = doc.createElement(node.tag);
  const attrs = node.attrs;
  for (const k in attrs) if (attrs[k] !== undefined) el.setAttribute(k, String(attrs[k]));
  for (const c of node.children) if (c !== false && c !== undefined) el.appendChild(toDom(c, doc, slots));
  return el;
}
