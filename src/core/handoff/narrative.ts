// Reads the model-written narrative (Markdown, sections by heading) into the four narrative sections.
import { NARRATIVE_SECTIONS, type NarrativeSectionId } from '../routine/schema.js';
import { isNotWritten } from './parse.js';
import { normalizeHeading, splitByHeadings } from './markdown.js';
import type { ExtraSection } from './document.js';

/** Headings people (and models) actually write for each section. */
const ALIASES: Record<NarrativeSectionId, string[]> = {
  summary: ['session summary', 'summary', 'where things stand', 'overview', 'status', 'context'],
  accomplished: ['accomplished', 'what was accomplished', 'what got done', 'done', 'completed', 'progress'],
  decisions: ['key decisions', 'decisions', 'decisions made', 'design decisions'],
  nextSteps: ['next steps', 'what to do next', 'next', 'todo', 'to do', 'remaining work', 'open items'],
};

/** Headings of the generated sections: a pasted template repeats them, and they are not the model's to write. */
const GENERATED = new Set(
  [
    'projects worked on',
    'projects',
    'session facts',
    'files created/modified',
    'files created modified',
    'files',
    'resume',
  ].map(normalizeHeading),
);

const BY_ALIAS = new Map<string, NarrativeSectionId>();
for (const id of NARRATIVE_SECTIONS) for (const a of ALIASES[id]) BY_ALIAS.set(normalizeHeading(a), id);

export interface ParsedNarrative {
  sections: Partial<Record<NarrativeSectionId, string>>;
  extras: ExtraSection[];
  warnings: string[];
}

export function narrativeSectionFor(heading: string): NarrativeSectionId | undefined {
  return BY_ALIAS.get(normalizeHeading(heading));
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max).replace(/\s+\S*$/, '')}\n\n… [truncated: ${text.length - max} more characters]`;
}

export function parseNarrative(markdown: string, opts: { maxSectionChars?: number } = {}): ParsedNarrative {
  const max = opts.maxSectionChars ?? 8_000;
  const out: ParsedNarrative = { sections: {}, extras: [], warnings: [] };
  const blocks = splitByHeadings(markdown);
  const known = blocks.some((b) => b.heading !== null && narrativeSectionFor(b.heading) !== undefined);
  if (!known) {
    // No recognised heading at all: the whole text is the summary rather than lost.
    const text = markdown.trim();
    if (text !== '') {
      out.sections.summary = clip(text, max);
      out.warnings.push('no known section heading in the narrative: all of it became the session summary');
    }
    return out;
  }

  type Target =
    { kind: 'section'; id: NarrativeSectionId } | { kind: 'extra'; heading: string } | { kind: 'skip' };
  let target: Target | null = null;
  let targetLevel = 0;
  const acc = new Map<string, string[]>();
  const push = (key: string, text: string) => {
    if (!acc.has(key)) acc.set(key, []);
    if (text !== '') acc.get(key)!.push(text);
  };
  const keyOf = (t: Target) =>
    t.kind === 'section' ? `s:${t.id}` : t.kind === 'extra' ? `x:${t.heading}` : 'skip';

  for (const block of blocks) {
    if (block.heading === null) {
      if (block.body.trim() !== '') out.warnings.push('text before the first section heading was left out');
      continue;
    }
    const id = narrativeSectionFor(block.heading);
    const norm = normalizeHeading(block.heading);
    if (id !== undefined) {
      target = { kind: 'section', id };
      targetLevel = block.level;
      push(keyOf(target), block.body);
    } else if (target !== null && block.level > targetLevel) {
      // A sub-heading inside a section belongs to that section.
      push(keyOf(target), `${'#'.repeat(Math.max(3, block.level))} ${block.heading}\n\n${block.body}`.trim());
    } else if (block.level === 1 && /^handoff\b/.test(norm)) {
      target = null; // a pasted document title: a container, not content
    } else if (GENERATED.has(norm)) {
      target = { kind: 'skip' };
      targetLevel = block.level;
      out.warnings.push(`ignored section "${block.heading}": Baton generates it from facts`);
    } else {
      target = { kind: 'extra', heading: block.heading };
      targetLevel = block.level;
      push(keyOf(target), block.body);
    }
  }

  for (const [key, parts] of acc) {
    const text = parts.join('\n\n').trim();
    if (key.startsWith('s:')) {
      const id = key.slice(2) as NarrativeSectionId;
      if (text === '' || isNotWritten(text)) continue;
      out.sections[id] = clip(text, max);
    } else if (key.startsWith('x:') && text !== '') {
      out.extras.push({ heading: key.slice(2), body: clip(text, max) });
    }
  }
  return out;
}
