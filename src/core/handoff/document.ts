// The handoff document model: frontmatter fields plus Markdown sections (null = a narrative section not written).
import { z } from 'zod';
import { DOCUMENT_SECTIONS, DocumentSectionId, NarrativeSectionId } from '../routine/schema.js';
import { CONTEXT_ID_RE } from './context-id.js';

export { DOCUMENT_SECTIONS, DocumentSectionId, NarrativeSectionId };

export const SECTION_HEADINGS: Record<DocumentSectionId, string> = {
  projects: 'Projects worked on',
  summary: 'Session summary',
  facts: 'Session facts',
  accomplished: 'Accomplished',
  decisions: 'Key decisions',
  files: 'Files created/modified',
  nextSteps: 'Next steps',
  resume: 'Resume',
};

/** Marks a narrative section nobody wrote, so a reader never mistakes silence for "nothing happened". */
export const NOT_WRITTEN =
  '_Not written: no narrative was given for this section (run `/baton:end` in the session, or pass `--narrative` to `baton handoff create`)._';

/** YAML turns an unquoted timestamp into a Date: accept both. */
const isoString = z.preprocess((v) => (v instanceof Date ? v.toISOString() : v), z.string().min(1).max(64));

export const HandoffProjectRef = z.object({
  name: z.string().min(1).max(200),
  /** Absolute path on the machine that wrote the handoff (null in path-stripped renderings). */
  path: z.string().max(4096).nullable(),
  branch: z.string().max(300).nullable(),
  head: z.string().max(64).nullable().optional(),
  /** `origin` URL with any credentials removed: identifies the project across machines. */
  remote: z.string().max(2048).nullable().optional(),
});

export const HandoffMeta = z.object({
  contextId: z.string().regex(CONTEXT_ID_RE, 'must look like <topic>-YYYY-MM-DD-HHMMSS'),
  topic: z.string().max(300),
  date: isoString,
  sessionId: z.string().max(200).nullable(),
  /** Main project first: the one the session's working directory belongs to. */
  projects: z.array(HandoffProjectRef),
  cwd: z.string().max(4096).nullable(),
  claudeVersion: z.string().max(64).nullable(),
  batonVersion: z.string().max(64).nullable(),
  routine: z.string().max(64),
  preset: z.string().max(64).nullable(),
  /** Narrative sections that were not written (marked as such in the body). */
  narrativeMissing: z.array(NarrativeSectionId),
});

export const ExtraSection = z.object({ heading: z.string().min(1).max(300), body: z.string() });

export const HandoffDocument = z.object({
  meta: HandoffMeta,
  title: z.string().min(1).max(500),
  /** Present keys are rendered in DOCUMENT_SECTIONS order; null renders as NOT_WRITTEN. */
  sections: z.partialRecord(DocumentSectionId, z.string().nullable()),
  /** Sections under headings Baton does not know (kept, rendered after the known ones). */
  extras: z.array(ExtraSection).default([]),
});

export type HandoffProjectRef = z.infer<typeof HandoffProjectRef>;
export type HandoffMeta = z.infer<typeof HandoffMeta>;
export type HandoffDocument = z.infer<typeof HandoffDocument>;
export type ExtraSection = z.infer<typeof ExtraSection>;
