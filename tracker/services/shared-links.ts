// What a share slug reaches: a session or a post shared by link, and a post's sessions as one viewer may see them.
// Every share route (pages, API, files, replay, presence, comments) resolves through these: private things are
// missing, and a malformed or guessed slug learns nothing (it never reaches the database).
import type { PostRow, Repositories, SessionRow } from '../db/repositories/index.js';
import { visiblePostSessions } from './posts.js';

/** What share slugs look like (ids.ts mints 22 base64url characters): anything else is a 404 without a query. */
const SHARE_SLUG = /^[A-Za-z0-9_-]{10,64}$/;

export async function sharedSession(repos: Repositories, slug: string): Promise<SessionRow | undefined> {
  if (!SHARE_SLUG.test(slug)) return undefined;
  const row = await repos.sessions.findByShareSlug(slug);
  return row && row.visibility !== 'private' ? row : undefined;
}

export async function sharedPost(repos: Repositories, slug: string): Promise<PostRow | undefined> {
  if (!SHARE_SLUG.test(slug)) return undefined;
  const post = await repos.posts.findByShareSlug(slug);
  return post && post.visibility !== 'private' ? post : undefined;
}

/** A session of a shared post, if this viewer (null: anonymous) may see it among the post's sessions. */
export async function sharedPostSession(
  repos: Repositories,
  slug: string,
  sessionId: string,
  viewerId: string | null,
): Promise<SessionRow | undefined> {
  const post = await sharedPost(repos, slug);
  if (!post) return undefined;
  const { rows } = await visiblePostSessions(repos, post.id, viewerId);
  return rows.find((r) => r.id === sessionId);
}
