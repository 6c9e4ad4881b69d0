// Typed tables of the tracker database. Times are epoch milliseconds; JSON columns are text on both engines.
import type { Generated } from 'kysely';
import type { LiveStatus } from '../../src/core/api/live.js';

export type Engine = 'sqlite' | 'postgres';

export interface UsersTable {
  id: string;
  name: string;
  role: 'owner' | 'member';
  created_at: number;
}

export interface ApiKeysTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  hash: string;
  rate_limit_per_minute: number;
  created_at: number;
  last_used_at: number | null;
  expires_at: number | null;
  revoked_at: number | null;
  /** The key that created this one over the API or web (null: created by the CLI or with a new user). */
  parent_id: Generated<string | null>;
}

export interface RateCountersTable {
  key_id: string;
  window_start: number;
  count: number;
}

export interface ProjectsTable {
  id: string;
  user_id: string;
  slug: string;
  name: string;
  cwd: string | null;
  last_session_id: string | null;
  last_session_at: number | null;
  last_session_source: string | null;
  created_at: number;
  updated_at: number;
}

export interface SessionsTable {
  pk: Generated<number>;
  id: string;
  user_id: string;
  project_id: string | null;
  title: string | null;
  status: string;
  source: string;
  visibility: string;
  share_slug: string;
  starred: number;
  archived: number;
  cwd: string | null;
  git_branch: string | null;
  parent_session_id: string | null;
  /** JSON: the last SessionMeta the client sent. */
  meta: string;
  /** JSON: [{ index, startedAt?, endedAt? }] */
  turn_info: string;
  /** JSON: [{ agentId, toolUseId? }] */
  sidechain_info: string;
  started_at: number | null;
  ended_at: number | null;
  duration_ms: number;
  /** Sort key: the session's latest activity (ended, else started, else first stored). */
  activity_at: number;
  event_count: number;
  tokens_input: number;
  tokens_output: number;
  tokens_cache_read: number;
  tokens_cache_write: number;
  cost_usd: number | null;
  turns: number;
  prompts: number;
  messages: number;
  tool_calls: number;
  tool_errors: number;
  /** JSON: Record<toolName, calls> */
  tools: string;
  /** JSON: string[] */
  files_touched: string;
  created_at: number;
  updated_at: number;
  /** JSON ReadStats the client sent (skipped lines and why), or null. Migration 6. */
  read_stats: Generated<string | null>;
  /** JSON InheritedTotals of a fork, or null. The columns below repeat its numbers for project sums. */
  inherited_totals: Generated<string | null>;
  subagent_usage: Generated<string | null>;
  inherited_duration_ms: Generated<number>;
  inherited_tokens_input: Generated<number>;
  inherited_tokens_output: Generated<number>;
  inherited_tokens_cache_read: Generated<number>;
  inherited_tokens_cache_write: Generated<number>;
  inherited_cost_usd: Generated<number>;
  /** Migration 9: the Agent SDK SessionStore projectKey, set by the first entry append. */
  project_key: Generated<string | null>;
  /** Migration 9: transcript lines stored, all files (kept by each append). */
  entry_count: Generated<number>;
  /** Migration 10: when the owner moved it to the trash (hidden everywhere; purged after 30 days). */
  deleted_at: Generated<number | null>;
  /** Migration 11: 0 when the owner turned comments off. */
  comments_enabled: Generated<number>;
  /** The first model the session used (migration 12), for the usage report's grouping. */
  main_model: Generated<string | null>;
}

export interface EventsTable {
  id: Generated<number>;
  session_pk: number;
  uuid: string;
  seq: number;
  turn_index: number;
  /** '' for the main chain, else the sidechain's agent id (non-null keeps one composite index). */
  agent_id: string;
  kind: string;
  /** JSON: the SessionEvent. */
  payload: string;
  truncated_from: number | null;
}

/** One searchable document: the prompt and reply text of one write. The index itself is engine specific. */
export interface SearchDocsTable {
  id: Generated<number>;
  session_pk: number;
}

export interface SessionTagsTable {
  session_pk: number;
  tag: string;
}

export interface PostsTable {
  id: string;
  user_id: string;
  title: string | null;
  visibility: string;
  share_slug: string;
  created_at: number;
  updated_at: number;
  /** Migration 10: when the owner moved it to the trash. */
  deleted_at: Generated<number | null>;
  /** Migration 10: the session whose push created the post (pushing it again updates this post). */
  origin_session_pk: Generated<number | null>;
}

export interface PostSessionsTable {
  post_id: string;
  session_pk: number;
  added_at: number;
}

export interface HandoffsTable {
  id: string;
  user_id: string;
  project_id: string;
  session_id: string;
  title: string | null;
  /** JSON object. */
  frontmatter: string;
  body: string;
  created_at: number;
}

export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: number;
}

/** Migration 2: one row per live stream (tracker/live). */
export interface LiveStreamsTable {
  id: string;
  owner_id: string;
  session_id: string | null;
  title: string | null;
  visibility: 'unlisted' | 'private';
  status: LiveStatus;
  producer_token_hash: string;
  viewer_token_hash: string;
  created_at: number;
  expires_at: number;
  ended_at: number | null;
  last_seq: number;
  event_count: number;
  total_bytes: number;
  post_url: string | null;
}

/** Migration 2: a live stream's append-only event log. */
export interface LiveEventsTable {
  live_id: string;
  seq: number;
  uuid: string;
  turn_index: number | null;
  body: string;
  created_at: number;
}

/** Migration 3: browser sessions (tracker/web); the cookie itself is never stored, only its SHA-256. */
export interface WebSessionsTable {
  token_hash: string;
  user_id: string;
  key_id: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
}

/** Migration 5: secrets shared by every instance on one database (the CSRF signing key). */
export interface TrackerSecretsTable {
  name: string;
  value: string;
}

/** Migration 8: one transcript line per row, as the client sent it, zlib deflated (issue 12). */
export interface TranscriptEntriesTable {
  session_pk: number;
  /** '' for the main transcript file, else the sub-file (e.g. 'subagents/agent-<id>'). */
  sub_key: string;
  /** Arrival order within (session, sub_key), from 1. */
  seq: number;
  uuid: string | null;
  /** The line's JSON text, deflated (BLOB on SQLite, bytea on PostgreSQL). */
  body: Uint8Array;
  /** Length of the line's UTF-8 text before compression. */
  raw_bytes: number;
  created_at: number;
}

/** Migration 11: comments on events (one level of replies) and reactions (target `e:<uuid>` or `c:<comment id>`). */
export interface CommentsTable {
  id: string;
  session_pk: number;
  event_uuid: string;
  parent_id: string | null;
  user_id: string;
  text: string;
  created_at: number;
}
export interface CommentReactionsTable {
  session_pk: number;
  target: string;
  user_id: string;
  emoji: string;
  created_at: number;
}

/** Migration 12: a session's own tool calls per tool (a fork's inherited ones left out), with its scope copied. */
export interface SessionToolsTable {
  session_pk: number;
  tool: string;
  own_count: number;
  user_id: string;
  project_id: string | null;
  /** The session's UTC day number (start, else first activity). */
  day: number;
  deleted_at: number | null;
}

/** Each session's own figures summed (migration 13), one rollup per grain: see UsageDailyTable and the two below. */
export interface UsageFiguresColumns {
  sessions: number;
  tokens_input: number;
  tokens_output: number;
  tokens_cache_read: number;
  tokens_cache_write: number;
  /** Own cost in whole nano-dollars, unpriced sessions adding 0. */
  cost_nanos: number;
  unpriced: number;
}

/** Per user, UTC day, project ('' none) and main model ('' none). */
export interface UsageDailyTable extends UsageFiguresColumns {
  user_id: string;
  day: number;
  project_key: string;
  model_key: string;
}

/** Per user and UTC day. */
export interface UsageDaysTable extends UsageFiguresColumns {
  user_id: string;
  day: number;
}

/** Per user, project ('' none) and main model ('' none), all time. */
export interface UsageTotalsTable extends UsageFiguresColumns {
  user_id: string;
  project_key: string;
  model_key: string;
}

/** session_tools summed per user, UTC day, project ('' none) and tool (migration 13). */
export interface UsageToolsDailyTable {
  user_id: string;
  day: number;
  project_key: string;
  tool: string;
  calls: number;
}

/** session_tools summed per user, UTC day and tool (migration 13). */
export interface UsageToolDaysTable {
  user_id: string;
  day: number;
  tool: string;
  calls: number;
}

/** session_tools summed per user, project ('' none) and tool, all time (migration 13). */
export interface UsageToolsTable {
  user_id: string;
  project_key: string;
  tool: string;
  calls: number;
}

/** Every table, whichever module queries it: the schema is one thing (tracker/db/migrations), so is its type. */
export interface Database {
  users: UsersTable;
  api_keys: ApiKeysTable;
  rate_counters: RateCountersTable;
  projects: ProjectsTable;
  sessions: SessionsTable;
  events: EventsTable;
  search_docs: SearchDocsTable;
  session_tags: SessionTagsTable;
  posts: PostsTable;
  post_sessions: PostSessionsTable;
  handoffs: HandoffsTable;
  tracker_migrations: MigrationsTable;
  live_streams: LiveStreamsTable;
  live_events: LiveEventsTable;
  web_sessions: WebSessionsTable;
  tracker_secrets: TrackerSecretsTable;
  transcript_entries: TranscriptEntriesTable;
  comments: CommentsTable;
  comment_reactions: CommentReactionsTable;
  session_tools: SessionToolsTable;
  usage_daily: UsageDailyTable;
  usage_days: UsageDaysTable;
  usage_totals: UsageTotalsTable;
  usage_tools_daily: UsageToolsDailyTable;
  usage_tool_days: UsageToolDaysTable;
  usage_tools: UsageToolsTable;
}
