// Renders a handoff document as Markdown with YAML frontmatter (gray-matter), sections in canonical order.
import matter from 'gray-matter';
import {
  DOCUMENT_SECTIONS,
  NOT_WRITTEN,
  SECTION_HEADINGS,
  type HandoffDocument,
  type HandoffMeta,
} from './document.js';
import { demoteHeadings } from './markdown.js';

/** Fixed key order, so two renderings of the same document are byte-identical. */
function frontmatterOf(meta: HandoffMeta): Record<string, unknown> {
  return {
    contextId: meta.contextId,
    topic: meta.topic,
    date: meta.date,
    sessionId: meta.sessionId,
    projects: meta.projects.map((p) => ({
      name: p.name,
      path: p.path,
      branch: p.branch,
      ...(p.head !== undefined ? { head: p.head } : {}),
      ...(p.remote !== undefined ? { remote: p.remote } : {}),
    })),
    cwd: meta.cwd,
    claudeVersion: meta.claudeVersion,
    batonVersion: meta.batonVersion,
    routine: meta.routine,
    preset: meta.preset,
    narrativeMissing: meta.narrativeMissing,
  };
}

export function renderBody(doc: Pick<HandoffDocument, 'title' | 'sections' | 'extras'>): string {
  const parts = [`# ${doc.title.replace(/\s+/g, ' ').trim()}`];
  for (const id of DOCUMENT_SECTIONS) {
    if (!(id in doc.sections)) continue;
    const body = doc.sections[id];
    parts.push(
      `## ${SECTION_HEADINGS[id]}\n\n${body === null || body === undefined ? NOT_WRITTEN : demoteHeadings(body.trim())}`,
    );
  }
  for (const extra of doc.extras)
    parts.push(`## ${extra.heading.trim()}\n\n${demoteHeadings(extra.body.trim())}`);
  return `${parts.join('\n\n')}\n`;
}

export function renderDocument(doc: HandoffDocument): string {
  // Passing options keeps gray-matter from caching by content (its cache returns shared objects).
  return matter.stringify(`\n${renderBody(doc)}`, frontmatterOf(doc.meta), {});
}
