// A small DOM-agnostic tree: what the one event renderer builds, serialized on servers and materialized in browsers.

/**
 * Session text only ever lands in text children and attribute values. Tag and attribute names come from the
 * renderer's own code, and only from these lists: both the serializer and the browser refuse anything else, so no
 * event can grow an `href`, an `on…` handler or a `<script>` on any surface.
 */
export const TAGS = [
  'b',
  'code',
  'details',
  'div',
  'li',
  'p',
  'pre',
  'small',
  'span',
  'summary',
  'time',
] as const;
export type Tag = (typeof TAGS)[number];
const TAG_SET: ReadonlySet<string> = new Set(TAGS);
// `open` only ever gets '' (a small diff's <details> starts open).
const ATTR = /^(?:class|datetime|open|data-[a-z]+)$/;

/** An attribute or child that is undefined or false is left out (so trees read as markup, `cond && h(...)`). */
export type Attrs = Readonly<Record<string, string | number | undefined>> | null;
export type Child = RenderNode | false | undefined;

export interface RenderElement {
  tag: Tag;
  attrs: Attrs;
  children: readonly Child[];
}

/** Assistant/user Markdown: HTML from the surface's safe Markdown renderer on servers, plain text in the browser. */
export interface MarkdownSlot {
  slot: 'markdown';
  text: string;
}

/** A code block: the surface decides how it is highlighted (in the page, on the server, or not at all). */
export interface CodeSlot {
  slot: 'code';
  text: string;
  /** A language name, or `auto`: guessed from `filePath` or the text itself. */
  lang: string;
  filePath?: string;
  /** One line of a diff: a bare `<code>`, no `<pre>` around it. */
  inline?: boolean;
}

export type RenderNode = RenderElement | string | MarkdownSlot | CodeSlot;

/** `h('div', { class: 'msg' }, 'text', h(...))`. Kept as given: one tree per event of every export, no copies. */
export function h(tag: Tag, attrs: Attrs, ...children: Child[]): RenderElement {
  return { tag, attrs, children };
}

export function markdown(text: string): MarkdownSlot {
  return { slot: 'markdown', text };
}

export function code(text: string, lang: string, filePath?: string): CodeSlot {
  return filePath === undefined ? { slot: 'code', text, lang } : { slot: 'code', text, lang, filePath };
}

/** A line of code inside a diff row; `lang` is from the fixed extension table or '' (plain). */
export function codeLine(text: string, lang: string): CodeSlot {
  return { slot: 'code', text, lang, inline: true };
}

/** Throws on a tag or attribute name outside the lists above: a renderer bug, never a content problem. */
export function checkElement(node: RenderElement): void {
  if (!TAG_SET.has(node.tag)) throw new Error(`render: tag <${node.tag}> is not allowed`);
  for (const name in node.attrs)
    if (!ATTR.test(name)) throw new Error(`render: attribute ${name} is not allowed`);
}
