// Managing what you share (issue 13): trash, restore, purge and unshare sessions and posts, and the trash itself.
// Each call is one API route; the tracker's services do the work (the CLI and the browser share that one path).
import { ListTrashResponse, PostResponse, SessionSummaryResponse, TrashResponse } from '../core/api/index.js';
import type { CallOptions } from './sessions-api.js';
import type { Transport } from './transport.js';
import { seg } from './validate.js';

type Kind = 'sessions' | 'posts';

function deleteCalls(t: Transport, kind: Kind) {
  const del = (id: string, purge: boolean, o: CallOptions) =>
    t.call({
      method: 'DELETE',
      path: `/api/v1/${kind}/${seg(id)}`,
      ...(purge ? { query: { purge: 'true' } } : {}),
      response: TrashResponse,
      // Both are idempotent on the tracker: a second trash keeps the first date, a second purge finds nothing.
      idempotent: true,
      ...o,
    });
  return {
    /** DELETE: to the trash for 30 days → { deletedAt, purgeAt }. */
    trash: (id: string, o: CallOptions = {}) => del(id, false, o),
    /** DELETE ?purge=true: gone for good → { purged: true }. */
    purge: (id: string, o: CallOptions = {}) => del(id, true, o),
  };
}

/** sessions.trash / purge / restore / unshare. */
export function createSessionManageApi(t: Transport) {
  return {
    ...deleteCalls(t, 'sessions'),
    /** POST /api/v1/sessions/:id/restore → the session's summary, back where it was. */
    restore: (id: string, o: CallOptions = {}) =>
      t.call({
        method: 'POST',
        path: `/api/v1/sessions/${seg(id)}/restore`,
        response: SessionSummaryResponse,
        idempotent: true,
        ...o,
      }),
    /** POST /api/v1/sessions/:id/unshare: private, share link rotated for good, live links revoked. */
    unshare: (id: string, o: CallOptions = {}) =>
      t.call({
        method: 'POST',
        path: `/api/v1/sessions/${seg(id)}/unshare`,
        response: SessionSummaryResponse,
        idempotent: true,
        ...o,
      }),
  };
}

/** posts.trash / purge / restore. */
export function createPostManageApi(t: Transport) {
  return {
    ...deleteCalls(t, 'posts'),
    restore: (id: string, o: CallOptions = {}) =>
      t.call({
        method: 'POST',
        path: `/api/v1/posts/${seg(id)}/restore`,
        response: PostResponse,
        idempotent: true,
        ...o,
      }),
  };
}

/** GET /api/v1/trash: one page of trashed sessions and one of trashed posts. */
export function createTrashApi(t: Transport) {
  return {
    list: (page: { page?: number; limit?: number } = {}, o: CallOptions = {}) =>
      t.call({ method: 'GET', path: '/api/v1/trash', query: page, response: ListTrashResponse, ...o }),
  };
}
