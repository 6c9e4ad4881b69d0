// Delete (to the trash), restore, delete forever and unshare everywhere, for sessions and posts, from the browser:
// the session-actions service functions the API's DELETE and restore routes call.
import type { Route } from '../../http/define-route.js';
import { BatonError } from '../../../src/core/errors.js';
import { getPost } from '../../services/posts.js';
import {
  purgePost,
  purgeSession,
  restorePost,
  restoreSession,
  trashPost,
  trashSession,
  unshareSession,
} from '../../services/session-actions.js';
import { ownSession } from '../../services/sessions.js';
import type { PageCtx, WebDeps } from '../web-deps.js';
import { confirmedAction, formAction, safeBack, withParam } from './manage-route.js';
import { postPath } from './manage-posts.js';

const sessionPath = (id: string) => `/sessions/${encodeURIComponent(id)}`;

/** A trashed thing is still the caller's to purge: looked up in the trash or not (the write paths' own lookup). */
async function ownAny(d: WebDeps, ctx: PageCtx, kind: 'session' | 'post', id: string) {
  const store = d.services.store;
  const row =
    kind === 'session'
      ? await store.sessions.lockByUserAndId(ctx.user.userId, id)
      : await store.posts.findAnyForUser(ctx.user.userId, id);
  if (!row) throw new BatonError('not_found', `no ${kind} ${id}`);
  return { title: row.title ?? id };
}

/**
 * Where to land after a deletion: `back` (never the deleted thing's own page, which is now gone) with the flash that
 * offers Undo.
 */
function landing(
  back: string | undefined,
  gone: string,
  fallback: string,
  flash: string,
  id: string,
): string {
  const to = safeBack(back, fallback);
  const path = to.split(/[?#]/)[0];
  return withParam(path === gone ? fallback : to, flash, id);
}

export const TRASH_ACTION_ROUTES: ReadonlyArray<Route<WebDeps>> = [
  ...confirmedAction({
    path: '/sessions/{id}/delete',
    summary: 'Move a session to the trash (restorable for 30 days)',
    load: (d, ctx, id) => ownSession(d.services.store, ctx.caller, id),
    ask: (row) => ({
      title: 'Delete this session?',
      message: `“${row.title ?? row.id}” moves to the trash, and every link to it stops working. You can restore it from the trash for 30 days.`,
      confirmLabel: 'Delete',
    }),
    run: async (d, ctx, _row, id, form) => {
      await trashSession(d.services, ctx.caller, id);
      return landing(form.back, sessionPath(id), '/', 'deleted', id);
    },
    cancel: sessionPath,
  }),
  formAction({
    path: '/sessions/{id}/restore',
    summary: 'Restore a session from the trash',
    run: async (d, ctx, id, form) => {
      await restoreSession(d.services, ctx.caller, id);
      return safeBack(form.back, sessionPath(id));
    },
  }),
  ...confirmedAction({
    path: '/sessions/{id}/purge',
    summary: 'Delete a session forever (its events and transcript too)',
    load: (d, ctx, id) => ownAny(d, ctx, 'session', id),
    ask: (s) => ({
      title: 'Delete this session forever?',
      message: `“${s.title}”, its messages and its transcript are deleted for good. This cannot be undone.`,
      confirmLabel: 'Delete forever',
    }),
    run: async (d, ctx, _s, id, form) => {
      await purgeSession(d.services, ctx.caller, id);
      return safeBack(form.back, '/trash');
    },
    cancel: () => '/trash',
  }),
  ...confirmedAction({
    path: '/sessions/{id}/unshare',
    summary: 'Unshare a session everywhere: private, a new link, its live links revoked',
    load: (d, ctx, id) => ownSession(d.services.store, ctx.caller, id),
    ask: (row) => ({
      title: 'Unshare this session everywhere?',
      message: `“${row.title ?? row.id}” becomes private: its link stops working, its live links are revoked, and posts holding it no longer show it. Nothing is deleted.`,
      confirmLabel: 'Unshare everywhere',
    }),
    run: async (d, ctx, _row, id, form) => {
      await unshareSession(d.services, ctx.caller, id);
      return safeBack(form.back, sessionPath(id));
    },
    cancel: sessionPath,
  }),
  ...confirmedAction({
    path: '/posts/{id}/delete',
    summary: 'Move a post to the trash (its sessions stay; restorable for 30 days)',
    load: (d, ctx, id) => getPost(d.services, ctx.caller, id),
    ask: (post) => ({
      title: 'Delete this post?',
      message: `“${post.title ?? 'Untitled post'}” moves to the trash and its link stops working. Its sessions stay. You can restore it from the trash for 30 days.`,
      confirmLabel: 'Delete post',
    }),
    run: async (d, ctx, _post, id, form) => {
      await trashPost(d.services, ctx.caller, id);
      return landing(form.back, postPath(id), '/shared', 'deletedPost', id);
    },
    cancel: postPath,
  }),
  formAction({
    path: '/posts/{id}/restore',
    summary: 'Restore a post from the trash',
    run: async (d, ctx, id, form) => {
      await restorePost(d.services, ctx.caller, id);
      return safeBack(form.back, postPath(id));
    },
  }),
  ...confirmedAction({
    path: '/posts/{id}/purge',
    summary: 'Delete a post forever (its sessions stay)',
    load: (d, ctx, id) => ownAny(d, ctx, 'post', id),
    ask: (p) => ({
      title: 'Delete this post forever?',
      message: `“${p.title}” is deleted for good; its sessions stay. This cannot be undone.`,
      confirmLabel: 'Delete forever',
    }),
    run: async (d, ctx, _p, id, form) => {
      await purgePost(d.services, ctx.caller, id);
      return safeBack(form.back, '/trash');
    },
    cancel: () => '/trash',
  }),
];
