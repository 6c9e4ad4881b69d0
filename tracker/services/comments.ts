// Comments and reactions on a session's events (issue 14): who may read and write, the rules, and the live frames.
import { createHash, randomBytes } from 'node:crypto';
import type {
  Comment,
  CommentsResponse,
  CreateCommentRequest,
  ReactionResponse,
  ReactionSummary,
  ToggleReactionRequest,
} from '../../src/core/api/index.js';
import { REACTION_EMOJI } from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import type { CommentRow, ReactionRow, SessionRow } from '../db/repositories/index.js';
import type { Store } from '../db/store.js';
import { HttpError } from '../http/errors.js';
import { createRateLimiter } from './rate-limit.js';
import type { ServiceDeps } from './service-deps.js';

/** Comments and reactions a user may post per minute (all sessions together): a person typing, not a script. */
export const COMMENT_WRITES_PER_MINUTE = 20;

/** Who is asking about which session: `viewerId` null is an anonymous reader (a share link, never a writer). */
export interface CommentAccess {
  row: SessionRow;
  viewerId: string | null;
}

/** An opaque, stable key for a user (browsers match "mine" with it; the user id itself is never sent). */
export function authorKey(userId: string): string {
  return createHash('sha256').update(`baton-comment:${userId}`).digest('hex').slice(0, 16);
}

/**
 * By session id (the API and the owner's pages): the caller's own session, else one shared by link or public, which
 * any signed-in user of the tracker may open (they hold the link). Private sessions of others do not exist to them.
 */
export async function accessById(store: Store, viewerId: string, id: string): Promise<CommentAccess> {
  const row =
    (await store.sessions.findByUserAndId(viewerId, id)) ?? (await store.comments.sharedSession(id));
  if (!row) throw new BatonError('not_found', `no session ${id}`);
  return { row, viewerId };
}

const isOwner = (a: CommentAccess) => a.viewerId !== null && a.viewerId === a.row.user_id;
export const canComment = (a: CommentAccess) => a.viewerId !== null && a.row.comments_enabled !== 0;

function summarize(rows: ReactionRow[], viewerId: string | null): ReactionSummary[] {
  return REACTION_EMOJI.flatMap((emoji) => {
    const mine = rows.filter((r) => r.emoji === emoji);
    return mine.length === 0
      ? []
      : [{ emoji, count: mine.length, mine: mine.some((r) => r.user_id === viewerId) }];
  });
}

function toComment(c: CommentRow, reactions: ReactionRow[], a: CommentAccess): Comment {
  return {
    id: c.id,
    eventUuid: c.event_uuid,
    parentId: c.parent_id,
    author: { name: c.author, key: authorKey(c.user_id) },
    text: c.text,
    createdAt: new Date(c.created_at).toISOString(),
    reactions: summarize(
      reactions.filter((r) => r.target === `c:${c.id}`),
      a.viewerId,
    ),
    canDelete: a.viewerId !== null && (a.viewerId === c.user_id || isOwner(a)),
  };
}

export async function listComments(store: Store, a: CommentAccess): Promise<CommentsResponse> {
  const [rows, reactions] = await Promise.all([
    store.comments.list(a.row.pk),
    store.comments.reactions(a.row.pk),
  ]);
  const eventReactions: Record<string, ReactionSummary[]> = {};
  for (const uuid of new Set(reactions.filter((r) => r.target.startsWith('e:')).map((r) => r.target))) {
    eventReactions[uuid.slice(2)] = summarize(
      reactions.filter((r) => r.target === uuid),
      a.viewerId,
    );
  }
  return {
    sessionId: a.row.id,
    commentsEnabled: a.row.comments_enabled !== 0,
    canComment: canComment(a),
    comments: rows.map((c) => toComment(c, reactions, a)),
    eventReactions,
  };
}

/** Signed in, comments on, under the per-user rate: the checks every write makes first. */
async function writer(deps: ServiceDeps, a: CommentAccess): Promise<string> {
  if (a.viewerId === null) throw new BatonError('forbidden', 'sign in to comment');
  if (a.row.comments_enabled === 0)
    throw new HttpError(403, 'comments_disabled', 'the owner turned comments off for this session');
  const rate = await createRateLimiter(deps.store).check(
    `comment:${a.viewerId}`,
    COMMENT_WRITES_PER_MINUTE,
    deps.now(),
  );
  if (!rate.allowed)
    throw new HttpError(
      429,
      'rate_limited',
      `at most ${COMMENT_WRITES_PER_MINUTE} comments and reactions a minute`,
      {
        retryAfterSeconds: rate.retryAfterSec,
      },
    );
  return a.viewerId;
}

async function requireEvent(store: Store, a: CommentAccess, uuid: string): Promise<void> {
  if (!(await store.comments.hasEvent(a.row.pk, uuid)))
    throw new BatonError('not_found', `no event ${uuid} in this session`);
}

/** Every watcher of the session, on every instance, gets the frame (the comment without per-viewer flags). */
function broadcast(
  deps: ServiceDeps,
  row: SessionRow,
  event: string,
  data: unknown,
  fallback?: unknown,
): void {
  deps.events.publish(row.id, {
    type: 'room',
    userId: row.user_id,
    sessionId: row.id,
    event,
    data: JSON.stringify(data),
    ...(fallback !== undefined ? { fallback: JSON.stringify(fallback) } : {}),
  });
}

export async function createComment(
  deps: ServiceDeps,
  a: CommentAccess,
  body: CreateCommentRequest,
): Promise<Comment> {
  const userId = await writer(deps, a);
  await requireEvent(deps.store, a, body.eventUuid);
  if (body.parentId) {
    const parent = await deps.store.comments.find(a.row.pk, body.parentId);
    if (!parent) throw new BatonError('not_found', `no comment ${body.parentId} in this session`);
    if (parent.parent_id !== null || parent.event_uuid !== body.eventUuid)
      throw new BatonError('invalid_input', 'a reply answers a top-level comment on the same event');
  }
  const id = `cmt_${randomBytes(12).toString('base64url')}`;
  await deps.store.comments.insert({
    id,
    session_pk: a.row.pk,
    event_uuid: body.eventUuid,
    parent_id: body.parentId ?? null,
    user_id: userId,
    text: body.text,
    created_at: deps.now(),
  });
  const row = (await deps.store.comments.find(a.row.pk, id))!;
  const comment = toComment(row, [], a);
  // Too large for a NOTIFY: other instances' browsers are told to fetch the list again.
  broadcast(
    deps,
    a.row,
    'comment',
    { ...comment, canDelete: false },
    { id, eventUuid: body.eventUuid, refetch: true },
  );
  return comment;
}

/** The author, or the session's owner (moderation). */
export async function deleteComment(deps: ServiceDeps, a: CommentAccess, id: string): Promise<void> {
  const c = await deps.store.comments.find(a.row.pk, id);
  if (!c) throw new BatonError('not_found', `no comment ${id} in this session`);
  if (a.viewerId === null || (a.viewerId !== c.user_id && !isOwner(a)))
    throw new BatonError('forbidden', 'only its author or the session owner can delete a comment');
  await deps.store.comments.delete(a.row.pk, id);
  broadcast(deps, a.row, 'comment_deleted', { id, eventUuid: c.event_uuid });
}

export async function toggleReaction(
  deps: ServiceDeps,
  a: CommentAccess,
  body: ToggleReactionRequest,
): Promise<ReactionResponse> {
  const userId = await writer(deps, a);
  await requireEvent(deps.store, a, body.eventUuid);
  if (body.commentId) {
    const c = await deps.store.comments.find(a.row.pk, body.commentId);
    if (!c || c.event_uuid !== body.eventUuid)
      throw new BatonError('not_found', `no comment ${body.commentId} on this event`);
  }
  const target = body.commentId ? `c:${body.commentId}` : `e:${body.eventUuid}`;
  const active = await deps.store.comments.toggleReaction(
    a.row.pk,
    { target, user_id: userId, emoji: body.emoji },
    deps.now(),
  );
  const all = (await deps.store.comments.reactions(a.row.pk)).filter((r) => r.target === target);
  const base = { eventUuid: body.eventUuid, commentId: body.commentId ?? null, emoji: body.emoji };
  broadcast(deps, a.row, 'reaction', {
    ...base,
    by: authorKey(userId),
    active,
    reactions: summarize(all, null),
  });
  return { ...base, active, reactions: summarize(all, userId) };
}

export async function setCommentsEnabled(
  deps: ServiceDeps,
  a: CommentAccess,
  enabled: boolean,
): Promise<void> {
  if (!isOwner(a)) throw new BatonError('not_found', `no session ${a.row.id}`);
  await deps.store.comments.setEnabled(a.row.pk, enabled);
  broadcast(deps, a.row, 'comments_settings', { commentsEnabled: enabled });
}
