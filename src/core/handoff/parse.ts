// Parses a handoff Markdown document back into the model: YAML frontmatter (gray-matter's safe loader), sections by `##` heading.
import matter from 'gray-matter';
import { BatonError } from '../errors.js';
import { formatIssues } from '../routine/errors.js';
import { splitFrontmatter } from './frontmatter.js';
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

/**
 * js-yaml's safe loader, as gray-matter exposes it (its typings omit `engines`): plain YAML only, so a document from a
 * tracker or another machine can never run code (`---js` does not even open a block: splitFrontmatter wants `---`).
 */
const loadYaml = (matter as unknown as { engines: { yaml: { parse(s: string): unknown } } }).engines.yaml
  .parse;

export function isNotWritten(body: string): boolean {
  return /^_Not written\b/.test(body.trim());
}

export function parseDocument(text: string, source = 'handoff document'): HandoffDocument {
  const input = text.replace(/^\uFEFF/, '');
  const split = splitFrontmatter(input);
  if (!split) {
    throw new BatonError('invalid_input', `${source}: not a handoff document (no YAML frontmatter)`);
  }
  let data: unknown;
  try {
    data = loadYaml(split.block);
  } catch (err) {
    throw new BatonError(
      'invalid_input',
      `${source}: frontmatter is not valid YAML (${(err as Error).message.split('\n')[0]})`,
      {
        cause: err,
      },
    );
  }
  const metaResult = HandoffMeta.safeParse(data);
  if (!metaResult.success) {
    throw new BatonError(
      'invalid_input',
      formatIssues(`${source} frontmatter`, metaResult.error.issues, data),
    );
  }

  let title: string | null = null;
  const sections: HandoffDocument['sections'] = {};
  const extras: ExtraSection[] = [];
  for (const block of splitByHeadings(split.body, 2)) {
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
