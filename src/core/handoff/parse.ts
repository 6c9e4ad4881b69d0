// Parses a handoff Markdown document back into the model: frontmatter via gray-matter (YAML only), sections by `##` heading.
import matter from 'gray-matter';
import { BatonError } from '../errors.js';
import { formatIssues } from '../routine/errors.js';
import {
  DOCUMENT_SECTIONS,
  HandoffMeta,
  SECTION_HEADINGS,
  type DocumentSectionId,
  type ExtraSection,
  type HandoffDocument,
} from './document.js';
import { normalizeHeading, splitByHeadings } from './markdown.js';

const BY_HEADING = new Map<string, DocumentSectionId>(
  DOCUMENT_SECTIONS.map((id) => [normalizeHeading(SECTION_HEADINGS[id]), id]),
);

function refuseEngine(): never {
  throw new BatonError('invalid_input', 'handoff frontmatter must be YAML');
}

/** Documents may come from a tracker or another machine: only plain YAML frontmatter is accepted, never `---js`. */
const MATTER_ENGINES = { js: refuseEngine, javascript: refuseEngine };

export function isNotWritten(body: string): boolean {
  return /^_Not written\b/.test(body.trim());
}

export function parseDocument(text: string, source = 'handoff document'): HandoffDocument {
  const input = text.replace(/^\uFEFF/, '');
  if (!/^---\r?\n/.test(input)) {
    throw new BatonError('invalid_input', `${source}: not a handoff document (no YAML frontmatter)`);
  }
  let parsed: { data: unknown; content: string };
  try {
    parsed = matter(input, { language: 'yaml', engines: MATTER_ENGINES });
  } catch (err) {
    if (err instanceof BatonError) throw err;
    throw new BatonError(
      'invalid_input',
      `${source}: frontmatter is not valid YAML (${(err as Error).message.split('\n')[0]})`,
      {
        cause: err,
      },
    );
  }
  const metaResult = HandoffMeta.safeParse(parsed.data);
  if (!metaResult.success) {
    throw new BatonError(
      'invalid_input',
      formatIssues(`${source} frontmatter`, metaResult.error.issues, parsed.data),
    );
  }

  let title: string | null = null;
  const sections: HandoffDocument['sections'] = {};
  const extras: ExtraSection[] = [];
  for (const block of splitByHeadings(parsed.content, 2)) {
    if (block.heading === null) continue;
    if (block.level === 1 && title === null) {
      title = block.heading;
      continue;
    }
    const id = block.level === 2 ? BY_HEADING.get(normalizeHeading(block.heading)) : undefined;
    if (id !== undefined && !(id in sections)) sections[id] = isNotWritten(block.body) ? null : block.body;
    else extras.push({ heading: block.heading, body: block.body });
  }
  if (title === null) throw new BatonError('invalid_input', `${source}: no "# " title line`);
  return { meta: metaResult.data, title, sections, extras };
}
