// Handoff documents: Markdown with frontmatter, linked to a session and a project.
import { z } from 'zod';
import { IsoDate, SessionId } from './common.js';
import { ProjectRef } from './sessions.js';

export const CreateHandoffRequest = z
  .object({
    sessionId: SessionId,
    /** Project name; else taken from `cwd`, the frontmatter, or the already stored session. */
    project: z.string().trim().min(1).max(200).optional(),
    cwd: z.string().max(4096).optional(),
    title: z.string().trim().min(1).max(300).optional(),
    /** The document. A leading `---` YAML-ish frontmatter block is parsed unless `frontmatter` is given. */
    markdown: z.string().min(1).max(1_000_000),
    frontmatter: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const HandoffSummary = z.object({
  id: z.string(),
  sessionId: z.string(),
  project: ProjectRef,
  title: z.string().nullable(),
  createdAt: IsoDate,
  url: z.string(),
});

export const Handoff = HandoffSummary.extend({
  frontmatter: z.record(z.string(), z.unknown()),
  body: z.string(),
});

export const CreateHandoffResponse = z.object({
  id: z.string(),
  sessionId: z.string(),
  projectId: z.string(),
  url: z.string(),
});

export const ListHandoffsQuery = z.object({
  project: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const ListHandoffsResponse = z.object({ handoffs: z.array(HandoffSummary) });
export const HandoffResponse = z.object({ handoff: Handoff });

export type CreateHandoffRequest = z.infer<typeof CreateHandoffRequest>;
export type HandoffSummary = z.infer<typeof HandoffSummary>;
export type Handoff = z.infer<typeof Handoff>;
export type CreateHandoffResponse = z.infer<typeof CreateHandoffResponse>;
