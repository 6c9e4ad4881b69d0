// Manage a session from the browser: star, tag, archive, rename, share, delete and undo (issue 13). Every form calls
// the same service function as the API route that does the same thing (one code path, one ownership check).
import type { Route } from '../../http/define-route.js';
import { PatchSessionRequest } from '../../../src/core/api/index.js';
import { BatonError } from '../../../src/core/errors.js';
import { ownSession, patchSession } from '../../services/sessions.js';
import type { WebDeps } from '../web-deps.js';
import { confirmedAction, formAction, safeBack } from './manage-route.js';
import { MANAGE_PAGE_ROUTES } from './manage-pages.js';
import { POST_ACTION_ROUTES } from './manage-posts.js';
import { STREAM_ACTION_ROUTES } from './manage-streams.js';
import { TRASH_ACTION_ROUTES } from './manage-trash.js';
import { pageRoutes } from './page-route.js';

const sessionPath = (id: string) => `/sessions/${encodeURIComponent(id)}`;
const flag = (v: string | undefined) => (v === undefined || v === '' ? undefined : v === 'true');

/** The form's fields as a PatchSessionRequest: absent fields stay as they are; tags are one comma/space list. */
export function patchFromForm(form: Record<string, string | undefined>): PatchSessionRequest {
  const raw: Record<string, unknown> = {};
  if (form.title !== undefined) raw.title = form.title.trim() === '' ? null : form.title;
  if (form.tags !== undefined) raw.tags = [...new Set(form.tags.split(/[\s,]+/).filter(Boolean))];
  if (flag(form.starred) !== undefined) raw.starred = flag(form.starred);
  if (flag(form.archived) !== undefined) raw.archived = flag(form.archived);
  if (form.visibility) raw.visibility = form.visibility;
  const parsed = PatchSessionRequest.safeParse(raw);
  if (!parsed.success)
    throw new BatonError(
      'invalid_request',
      'Those changes are not valid: a title is up to 300 characters, at most 20 tags of up to 50 characters each.',
    );
  return parsed.data;
}

export const SESSION_ACTION_ROUTES: ReadonlyArray<Route<WebDeps>> = [
  formAction({
    path: '/sessions/{id}/manage',
    summary: 'Star, archive, rename, tag or share a session (any of its fields)',
    run: async (d, ctx, id, form) => {
      const patch = patchFromForm(form);
      // Making a shared session private kills its link: that is the confirmed /unlink, never a plain form.
      if (patch.visibility === 'private') {
        const row = await ownSession(d.services.store, ctx.caller, id);
        if (row.visibility !== 'private')
          throw new BatonError('invalid_request', 'Unsharing a link is confirmed first.');
      }
      await patchSession(d.services, ctx.caller, id, patch);
      return safeBack(form.back, sessionPath(id));
    },
  }),
  ...confirmedAction({
    path: '/sessions/{id}/unlink',
    summary: 'Make a session private: its share link stops working (a new share makes a new link)',
    load: (d, ctx, id) => ownSession(d.services.store, ctx.caller, id),
    ask: (row) => ({
      title: 'Stop sharing this link?',
      message: `“${row.title ?? row.id}” becomes private. Everyone with the link loses access; sharing it again makes a new link.`,
      confirmLabel: 'Make private',
    }),
    run: async (d, ctx, _row, id, form) => {
      await patchSession(d.services, ctx.caller, id, { visibility: 'private' });
      return safeBack(form.back, sessionPath(id));
    },
    cancel: sessionPath,
  }),
  ...TRASH_ACTION_ROUTES,
  ...POST_ACTION_ROUTES,
  ...STREAM_ACTION_ROUTES,
  ...MANAGE_PAGE_ROUTES,
];

export function createSessionActionRoutes(d: WebDeps) {
  return pageRoutes(d, SESSION_ACTION_ROUTES);
}
