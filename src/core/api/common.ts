// Shared building blocks of the tracker HTTP API: enums, error body, pagination and query-string helpers.
import { z } from 'zod';

export const API_PREFIX = '/api/v1';

/** Who may read a session or post: only its owner, anyone holding the share slug, or everyone. */
export const Visibility = z.enum(['private', 'unlisted', 'public']);
export const SessionStatus = z.enum(['active', 'completed', 'interrupted', 'error']);
/** How a session reached the tracker: incremental sync, a whole-file upload, or the AgentPipe ingest bridge. */
export const SessionSource = z.enum(['cli-stream', 'cli-upload', 'ingest']);
/** What last moved a project's "latest session" pointer. */
export const PointerSource = z.enum(['cli-stream', 'cli-upload', 'ingest', 'handoff']);
export const ExportFormat = z.enum(['md', 'json', 'html', 'txt']);

export const SessionId = z.string().min(1).max(200);
export const IsoDate = z.string().describe('ISO 8601 timestamp (UTC)');

export const ErrorBody = z.object({
  error: z.object({
    code: z.string().describe('stable machine-readable code, e.g. invalid_request, auth, not_found'),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

export const Pagination = z.object({
  page: z.number().int().min(1),
  limit: z.number().int().min(1),
  total: z
    .number()
    .int()
    .nonnegative()
    .describe(
      'matching items. For a session search (`search=`), only the 1,000 newest matching search documents (~2,000 characters of prompts and replies each) are ranked, so the total counts the sessions among them: exact when fewer documents match, otherwise a lower bound',
    ),
  totalPages: z.number().int().nonnegative(),
});

/** Query-string boolean: true/false/1/0. */
export const QueryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const PageQuery = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};

export const OkResponse = z.object({ ok: z.literal(true) });

export type Visibility = z.infer<typeof Visibility>;
export type SessionStatus = z.infer<typeof SessionStatus>;
export type SessionSource = z.infer<typeof SessionSource>;
export type PointerSource = z.infer<typeof PointerSource>;
export type ExportFormat = z.infer<typeof ExportFormat>;
export type ErrorBody = z.infer<typeof ErrorBody>;
export type Pagination = z.infer<typeof Pagination>;
