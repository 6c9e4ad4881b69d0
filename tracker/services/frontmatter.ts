// The tracker reads handoff frontmatter with core's tolerant reader: one fence rule for plugin and tracker.
// It also splits a stored handoff for display: the plugin sends the whole document (YAML block and `# title`
// included) beside its frontmatter as an object, so the page must not render that block again as Markdown.
import { parseFrontmatter, splitFrontmatter } from '../../src/core/handoff/frontmatter.js';

export { parseFrontmatter, type ParsedDocument } from '../../src/core/handoff/frontmatter.js';

export interface HandoffDisplay {
  /** Frontmatter as label/value pairs, in the document's order; empty values left out. */
  meta: { key: string; value: string }[];
  /** The Markdown to render: no frontmatter block, and no leading `# heading` repeating the title. */
  body: string;
}

export function handoffDisplay(h: {
  title: string | null;
  frontmatter: Record<string, unknown>;
  body: string;
}): HandoffDisplay {
  const split = splitFrontmatter(h.body);
  // Rows stored before the split carry the block in the body; their frontmatter column may be empty.
  const fields = Object.keys(h.frontmatter).length
    ? h.frontmatter
    : split
      ? parseFrontmatter(h.body).frontmatter
      : {};
  const meta = Object.entries(fields)
    .map(([key, v]) => ({ key, value: displayValue(v) }))
    .filter((m) => m.value !== '');
  return { meta, body: withoutTitleHeading(split ? split.body : h.body, h.title) };
}

/** Drops the first `# heading` when it says what the page's <h1> already says. */
function withoutTitleHeading(body: string, title: string | null): string {
  const m = /^\s*#[ \t]+(.+?)[ \t#]*(?:\r?\n|$)/.exec(body);
  if (!m || !title || norm(m[1]!) !== norm(title)) return body;
  return body.slice(m[0].length);
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

function displayValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(displayValue).filter(Boolean).join('; ');
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => (displayValue(x) ? `${k}: ${displayValue(x)}` : ''))
      .filter(Boolean)
      .join(', ');
  return String(v);
}
