// Session bodies: push a whole session, append events, bulk upload, list/search, read, patch and export.
import { z } from 'zod';
import { ReadStats, Session, SessionEvent, SessionMeta, SessionTotals } from '../model/session.js';
import {
  ExportFormat,
  IsoDate,
  PageQuery,
  Pagination,
  QueryBool,
  SessionId,
  SessionSource,
  SessionStatus,
  Visibility,
} from './common.js';
import { LiveStatus } from './live.js';
import { SessionEntries } from './transcript-entries.js';

const Tag = z.string().trim().min(1).max(50);
const Title = z.string().trim().min(1).max(300);

export const PushSessionRequest = z
  .object({
    /** The whole session, redacted client-side. Pushing it again (or a longer version) upserts, never duplicates. */
    session: Session,
    /** Add the session to this existing post. */
    postId: z.string().min(1).max(100).optional(),
    /** Create a new post holding this session. */
    createPost: z.boolean().optional(),
    title: Title.optional(),
    visibility: Visibility.optional(),
    status: SessionStatus.optional(),
    source: SessionSource.optional(),
    tags: z.array(Tag).max(20).optional(),
    /** The session's transcript lines (main file and subagent files), stored losslessly for resume. */
    entries: SessionEntries.optional(),
  })
  .strict()
  .refine((v) => !(v.postId && v.createPost), {
    message: 'give postId or createPost, not both',
    path: ['postId'],
  });

export const PushSessionResponse = z.object({
  sessionId: z.string(),
  postId: z.string().optional(),
  projectId: z.string().nullable(),
  url: z.string(),
  postUrl: z.string().optional(),
  eventsInserted: z.number().int().nonnegative(),
  eventCount: z.number().int().nonnegative(),
  /** Set when the session is in the trash: the push was stored there, restore the session to see it. */
  inTrash: z.literal(true).optional(),
});

/**
 * One event as stored. `seq` is the event's 0-based position in its chain: across all turns of the main chain,
 * or within its own sidechain (events with `event.agentId`).
 */
export const EventItem = z.object({
  seq: z.number().int().nonnegative().max(10_000_000),
  turnIndex: z.number().int().nonnegative().max(1_000_000),
  event: SessionEvent,
});

export const AppendEventsRequest = z
  .object({
    /** May be empty when the batch carries only transcript entries (lines that make no event). */
    events: z.array(EventItem).max(5000),
    /** Transcript lines read with these events (main file and subagent files), stored losslessly for resume. */
    entries: SessionEntries.optional(),
    /** Session meta known so far (id may be omitted: the path names the session). */
    meta: SessionMeta.partial().optional(),
    /** Client-computed totals; when given they replace the stored ones (tokens and cost only the client knows). */
    totals: SessionTotals.optional(),
    /** What the client's reader skipped so far (replaces the stored counts): shown on the session page. */
    stats: ReadStats.optional(),
    /** Subagents with the Agent/Task call that spawned them, in spawn order (replaces the stored list). */
    sidechains: z
      .array(
        z.object({ agentId: z.string().min(1).max(200), toolUseId: z.string().max(200).optional() }).strict(),
      )
      .max(10_000)
      .optional(),
    status: SessionStatus.optional(),
    source: SessionSource.optional(),
  })
  .strict()
  .refine((v) => v.events.length > 0 || (v.entries?.length ?? 0) > 0, {
    message: 'give at least one event or entry',
    path: ['events'],
  });

export const AppendEventsResponse = z.object({
  sessionId: z.string(),
  projectId: z.string().nullable(),
  url: z.string(),
  inserted: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  eventCount: z.number().int().nonnegative(),
  /** Set when the session is in the trash: the events were stored there, restore the session to see them. */
  inTrash: z.literal(true).optional(),
});

export const UploadSessionsRequest = z
  .object({
    sessions: z.array(Session).min(1).max(1000),
    /** Each session's transcript lines, by session id (sessions absent here upload events only). */
    transcripts: z
      .array(z.object({ sessionId: SessionId, entries: SessionEntries }).strict())
      .max(1000)
      .optional(),
    visibility: Visibility.optional(),
    status: SessionStatus.optional(),
  })
  .strict();

export const UploadSessionsResponse = z.object({
  sessions: z.array(
    z.object({
      sessionId: z.string(),
      projectId: z.string().nullable(),
      url: z.string(),
      eventsInserted: z.number().int().nonnegative(),
      eventCount: z.number().int().nonnegative(),
    }),
  ),
});

export const ListSessionsQuery = z.object({
  ...PageQuery,
  status: SessionStatus.optional(),
  source: SessionSource.optional(),
  /** Project id, slug or name. */
  project: z.string().min(1).max(200).optional(),
  /** An Agent SDK SessionStore's projectKey (exact match). */
  projectKey: z.string().min(1).max(500).optional(),
  /**
   * Full-text search over prompts and responses; plain words, all must match. Ranked best first among the 1,000
   * newest matching search documents (all of them when fewer match); see Pagination.total.
   */
  search: z.string().max(500).optional(),
  tag: Tag.optional(),
  starred: QueryBool.optional(),
  archived: QueryBool.optional(),
});

export const ProjectRef = z.object({ id: z.string(), slug: z.string(), name: z.string() });

/** What exposes a session right now: its share link, the posts holding it, its live streams (owner's view). */
export const SessionSharing = z.object({
  /** Set when the session itself is unlisted or public: anyone with `url` reads it. */
  link: z.object({ visibility: z.enum(['unlisted', 'public']), url: z.string() }).nullable(),
  /** The owner's posts (not in the trash) that hold the session; a private session stays hidden inside them. */
  posts: z.array(
    z.object({ id: z.string(), title: z.string().nullable(), visibility: Visibility, url: z.string() }),
  ),
  /**
   * The session's live streams, newest first. Viewer links are never stored (only their hash), so `url` is the
   * owner's watch page while the stream is open, null once it ended.
   */
  live: z.array(
    z.object({
      liveId: z.string(),
      visibility: z.enum(['unlisted', 'private']),
      status: LiveStatus,
      url: z.string().nullable(),
    }),
  ),
});

export const SessionSummary = z.object({
  id: z.string(),
  title: z.string().nullable(),
  status: SessionStatus,
  source: SessionSource,
  visibility: Visibility,
  /** Set when visibility is not private: `/share/<slug>` reaches it without a key. */
  shareSlug: z.string().nullable(),
  project: ProjectRef.nullable(),
  cwd: z.string().nullable(),
  gitBranch: z.string().nullable(),
  models: z.array(z.string()),
  parentSessionId: z.string().nullable(),
  tags: z.array(z.string()),
  starred: z.boolean(),
  archived: z.boolean(),
  startedAt: IsoDate.nullable(),
  endedAt: IsoDate.nullable(),
  durationMs: z.number().int().nonnegative(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
  eventCount: z.number().int().nonnegative(),
  /** Transcript lines stored for resume, all files of the session (0: only events, e.g. an older upload). */
  entryCount: z.number().int().nonnegative().optional(),
  /** The Agent SDK SessionStore scope the session was written under, if any. */
  projectKey: z.string().nullable().optional(),
  totals: SessionTotals,
  url: z.string(),
  /** Search relevance (higher is better), only on search results. */
  score: z.number().optional(),
  /** How the session is shared (link, posts, live); trackers before issue 13 leave it out. */
  sharing: SessionSharing.optional(),
});

export const ListSessionsResponse = z.object({ sessions: z.array(SessionSummary), pagination: Pagination });

export const StoredEvent = EventItem.extend({
  /** Set when ingest cut the content: the original length in characters. */
  truncatedFrom: z.number().int().optional(),
});

export const GetSessionQuery = z.object({
  offset: z.coerce.number().int().min(0).max(100_000_000).default(0),
  limit: z.coerce.number().int().min(0).max(5000).default(1000),
});

export const EventsPage = z.object({
  offset: z.number().int().nonnegative(),
  limit: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  nextOffset: z.number().int().nullable(),
});

export const SessionDetailResponse = z.object({
  session: SessionSummary,
  meta: SessionMeta,
  /** What the client's reader skipped (lines and records, and why), when the client sent it. */
  stats: ReadStats.optional(),
  events: z.array(StoredEvent),
  eventsPage: EventsPage,
});

export const PatchSessionRequest = z
  .object({
    title: Title.nullable().optional(),
    tags: z.array(Tag).max(20).optional(),
    starred: z.boolean().optional(),
    archived: z.boolean().optional(),
    visibility: Visibility.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });

/** `comments=true`: each event's comments and reactions are written next to it (issue 14), redacted like the rest. */
export const ExportQuery = z.object({ format: ExportFormat.default('md'), comments: QueryBool.optional() });

export const BulkExportRequest = z
  .object({
    sessionIds: z.array(SessionId).min(1).max(100),
    format: ExportFormat.default('md'),
    comments: z.boolean().optional(),
  })
  .strict();

export const DeleteResponse = z.object({ deleted: z.literal(true), id: z.string() });

/** DELETE of a session or post: `purge=true` deletes it for good; otherwise it goes to the trash for 30 days. */
export const DeleteQuery = z.object({ purge: QueryBool.optional() });

/** A DELETE answer: `purgeAt` when it went to the trash (restore before then), `purged` when it is gone for good. */
export const TrashResponse = DeleteResponse.extend({
  deletedAt: IsoDate.optional(),
  purgeAt: IsoDate.optional(),
  purged: z.boolean().optional(),
});

export const TrashedSession = SessionSummary.extend({ deletedAt: IsoDate, purgeAt: IsoDate });
export const SessionSummaryResponse = z.object({ session: SessionSummary });

export type PushSessionRequest = z.infer<typeof PushSessionRequest>;
export type PushSessionResponse = z.infer<typeof PushSessionResponse>;
export type EventItem = z.infer<typeof EventItem>;
export type AppendEventsRequest = z.infer<typeof AppendEventsRequest>;
export type AppendEventsResponse = z.infer<typeof AppendEventsResponse>;
export type UploadSessionsRequest = z.infer<typeof UploadSessionsRequest>;
export type UploadSessionsResponse = z.infer<typeof UploadSessionsResponse>;
export type ListSessionsQuery = z.infer<typeof ListSessionsQuery>;
export type ProjectRef = z.infer<typeof ProjectRef>;
export type SessionSummary = z.infer<typeof SessionSummary>;
export type ListSessionsResponse = z.infer<typeof ListSessionsResponse>;
export type StoredEvent = z.infer<typeof StoredEvent>;
export type EventsPage = z.infer<typeof EventsPage>;
export type GetSessionQuery = z.infer<typeof GetSessionQuery>;
export type SessionDetailResponse = z.infer<typeof SessionDetailResponse>;
export type PatchSessionRequest = z.infer<typeof PatchSessionRequest>;
export type BulkExportRequest = z.infer<typeof BulkExportRequest>;
export type SessionSharing = z.infer<typeof SessionSharing>;
export type DeleteQuery = z.infer<typeof DeleteQuery>;
export type TrashResponse = z.infer<typeof TrashResponse>;
export type TrashedSession = z.infer<typeof TrashedSession>;
export type SessionSummaryResponse = z.infer<typeof SessionSummaryResponse>;
