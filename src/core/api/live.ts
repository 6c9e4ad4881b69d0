// The live-streaming API contract (request/response bodies and SSE payloads), shared by the plugin and the tracker.
import { z } from 'zod';
import { SessionEvent } from '../model/session.js';

export const LIVE_STATUSES = ['active', 'paused', 'completed', 'revoked', 'expired'] as const;
export const LiveStatus = z.enum(LIVE_STATUSES);
export type LiveStatus = z.infer<typeof LiveStatus>;

/** Seconds; the default is 24 h and the ceiling 7 days. */
export const LIVE_DEFAULT_EXPIRES_IN = 86_400;
export const LIVE_MAX_EXPIRES_IN = 7 * 86_400;

export const CreateLiveRequest = z.object({
  sessionId: z.string().min(1).max(200).optional(),
  title: z.string().max(300).optional(),
  /** `unlisted`: anyone holding the view URL; `private`: the owner only (the view URL still needs the owner's login). */
  visibility: z.enum(['unlisted', 'private']).default('unlisted'),
  expiresIn: z.number().int().min(60).max(LIVE_MAX_EXPIRES_IN).default(LIVE_DEFAULT_EXPIRES_IN),
});
export type CreateLiveRequest = z.infer<typeof CreateLiveRequest>;

export const CreateLiveResponse = z.object({
  liveId: z.string(),
  /** Write capability: send as `Authorization: Bearer <token>` or `X-Baton-Producer-Token` next to an API key. */
  producerToken: z.string(),
  /** Read capability: an unguessable path, shareable. */
  viewUrl: z.string(),
  viewerToken: z.string(),
  expiresAt: z.string(),
  status: LiveStatus,
});
export type CreateLiveResponse = z.infer<typeof CreateLiveResponse>;

/** One appended event: the transcript event plus its producer-assigned sequence number (1-based). */
export const LiveEventInput = z.object({
  seq: z.number().int().min(1).max(2_147_483_647),
  turnIndex: z.number().int().nonnegative().optional(),
  event: SessionEvent,
});
export type LiveEventInput = z.infer<typeof LiveEventInput>;

export const AppendLiveRequest = z.object({
  events: z.array(LiveEventInput).max(1000),
});
export type AppendLiveRequest = z.infer<typeof AppendLiveRequest>;

export const SeqRange = z.object({ from: z.number().int(), to: z.number().int() });
export type SeqRange = z.infer<typeof SeqRange>;

export const AppendLiveResponse = z.object({
  accepted: z.number().int().nonnegative(),
  /** Events whose seq (or transcript uuid) was already stored: re-sending a batch is harmless. */
  duplicates: z.number().int().nonnegative(),
  lastSeq: z.number().int().nonnegative(),
  /** Missing sequence ranges below lastSeq (at most 100 ranges reported). */
  gaps: z.array(SeqRange),
});
export type AppendLiveResponse = z.infer<typeof AppendLiveResponse>;

export const CompleteLiveRequest = z.object({
  createPost: z.boolean().default(false),
  title: z.string().max(300).optional(),
});
export type CompleteLiveRequest = z.infer<typeof CompleteLiveRequest>;

export const LiveInfo = z.object({
  liveId: z.string(),
  sessionId: z.string().nullable(),
  title: z.string().nullable(),
  visibility: z.enum(['unlisted', 'private']),
  status: LiveStatus,
  lastSeq: z.number().int().nonnegative(),
  eventCount: z.number().int().nonnegative(),
  createdAt: z.string(),
  expiresAt: z.string(),
  endedAt: z.string().nullable(),
  postUrl: z.string().nullable(),
  viewers: z.number().int().nonnegative(),
});
export type LiveInfo = z.infer<typeof LiveInfo>;

// ---- Server-Sent Events payloads (the `data:` JSON of each SSE event type) ----

/** `event: hello` once per connection: where the stream stands. */
export const LiveHelloData = z.object({
  liveId: z.string(),
  title: z.string().nullable(),
  status: LiveStatus,
  lastSeq: z.number().int().nonnegative(),
  expiresAt: z.string(),
  viewers: z.number().int().nonnegative(),
});
/** `event: event` with `id: <seq>`. */
export const LiveEventData = z.object({
  seq: z.number().int(),
  turnIndex: z.number().int().nullable(),
  event: SessionEvent,
});
/** `event: viewers`. */
export const LiveViewersData = z.object({ count: z.number().int().nonnegative() });
/** `event: status` (paused/active) and `event: end` (completed/revoked/expired: the server closes the stream next). */
export const LiveStatusData = z.object({
  status: LiveStatus,
  reason: z.string().optional(),
  postUrl: z.string().nullable().optional(),
});
export type LiveHelloData = z.infer<typeof LiveHelloData>;
export type LiveEventData = z.infer<typeof LiveEventData>;
export type LiveStatusData = z.infer<typeof LiveStatusData>;

// ---- Listing, query strings and the viewer status probe (documented in the tracker's OpenAPI) ----

/** GET /api/v1/live: the caller's most recent streams. */
export const ListLiveResponse = z.object({ streams: z.array(LiveInfo) });
/** DELETE /api/v1/live/:id?purge=true also deletes the stream's stored events (discard on end). */
export const RevokeLiveQuery = z.object({ purge: z.enum(['true', 'false']).optional() });
/** The SSE routes' resume point when the client cannot send Last-Event-ID (the header wins). */
export const LiveEventsQuery = z.object({ lastEventId: z.string().max(12).optional() });
/** GET /live/:viewerToken/status: what the viewer page polls while it reconnects. */
export const LiveStatusProbe = z.object({
  status: LiveStatus,
  title: z.string().nullable(),
  postUrl: z.string().nullable(),
  viewers: z.number().int().nonnegative(),
  lastSeq: z.number().int().nonnegative(),
});
export type ListLiveResponse = z.infer<typeof ListLiveResponse>;
export type LiveStatusProbe = z.infer<typeof LiveStatusProbe>;
