// The documented API surface: every route with its zod request/response schemas (the OpenAPI source of truth).
import type { z } from 'zod';
import * as api from '../src/core/api/index.js';
import * as live from '../src/core/api/live.js';

export interface RouteDoc {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** OpenAPI style: `/api/v1/sessions/{id}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  auth: boolean;
  body?: z.ZodType;
  query?: z.ZodObject;
  /** Success status, schema (or a content type for non-JSON bodies). */
  ok: { status: number; schema?: z.ZodType; contentType?: string; description?: string };
  /** Error statuses this route can answer besides 401/429 (added for every authenticated route). */
  errors: number[];
}

const id = 'id';
export const ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/healthz',
    tag: 'health',
    summary: 'Liveness',
    auth: false,
    ok: { status: 200, schema: api.HealthResponse },
    errors: [],
  },
  {
    method: 'get',
    path: '/readyz',
    tag: 'health',
    summary: 'Readiness: the database answers (503 when not)',
    auth: false,
    ok: { status: 200, schema: api.ReadyResponse },
    errors: [503],
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    tag: 'meta',
    summary: 'This OpenAPI document',
    auth: false,
    ok: { status: 200, contentType: 'application/json' },
    errors: [],
  },
  {
    method: 'get',
    path: '/docs',
    tag: 'meta',
    summary: 'Human-readable API reference (HTML)',
    auth: false,
    ok: { status: 200, contentType: 'text/html' },
    errors: [],
  },

  {
    method: 'get',
    path: '/api/v1/me',
    tag: 'keys',
    summary: 'The calling user and key',
    auth: true,
    ok: { status: 200, schema: api.MeResponse },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/v1/keys',
    tag: 'keys',
    summary: "List the caller's API keys",
    auth: true,
    ok: { status: 200, schema: api.ListKeysResponse },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/v1/keys',
    tag: 'keys',
    summary: 'Create an API key (the raw key is returned once)',
    description:
      'A key can only create keys no stronger than itself: `expiresAt`/`expiresIn` no later than its own expiry, ' +
      '`rateLimitPerMinute` no looser than its own (0 means unlimited, so only an unlimited key can make an ' +
      'unlimited one). Whatever is omitted is inherited from the calling key, not taken from the tracker default. ' +
      "Asking for more is refused with 403 `key_escalation` (details name the field and the parent's limits). " +
      'Why: otherwise a short-lived or rate-limited key — a CI token, a key handed to a script — could mint a ' +
      'permanent, unlimited key and keep access after it expired or was revoked. Keys made from the web settings ' +
      'page are bounded the same way by the key the browser logged in with.',
    auth: true,
    body: api.CreateKeyRequest,
    ok: { status: 201, schema: api.CreateKeyResponse },
    errors: [400, 403, 413],
  },
  {
    method: 'delete',
    path: `/api/v1/keys/{${id}}`,
    tag: 'keys',
    summary: "Revoke one of the caller's keys",
    description:
      'Also revokes every key this key created (over the API or the web settings page), transitively: a child ' +
      'must not outlive the credential that made it, or revoking a stolen key would leave its copies working. ' +
      'Browser sessions logged in with any of those keys end too. Keys created with the CLI or with a new user ' +
      'have no parent and are only revoked on their own.',
    auth: true,
    ok: { status: 200, schema: api.CreateKeyResponse.pick({ key: true }) },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/v1/users',
    tag: 'users',
    summary: 'List users (owner only)',
    auth: true,
    ok: { status: 200, schema: api.ListUsersResponse },
    errors: [403],
  },
  {
    method: 'post',
    path: '/api/v1/users',
    tag: 'users',
    summary: 'Add a user and issue its first key (owner only)',
    description:
      "The new user's first key is no stronger than the calling key or the tracker default (the earlier expiry, " +
      'the tighter rate limit), so a short-lived owner key cannot leave a permanent credential behind. It is not ' +
      "revoked with the calling key: it is someone else's.",
    auth: true,
    body: api.CreateUserRequest,
    ok: { status: 201, schema: api.CreateUserResponse },
    errors: [400, 403, 409, 413],
  },

  {
    method: 'post',
    path: '/api/v1/sessions',
    tag: 'sessions',
    summary: 'Push a whole session (idempotent upsert by session id and event uuid)',
    description:
      'Modes: `postId` adds it to an existing post, `createPost` creates one, neither just stores it.',
    auth: true,
    body: api.PushSessionRequest,
    ok: { status: 200, schema: api.PushSessionResponse },
    errors: [400, 404, 413],
  },
  {
    method: 'post',
    path: '/api/v1/sessions/upload',
    tag: 'sessions',
    summary: 'Bulk historical upload of many sessions in one transaction',
    auth: true,
    body: api.UploadSessionsRequest,
    ok: { status: 200, schema: api.UploadSessionsResponse },
    errors: [400, 413],
  },
  {
    method: 'post',
    path: `/api/v1/sessions/{${id}}/events`,
    tag: 'sessions',
    summary: 'Append a batch of events (idempotent per uuid); creates the session if needed',
    auth: true,
    body: api.AppendEventsRequest,
    ok: { status: 200, schema: api.AppendEventsResponse },
    errors: [400, 413],
  },
  {
    method: 'get',
    path: '/api/v1/sessions',
    tag: 'sessions',
    summary: 'List and full-text search sessions',
    auth: true,
    query: api.ListSessionsQuery,
    ok: { status: 200, schema: api.ListSessionsResponse },
    errors: [400],
  },
  {
    method: 'get',
    path: `/api/v1/sessions/{${id}}`,
    tag: 'sessions',
    summary: 'A session: metadata, totals and a page of events',
    auth: true,
    query: api.GetSessionQuery,
    ok: { status: 200, schema: api.SessionDetailResponse },
    errors: [400, 404],
  },
  {
    method: 'patch',
    path: `/api/v1/sessions/{${id}}`,
    tag: 'sessions',
    summary: 'Change title, tags, starred, archived or visibility',
    auth: true,
    body: api.PatchSessionRequest,
    ok: { status: 200, schema: api.SessionDetailResponse },
    errors: [400, 404, 413],
  },
  {
    method: 'delete',
    path: `/api/v1/sessions/{${id}}`,
    tag: 'sessions',
    summary: 'Delete a session and its events',
    auth: true,
    ok: { status: 200, schema: api.DeleteResponse },
    errors: [404],
  },
  {
    method: 'get',
    path: `/api/v1/sessions/{${id}}/export`,
    tag: 'sessions',
    summary: 'Export a session (md, json, html or txt), streamed',
    auth: true,
    query: api.ExportQuery,
    ok: { status: 200, contentType: 'text/markdown' },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/api/v1/export',
    tag: 'sessions',
    summary: 'Export several sessions as a zip',
    auth: true,
    body: api.BulkExportRequest,
    ok: { status: 200, contentType: 'application/zip' },
    errors: [400, 404, 413],
  },

  {
    method: 'get',
    path: '/api/v1/projects',
    tag: 'projects',
    summary: 'Projects with per-project stats',
    auth: true,
    ok: { status: 200, schema: api.ListProjectsResponse },
    errors: [],
  },
  {
    method: 'get',
    path: `/api/v1/projects/{${id}}`,
    tag: 'projects',
    summary: 'One project by id, slug or name',
    auth: true,
    ok: { status: 200, schema: api.ProjectResponse },
    errors: [404],
  },
  {
    method: 'get',
    path: `/api/v1/projects/{${id}}/resume`,
    tag: 'projects',
    summary: "The project's latest session and the command that resumes it",
    auth: true,
    ok: { status: 200, schema: api.ResumeResponse },
    errors: [404],
  },

  {
    method: 'post',
    path: '/api/v1/handoffs',
    tag: 'handoffs',
    summary: 'Store a handoff document (also moves the project pointer, source handoff)',
    auth: true,
    body: api.CreateHandoffRequest,
    ok: { status: 201, schema: api.CreateHandoffResponse },
    errors: [400, 413],
  },
  {
    method: 'get',
    path: '/api/v1/handoffs',
    tag: 'handoffs',
    summary: 'Latest handoffs, optionally for one project',
    auth: true,
    query: api.ListHandoffsQuery,
    ok: { status: 200, schema: api.ListHandoffsResponse },
    errors: [400],
  },
  {
    method: 'get',
    path: `/api/v1/handoffs/{${id}}`,
    tag: 'handoffs',
    summary: 'One handoff with its Markdown body and frontmatter',
    auth: true,
    ok: { status: 200, schema: api.HandoffResponse },
    errors: [404],
  },

  {
    method: 'get',
    path: '/api/v1/posts',
    tag: 'posts',
    summary: "The caller's posts",
    auth: true,
    query: api.ListPostsQuery,
    ok: { status: 200, schema: api.ListPostsResponse },
    errors: [400],
  },
  {
    method: 'get',
    path: `/api/v1/posts/{${id}}`,
    tag: 'posts',
    summary: 'One post',
    auth: true,
    ok: { status: 200, schema: api.PostResponse },
    errors: [404],
  },
  {
    method: 'patch',
    path: `/api/v1/posts/{${id}}`,
    tag: 'posts',
    summary: "Change a post's title or visibility",
    auth: true,
    body: api.PatchPostRequest,
    ok: { status: 200, schema: api.PostResponse },
    errors: [400, 404, 413],
  },
  {
    method: 'delete',
    path: `/api/v1/posts/{${id}}`,
    tag: 'posts',
    summary: 'Delete a post (its sessions stay)',
    auth: true,
    ok: { status: 200, schema: api.DeleteResponse },
    errors: [404],
  },

  {
    method: 'post',
    path: '/api/v1/ingest',
    tag: 'ingest',
    summary: 'AgentPipe bridge events: one event, an array, or {events}',
    auth: true,
    body: api.IngestRequest,
    ok: { status: 201, schema: api.IngestResponse },
    errors: [400, 413],
  },

  {
    method: 'get',
    path: '/api/v1/share/{slug}',
    tag: 'share',
    summary: 'An unlisted or public session or post by share slug (no key)',
    description:
      "A post's visibility does not extend to its sessions: a session that is itself private is left out of " +
      '`sessions` and `post.sessionIds` and only counted in `privateSessions` (the share pages likewise render the ' +
      "post without it and say so). Only that session's owner sees it, through their own session pages.",
    auth: false,
    query: api.ShareQuery,
    ok: { status: 200, schema: api.SharedResponse },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/v1/share/{slug}/export',
    tag: 'share',
    summary: 'Export a shared session (no key)',
    auth: false,
    query: api.ExportQuery,
    ok: { status: 200, contentType: 'text/markdown' },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/v1/public/sessions',
    tag: 'share',
    summary: 'Public sessions of every user (no key)',
    auth: false,
    query: api.PublicSessionsQuery,
    ok: { status: 200, schema: api.PublicSessionsResponse },
    errors: [400],
  },
  // Live streams: on the same auth, per-key rate limit, validation and error handler as every route above. Per-stream
  // routes also take the stream's producer token (Bearer btp_…, or X-Baton-Producer-Token next to an API key).
  {
    method: 'post',
    path: '/api/v1/live',
    tag: 'live',
    summary: 'Start a live stream: returns its producer token (write) and view URL (read)',
    auth: true,
    body: live.CreateLiveRequest,
    ok: { status: 201, schema: live.CreateLiveResponse },
    errors: [400, 403, 413],
  },
  {
    method: 'get',
    path: '/api/v1/live',
    tag: 'live',
    summary: "The caller's recent live streams",
    auth: true,
    ok: { status: 200, schema: live.ListLiveResponse },
    errors: [403],
  },
  {
    method: 'get',
    path: '/api/v1/live/{liveId}',
    tag: 'live',
    summary: 'One stream (owner key, producer token or owner web session)',
    auth: true,
    ok: { status: 200, schema: live.LiveInfo },
    errors: [403, 404],
  },
  {
    method: 'patch',
    path: '/api/v1/live/{liveId}',
    tag: 'live',
    summary: 'Append events (idempotent by seq and transcript uuid); reports gaps',
    description:
      'Limited per stream by an event bucket (429 with Retry-After), per event and per batch size (413).',
    auth: true,
    body: live.AppendLiveRequest,
    ok: { status: 200, schema: live.AppendLiveResponse },
    errors: [400, 403, 404, 410, 413],
  },
  {
    method: 'post',
    path: '/api/v1/live/{liveId}/complete',
    tag: 'live',
    summary: 'End the stream normally, optionally publishing it as a post',
    auth: true,
    body: live.CompleteLiveRequest,
    ok: { status: 200, schema: live.LiveInfo },
    errors: [400, 403, 404, 409, 410],
  },
  {
    method: 'post',
    path: '/api/v1/live/{liveId}/pause',
    tag: 'live',
    summary: 'Pause the stream (viewers see a paused status)',
    auth: true,
    ok: { status: 200, schema: live.LiveInfo },
    errors: [403, 404, 409, 410],
  },
  {
    method: 'post',
    path: '/api/v1/live/{liveId}/resume',
    tag: 'live',
    summary: 'Resume a paused stream',
    auth: true,
    ok: { status: 200, schema: live.LiveInfo },
    errors: [403, 404, 409, 410],
  },
  {
    method: 'delete',
    path: '/api/v1/live/{liveId}',
    tag: 'live',
    summary: 'Revoke the stream at once (viewers get an end event; the view URL answers 410)',
    auth: true,
    query: live.RevokeLiveQuery,
    ok: { status: 200, schema: live.LiveInfo },
    errors: [400, 403, 404],
  },
  {
    method: 'get',
    path: '/api/v1/live/{liveId}/events',
    tag: 'live',
    summary: 'The stream as Server-Sent Events, for its owner or producer (resumable with Last-Event-ID)',
    description:
      'Counts toward the per-address cap on live connections (429 `too_many_connections`, see the viewer feed).',
    auth: true,
    query: live.LiveEventsQuery,
    ok: { status: 200, contentType: 'text/event-stream' },
    errors: [400, 403, 404],
  },
  {
    method: 'get',
    path: '/live/{viewerToken}/events',
    tag: 'live',
    summary: 'The read-only feed behind a view URL (Server-Sent Events; no key for unlisted streams)',
    description:
      'Capped per stream (503 `stream_full`) and per client address (429 `too_many_connections`), both with ' +
      "Retry-After, so one shared link cannot exhaust the server's connections. Defaults: 200 viewers per stream, " +
      '20 live connections per address, per tracker instance (BATON_TRACKER_LIVE_MAX_VIEWERS, ' +
      "BATON_TRACKER_LIVE_MAX_PER_ADDRESS). The address is the socket peer, or the trusted proxy's last " +
      'X-Forwarded-For entry under --trust-proxy.',
    auth: false,
    query: live.LiveEventsQuery,
    ok: { status: 200, contentType: 'text/event-stream' },
    errors: [400, 404, 410, 429, 503],
  },
  {
    method: 'get',
    path: '/live/{viewerToken}/status',
    tag: 'live',
    summary: 'Status probe behind a view URL (no key for unlisted streams)',
    auth: false,
    ok: { status: 200, schema: live.LiveStatusProbe },
    errors: [404, 410],
  },
];
