// Posts: creating (or, on a re-push, updating) one for a pushed session, attaching sessions, and the post endpoints.
// Trash, restore and purge live in session-actions.ts.
import type { Pagination, PatchPostRequest, Post, Visibility } from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import type { PostRow, Repositories, SessionRow } from '../db/repositories/index.js';
import type { Caller, ServiceDeps } from './service-deps.js';
import { newId, newSlug } from './ids.js';
import { iso } from './time.js';
import { postUrl } from './urls.js';

export async function createPostFor(
  repos: Repositories,
  userId: string,
  session: SessionRow,
  opts: { title?: string; visibility?: Visibility; fromPush?: boolean },
  now: number,
): Promise<PostRow> {
  const post: PostRow = {
    id: newId('post'),
    user_id: userId,
    title: opts.title ?? session.title ?? null,
    visibility: opts.visibility ?? 'private',
    share_slug: newSlug(),
    created_at: now,
    updated_at: now,
    deleted_at: null,
    // Only a push remembers its session: pushing that session again updates this post (pushPost below).
    origin_session_pk: opts.fromPush ? session.pk : null,
  };
  await repos.posts.create(post);
  await repos.posts.addSession(post.id, session.pk, now);
  return post;
}

/**
 * `push --create-post` again for the same session updates the post its earlier push created (title and visibility
 * when given, updated_at) instead of adding another; a post the user trashed is left there and a new one is made.
 */
export async function pushPost(
  repos: Repositories,
  userId: string,
  session: SessionRow,
  opts: { title?: string; visibility?: Visibility },
  now: number,
): Promise<PostRow> {
  const existing = await repos.posts.findByOrigin(userId, session.pk);
  if (!existing) return createPostFor(repos, userId, session, { ...opts, fromPush: true }, now);
  const patch: Partial<PostRow> = { updated_at: now };
  if (opts.title !== undefined) patch.title = opts.title;
  if (opts.visibility !== undefined && opts.visibility !== existing.visibility) {
    patch.visibility = opts.visibility;
    if (opts.visibility === 'private') patch.share_slug = newSlug();
  }
  await repos.posts.update(existing.id, patch);
  return { ...existing, ...patch };
}

export async function attachToPost(
  repos: Repositories,
  userId: string,
  postId: string,
  sessionPk: number,
  now: number,
): Promise<PostRow> {
  const post = await repos.posts.findForUser(userId, postId);
  if (!post) throw new BatonError('not_found', `no post ${postId}`);
  await repos.posts.addSession(post.id, sessionPk, now);
  await repos.posts.update(post.id, { updated_at: now });
  return post;
}

/**
 * The sessions of a post that `viewerId` may see, in post order, and how many were withheld. A post's visibility
 * never lends itself to its sessions: a private session stays its owner's, even inside a public post. Every path
 * that shows a post's sessions (API share route, share pages, a session opened through a post) calls this.
 */
export async function visiblePostSessions(
  repos: Repositories,
  postId: string,
  viewerId: string | null,
): Promise<{ rows: SessionRow[]; hidden: number }> {
  const pks = await repos.posts.sessionPks(postId);
  const found = await repos.sessions.byPks(pks);
  const ordered = pks.map((pk) => found.find((r) => Number(r.pk) === pk)).filter((r) => r !== undefined);
  const rows = ordered.filter((r) => r.visibility !== 'private' || r.user_id === viewerId);
  return { rows, hidden: ordered.length - rows.length };
}

export function toPost(p: PostRow, sessionIds: string[], baseUrl: string): Post {
  return {
    id: p.id,
    title: p.title,
    visibility: p.visibility as Visibility,
    shareSlug: p.visibility === 'private' ? null : p.share_slug,
    sessionIds,
    createdAt: iso(Number(p.created_at)),
    updatedAt: iso(Number(p.updated_at)),
    url: postUrl(baseUrl, p),
  };
}

export async function listPosts(
  deps: ServiceDeps,
  caller: Caller,
  page: number,
  limit: number,
): Promise<{ posts: Post[]; pagination: Pagination }> {
  const { rows, total } = await deps.store.posts.list(caller.userId, page, limit);
  const ids = await deps.store.posts.sessionIds(rows.map((r) => r.id));
  return {
    posts: rows.map((r) => toPost(r, ids.get(r.id) ?? [], caller.baseUrl)),
    pagination: { page, limit, total, totalPages: Math.ceil(total / limit) },
  };
}

export async function getPost(deps: ServiceDeps, caller: Caller, id: string): Promise<Post> {
  const post = await deps.store.posts.findForUser(caller.userId, id);
  if (!post) throw new BatonError('not_found', `no post ${id}`);
  const ids = await deps.store.posts.sessionIds([post.id]);
  return toPost(post, ids.get(post.id) ?? [], caller.baseUrl);
}

export async function patchPost(
  deps: ServiceDeps,
  caller: Caller,
  id: string,
  req: PatchPostRequest,
): Promise<Post> {
  const now = deps.now();
  await deps.store.transaction(async (repos) => {
    const post = await repos.posts.findForUser(caller.userId, id);
    if (!post) throw new BatonError('not_found', `no post ${id}`);
    const patch: Partial<PostRow> = { updated_at: now };
    if (req.title !== undefined) patch.title = req.title;
    if (req.visibility !== undefined && req.visibility !== post.visibility) {
      patch.visibility = req.visibility;
      if (req.visibility === 'private') patch.share_slug = newSlug();
    }
    await repos.posts.update(id, patch);
  });
  return getPost(deps, caller, id);
}
