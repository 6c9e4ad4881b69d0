// Managing what you share (issue 13): trash, restore, purge and unshare sessions and posts; the trash and its sweep.
//
// One code path: the API routes (tracker/routes/sessions.ts, posts.ts), and through them the client and the CLI,
// and the browser forms all call these functions.
//
// Trash: a trashed row keeps everything but is hidden from every read path (the repositories filter `deleted_at`),
// so lists, search, share links, posts, project pages, exports and resume all lose it at once. Restoring clears
// `deleted_at` and brings those back (same share link). Live streams are revoked on trash and stay ended.
//
// Appending to a trashed session (a sender still running): accepted and stored, the session stays in the trash, and
// the push/append answer says `inTrash: true`. Data is never lost, and a deleted session never comes back unasked.
//
// Purge sweep: trashed rows older than TRASH_MS are purged opportunistically whenever the owner trashes something
// or lists the trash (bounded batches, indexed on (user_id, deleted_at)); sweepTrash() without a user does the
// whole tracker for a periodic job.
import type { ListTrashResponse, SessionSummary } from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import type { PostRow, Repositories, SessionRow } from '../db/repositories/index.js';
import { newSlug } from './ids.js';
import { revokeSessionLiveLinks } from './live-links.js';
import { toPost } from './posts.js';
import type { Caller, ServiceDeps } from './service-deps.js';
import { withSharing } from './session-sharing.js';
import { toSummaries } from './session-view.js';
import { iso } from './time.js';

/** How long a trashed session or post can be restored. */
export const TRASH_DAYS = 30;
export const TRASH_MS = TRASH_DAYS * 86_400_000;
const SWEEP_BATCH = 50;

export interface TrashResult {
  id: string;
  deletedAt: string;
  purgeAt: string;
}

const trashed = (id: string, at: number): TrashResult => ({
  id,
  deletedAt: iso(at),
  purgeAt: iso(at + TRASH_MS),
});

const notFound = (what: string, id: string) => new BatonError('not_found', `no ${what} ${id}`);

/** The caller's session in the trash or not (other users' sessions are indistinguishable from missing ones). */
async function lockOwn(repos: Repositories, caller: Caller, id: string): Promise<SessionRow> {
  const row = await repos.sessions.lockByUserAndId(caller.userId, id);
  if (!row) throw notFound('session', id);
  return row;
}

export async function trashSession(deps: ServiceDeps, caller: Caller, id: string): Promise<TrashResult> {
  const now = deps.now();
  const at = await deps.store.transaction(async (repos) => {
    const row = await lockOwn(repos, caller, id);
    // Idempotent: a retried delete keeps the first deletion time (and so the purge date).
    if (row.deleted_at !== null) return Number(row.deleted_at);
    await repos.sessions.setDeleted(row.pk, now);
    await repointProject(repos, row);
    return now;
  });
  await revokeSessionLiveLinks(deps, caller.userId, id);
  deps.events.publish(id, { type: 'session.deleted', userId: caller.userId, sessionId: id });
  await sweepQuietly(deps, caller.userId);
  return trashed(id, at);
}

export async function restoreSession(deps: ServiceDeps, caller: Caller, id: string): Promise<SessionSummary> {
  const now = deps.now();
  const row = await deps.store.transaction(async (repos) => {
    const row = await lockOwn(repos, caller, id);
    if (row.deleted_at === null) return row;
    // Past its 30 days it is as good as purged, even if the sweep has not reached it yet.
    if (Number(row.deleted_at) + TRASH_MS <= now) throw notFound('session', id);
    await repos.sessions.setDeleted(row.pk, null);
    if (row.project_id)
      await repos.projects.movePointer(
        row.project_id,
        { sessionId: row.id, at: Number(row.activity_at), source: row.source },
        false,
      );
    return { ...row, deleted_at: null };
  });
  deps.events.publish(id, { type: 'session.updated', userId: caller.userId, sessionId: id });
  return summaryOf(deps, caller, row);
}

/** Deletes the session, its events and transcript for good (trashed or not). */
export async function purgeSession(deps: ServiceDeps, caller: Caller, id: string): Promise<void> {
  await deps.store.transaction(async (repos) => purgeRow(repos, await lockOwn(repos, caller, id)));
  await revokeSessionLiveLinks(deps, caller.userId, id);
  deps.events.publish(id, { type: 'session.deleted', userId: caller.userId, sessionId: id });
}

/**
 * Withdraws everything that exposes the session: it goes private, its share slug is rotated (so an old link stays
 * dead even if the session is shared again), and its live viewer links are revoked. A private session inside a post
 * is already hidden from the post's readers.
 */
export async function unshareSession(deps: ServiceDeps, caller: Caller, id: string): Promise<SessionSummary> {
  const now = deps.now();
  const row = await deps.store.transaction(async (repos) => {
    const row = await lockOwn(repos, caller, id);
    if (row.deleted_at !== null) throw notFound('session', id);
    const patch = { visibility: 'private', share_slug: newSlug(), updated_at: now };
    await repos.sessions.update(row.pk, patch);
    return { ...row, ...patch };
  });
  await revokeSessionLiveLinks(deps, caller.userId, id);
  deps.events.publish(id, { type: 'session.updated', userId: caller.userId, sessionId: id });
  return summaryOf(deps, caller, row);
}

export async function trashPost(deps: ServiceDeps, caller: Caller, id: string): Promise<TrashResult> {
  const now = deps.now();
  const at = await deps.store.transaction(async (repos) => {
    const post = await ownPost(repos, caller, id);
    if (post.deleted_at !== null) return Number(post.deleted_at);
    await repos.posts.update(post.id, { deleted_at: now });
    return now;
  });
  await sweepQuietly(deps, caller.userId);
  return trashed(id, at);
}

export async function restorePost(deps: ServiceDeps, caller: Caller, id: string) {
  const now = deps.now();
  const post = await deps.store.transaction(async (repos) => {
    const post = await ownPost(repos, caller, id);
    if (post.deleted_at === null) return post;
    if (Number(post.deleted_at) + TRASH_MS <= now) throw notFound('post', id);
    await repos.posts.update(post.id, { deleted_at: null });
    return { ...post, deleted_at: null };
  });
  const ids = await deps.store.posts.sessionIds([post.id]);
  return toPost(post, ids.get(post.id) ?? [], caller.baseUrl);
}

/** Deletes the post for good; its sessions stay. */
export async function purgePost(deps: ServiceDeps, caller: Caller, id: string): Promise<void> {
  await deps.store.transaction(async (repos) => repos.posts.delete((await ownPost(repos, caller, id)).id));
}

export async function listTrash(
  deps: ServiceDeps,
  caller: Caller,
  q: { page: number; limit: number },
): Promise<ListTrashResponse> {
  await sweepQuietly(deps, caller.userId);
  const { store } = deps;
  const [s, p] = await Promise.all([
    store.sessions.listTrashed(caller.userId, q.page, q.limit),
    store.posts.listTrashed(caller.userId, q.page, q.limit),
  ]);
  const [summaries, postIds] = await Promise.all([
    toSummaries(store, s.rows, caller.baseUrl),
    store.posts.sessionIds(p.rows.map((r) => r.id)),
  ]);
  const pages = (total: number) => ({
    page: q.page,
    limit: q.limit,
    total,
    totalPages: Math.ceil(total / q.limit),
  });
  return {
    sessions: summaries.map((sum, i) => ({ ...sum, ...dates(s.rows[i]!.deleted_at) })),
    posts: p.rows.map((r) => ({
      ...toPost(r, postIds.get(r.id) ?? [], caller.baseUrl),
      ...dates(r.deleted_at),
    })),
    pagination: { sessions: pages(s.total), posts: pages(p.total) },
  };
}

/** Purges trashed sessions and posts past their 30 days (one user's, or everyone's); returns how many. */
export async function sweepTrash(deps: ServiceDeps, userId?: string): Promise<number> {
  const cutoff = deps.now() - TRASH_MS;
  const [sessions, posts] = await Promise.all([
    deps.store.sessions.trashedBefore(cutoff, SWEEP_BATCH, userId),
    deps.store.posts.trashedBefore(cutoff, SWEEP_BATCH, userId),
  ]);
  for (const row of sessions) {
    await deps.store.transaction(async (repos) => {
      const fresh = await repos.sessions.lockByUserAndId(row.user_id, row.id);
      // Restored (or purged) since the batch was read: leave it.
      if (fresh && fresh.deleted_at !== null && Number(fresh.deleted_at) <= cutoff)
        await purgeRow(repos, fresh);
    });
  }
  for (const post of posts) await deps.store.posts.delete(post.id);
  return sessions.length + posts.length;
}

/** The sweep is housekeeping: its failure must never fail the request that triggered it. */
async function sweepQuietly(deps: ServiceDeps, userId: string): Promise<void> {
  try {
    await sweepTrash(deps, userId);
  } catch (err) {
    deps.logger.warn('trash sweep failed', { error: String(err) });
  }
}

async function purgeRow(repos: Repositories, row: SessionRow): Promise<void> {
  await repos.sessions.delete(row.pk);
  await repointProject(repos, row);
}

/** A project page names its latest session: point it at the next one in use when this one leaves. */
async function repointProject(repos: Repositories, row: SessionRow): Promise<void> {
  if (!row.project_id) return;
  await repos.projects.clearPointer(row.project_id, row.id);
  const next = await repos.sessions.latestInProject(row.project_id);
  if (next)
    await repos.projects.movePointer(
      row.project_id,
      { sessionId: next.id, at: Number(next.activity_at), source: next.source },
      false,
    );
}

async function ownPost(repos: Repositories, caller: Caller, id: string): Promise<PostRow> {
  const post = await repos.posts.findAnyForUser(caller.userId, id);
  if (!post) throw notFound('post', id);
  return post;
}

async function summaryOf(deps: ServiceDeps, caller: Caller, row: SessionRow): Promise<SessionSummary> {
  const summaries = await toSummaries(deps.store, [row], caller.baseUrl);
  const [out] = await withSharing(deps.store, caller.userId, [row], summaries, caller.baseUrl, deps.now());
  return out!;
}

function dates(deletedAt: number | null): { deletedAt: string; purgeAt: string } {
  const at = Number(deletedAt);
  return { deletedAt: iso(at), purgeAt: iso(at + TRASH_MS) };
}
