// Read-only views reachable without a key: unlisted and public sessions/posts by share slug, and public listings.
import { z } from 'zod';
import { PageQuery, Pagination } from './common.js';
import { Post } from './posts.js';
import { GetSessionQuery, SessionDetailResponse, SessionSummary } from './sessions.js';

export const ShareQuery = GetSessionQuery;

export const SharedSessionResponse = SessionDetailResponse.extend({ kind: z.literal('session') });
export const SharedPostResponse = z.object({
  kind: z.literal('post'),
  post: Post,
  sessions: z.array(SessionSummary),
  /** Sessions of this post that are private: neither listed nor counted in post.sessionIds for non-owners. */
  privateSessions: z.number().int().nonnegative().optional(),
});
export const SharedResponse = z.discriminatedUnion('kind', [SharedSessionResponse, SharedPostResponse]);

export const PublicSessionsQuery = z.object({ ...PageQuery });
export const PublicSessionsResponse = z.object({ sessions: z.array(SessionSummary), pagination: Pagination });

export type SharedResponse = z.infer<typeof SharedResponse>;
