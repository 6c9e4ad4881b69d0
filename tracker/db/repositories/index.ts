// The repository bundle over one connection or transaction.
import type { Kysely } from 'kysely';
import type { Database, Engine } from '../types.js';
import { createCommentsRepo, type CommentsRepo } from './comments.js';
import { createEventsRepo, type EventsRepo } from './events.js';
import { createHandoffsRepo, type HandoffsRepo } from './handoffs.js';
import { createKeysRepo, type KeysRepo } from './keys.js';
import { createPostsRepo, type PostsRepo } from './posts.js';
import { createProjectsRepo, type ProjectsRepo } from './projects.js';
import { createRateLimitsRepo, type RateLimitsRepo } from './rate-limits.js';
import { createSessionsRepo, type SessionsRepo } from './sessions.js';
import { createSessionToolsRepo, type SessionToolsRepo } from './session-tools.js';
import { createTranscriptEntriesRepo, type TranscriptEntriesRepo } from './transcript-entries.js';
import { createUsageRepo, type UsageRepo } from './usage.js';
import { createUsersRepo, type UsersRepo } from './users.js';

export interface Repositories {
  users: UsersRepo;
  keys: KeysRepo;
  rateLimits: RateLimitsRepo;
  projects: ProjectsRepo;
  sessions: SessionsRepo;
  sessionTools: SessionToolsRepo;
  events: EventsRepo;
  posts: PostsRepo;
  handoffs: HandoffsRepo;
  transcriptEntries: TranscriptEntriesRepo;
  usage: UsageRepo;
  comments: CommentsRepo;
}

export function createRepositories(db: Kysely<Database>, engine: Engine): Repositories {
  return {
    users: createUsersRepo(db),
    keys: createKeysRepo(db),
    rateLimits: createRateLimitsRepo(db),
    projects: createProjectsRepo(db),
    sessions: createSessionsRepo(db, engine),
    sessionTools: createSessionToolsRepo(db, engine),
    events: createEventsRepo(db, engine),
    posts: createPostsRepo(db),
    handoffs: createHandoffsRepo(db),
    transcriptEntries: createTranscriptEntriesRepo(db, engine),
    usage: createUsageRepo(db, engine),
    comments: createCommentsRepo(db),
  };
}

export type { CommentRow, ReactionRow } from './comments.js';
export type { EventRow, NewEventRow } from './events.js';
export type { HandoffListRow, HandoffRow } from './handoffs.js';
export type { KeyRow } from './keys.js';
export type { PostRow } from './posts.js';
export type { PointerUpdate, ProjectRow, ProjectStats } from './projects.js';
export type {
  NewSessionRow,
  SessionListFilter,
  SessionListResult,
  SessionPatch,
  SessionRow,
} from './sessions.js';
export type { UserRow } from './users.js';
export type { NewTranscriptEntry, TranscriptEntriesRepo, TranscriptStats } from './transcript-entries.js';
