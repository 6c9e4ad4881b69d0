// Shared building blocks of the tracker HTTP API: enums, error body, pagination and query-string helpers.
import { z } from 'zod';

export const API_PREFIX = '/api/v1';

/** Who may read a session or post: only its owner, anyone holding the share slug, or everyone. */
export const Visibility = z.enum(['private', 'unlisted', 'public']);
export const SessionStatus = z.enum(['active', 'completed', 'interrupted', 'error']);
/** How a session reached the tracker: incremental sync, a whole-file upload, or the AgentPipe ingest bridge. */
/** Who wrote the session: the plugin's sender, an upload (push, sync), ingest, or an Agent SDK SessionStore. */
export const SessionSource = z.enum(['cli-stream', 'cli-upload', 'ingest', 'session-store']);
/** What last moved a project's "latest session" pointer. */
export const PointerSource = z.enum(['cli-stream', 'cli-upload', 'ingest', 'handoff', 'session-store']);
export const ExportFormat = z.enum(['md', 'json', 'html', 'txt', 'pdf', 'docx']);

export const SessionId = z.string().min(1).max(200);
export const IsoDate = z.string().describe('ISO 8601 timestamp (UTC)');

/**
 * Why a request was refused, finer than `code` and just as stable: clients branch on it (an expired key and a revoked
 * one both answer 401 `auth`, but need different advice), never on the message text. Closed: a new reason is added
 * here, with its details below, before the tracker may send it.
 */
export const ErrorReason = z.enum([
  'key_missing',
  'key_invalid',
  'key_revoked',
  'key_expired',
  'key_escalation',
  'rate_limited',
  'body_too_large',
  'stream_full',
  'too_many_connections',
  'live_token_refused',
  'viewer_token_read_only',
  'producer_token_mismatch',
  'live_auth_required',
  'event_too_large',
  'stream_too_large',
  'stream_ended',
  'project_key_mismatch',
]);

const RetryAfterSeconds = z.number().positive().describe('also sent as the Retry-After header');
/** Reasons that carry no details yet; an object is still accepted, so a tracker can add some without breaking clients. */
const NoDetails = z.object({}).loose().optional();
const reason = <R extends z.infer<typeof ErrorReason>, D extends z.ZodType>(r: R, details: D) =>
  z.object({ reason: z.literal(r), details });

/** Each reason with the `details` it carries: what the tracker sends and what the client parses. */
export const ReasonedError = z.discriminatedUnion('reason', [
  reason('key_missing', NoDetails),
  reason('key_invalid', NoDetails),
  reason('key_revoked', NoDetails),
  reason('key_expired', NoDetails),
  reason(
    'key_escalation',
    z.object({
      expiresAt: z.string().optional(),
      rateLimitPerMinute: z.string().optional(),
      parent: z.object({ expiresAt: z.string().nullable(), rateLimitPerMinute: z.number() }),
    }),
  ),
  reason(
    'rate_limited',
    z.object({
      retryAfterSeconds: RetryAfterSeconds,
      /** Requests per minute, for a key's limit. */
      limit: z.number().int().nonnegative().optional(),
      /** A live stream's event budget: the sustained rate and the burst it may spend at once. */
      eventsPerSecond: z.number().positive().optional(),
      burst: z.number().int().positive().optional(),
    }),
  ),
  reason('body_too_large', z.object({ maxBytes: z.number().int().positive() })),
  reason('stream_full', z.object({ limit: z.number().int(), retryAfterSeconds: RetryAfterSeconds })),
  reason('too_many_connections', z.object({ limit: z.number().int(), retryAfterSeconds: RetryAfterSeconds })),
  reason('live_token_refused', NoDetails),
  reason('viewer_token_read_only', NoDetails),
  reason('producer_token_mismatch', NoDetails),
  reason('live_auth_required', NoDetails),
  reason(
    'event_too_large',
    z.object({ seq: z.number().int(), bytes: z.number().int(), limit: z.number().int() }),
  ),
  reason(
    'stream_too_large',
    z.object({ maxStreamBytes: z.number().int(), maxStreamEvents: z.number().int() }),
  ),
  reason('stream_ended', z.object({ status: z.string() })),
  // A session's SessionStore projectKey is set by its first entry append; a later append under another key is refused.
  reason('project_key_mismatch', z.object({ projectKey: z.string() })),
]);

export const ErrorBody = z.object({
  error: z.object({
    code: z.string().describe('stable machine-readable code, e.g. invalid_request, auth, not_found'),
    message: z.string(),
    reason: ErrorReason.optional()
      // A reason this client does not know yet (a newer tracker) reads as none: `code` still says what happened.
      .catch(undefined)
      .describe('stable reason within the code, e.g. key_revoked, key_expired; `details` depend on it'),
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
export type ErrorReason = z.infer<typeof ErrorReason>;
export type ReasonedError = z.infer<typeof ReasonedError>;
/** The details one reason carries. */
export type ReasonDetails<R extends ErrorReason> = Extract<ReasonedError, { reason: R }>['details'];
export type Pagination = z.infer<typeof Pagination>;
