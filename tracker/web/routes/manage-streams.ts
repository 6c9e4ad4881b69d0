// Stop (complete) or revoke a live link from the browser: the live service's own complete and revoke, as the API's.
import type { Route } from '../../http/define-route.js';
import { BatonError } from '../../../src/core/errors.js';
import type { LiveStreamRow } from '../../live/store.js';
import type { PageCtx, WebDeps } from '../web-deps.js';
import { confirmedAction, safeBack } from './manage-route.js';

/** The caller's own stream, or a 404 that says nothing about anyone else's. */
async function ownStream(d: WebDeps, ctx: PageCtx, liveId: string): Promise<LiveStreamRow> {
  const row = await d.live.store.getById(liveId);
  if (!row || row.owner_id !== ctx.user.userId) throw new BatonError('not_found', 'No such live link.');
  return row;
}

const back = (row: LiveStreamRow) =>
  row.session_id ? `/sessions/${encodeURIComponent(row.session_id)}` : '/shared';

export const STREAM_ACTION_ROUTES: ReadonlyArray<Route<WebDeps>> = [
  ...confirmedAction({
    path: '/streams/{id}/stop',
    summary: 'Stop a live link: the stream ends normally, viewers see that it ended',
    load: (d, ctx, id) => ownStream(d, ctx, id),
    ask: (row) => ({
      title: 'Stop this live link?',
      message: `The live stream${row.title ? ` “${row.title}”` : ''} ends now; its viewers see that it ended and the link shows no more. The session itself stays.`,
      confirmLabel: 'Stop live link',
    }),
    run: async (d, ctx, row, _id, form) => {
      await d.live.service.complete(row, { createPost: false }, ctx.caller.baseUrl);
      return safeBack(form.back, back(row));
    },
    cancel: () => '/shared',
  }),
  ...confirmedAction({
    path: '/streams/{id}/revoke',
    summary: 'Revoke a live link at once (its viewers are cut off; the view URL answers 410)',
    load: (d, ctx, id) => ownStream(d, ctx, id),
    ask: (row) => ({
      title: 'Revoke this live link?',
      message: `Everyone watching${row.title ? ` “${row.title}”` : ''} is cut off at once and the link stops working for good. The session itself stays.`,
      confirmLabel: 'Revoke live link',
    }),
    run: async (d, _ctx, row, _id, form) => {
      await d.live.service.revoke(row);
      return safeBack(form.back, back(row));
    },
    cancel: () => '/shared',
  }),
];
