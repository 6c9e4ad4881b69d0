// `/sessions/{id}/presence` and `/share|p/{slug}[/s/{sessionId}]/presence`: who is looking at a session page (SSE).
import type { Context } from 'hono';
import { BatonError } from '../../../src/core/errors.js';
import { ownSession } from '../../services/sessions.js';
import { openPresenceSse, sessionRoom } from '../../live/index.js';
import type { WebDeps } from '../web-deps.js';
import { pageCtx, pageRoute, pageRoutes } from './page-route.js';
import { sharedPostSession, sharedSession } from '../../services/shared-links.js';

const STREAM = { 200: { contentType: 'text/event-stream' } } as const;
const describe =
  '`presence` events `{ users: [{ id, name }], anonymous }` as watchers come and go, summed across tracker ' +
  'instances; `id` is an opaque key, not the user id. Capped like the live feed (per room, per address).';

/** Same access as the page: the owner's session, or a session shared by link. Counted in the session's room. */
async function watch(c: Context, d: WebDeps, row: SessionRef): Promise<Response> {
  await d.live.start();
  const who = await d.live.identify(c);
  const room = sessionRoom(row.id);
  const release = d.live.gate.admit(c, room, { viewer: true });
  return openPresenceSse(c, {
    presence: d.live.presence,
    room,
    who,
    owner: row.user_id,
    heartbeatMs: d.live.heartbeatMs,
    onClose: release,
  });
}

/** The owner is part of the key: comment frames reach watchers of that owner's session only (ids are per user). */
type SessionRef = { id: string; user_id: string };

const notFound = () => new BatonError('not_found', 'Not found.');

async function sharedSessionId(d: WebDeps, slug: string): Promise<SessionRef> {
  const row = await sharedSession(d.services.store, slug);
  if (!row) throw notFound();
  return row;
}

async function postSessionId(c: Context, d: WebDeps, slug: string, sessionId: string): Promise<SessionRef> {
  const viewer = (await d.sessions.current(c))?.userId ?? null;
  const row = await sharedPostSession(d.services.store, slug, sessionId, viewer);
  if (!row) throw notFound();
  return row;
}

const shared = {
  tag: 'web',
  auth: 'none',
  rateLimit: 'none',
  responses: STREAM,
  errors: [404, 429, 503],
} as const;

export const PRESENCE_ROUTES = [
  pageRoute({
    method: 'get',
    path: '/sessions/{id}/presence',
    tag: 'web',
    auth: 'session',
    rateLimit: 'none',
    summary: 'Who is looking at one of your sessions (Server-Sent Events)',
    description: describe,
    responses: STREAM,
    errors: [404, 429, 503],
    handler: async ({ c, deps: d, params: { id } }) => {
      const row = await ownSession(d.services.store, pageCtx(c).caller, id);
      return watch(c, d, row);
    },
  }),
  ...['/share', '/p'].flatMap((prefix) => [
    pageRoute({
      ...shared,
      method: 'get',
      path: `${prefix}/{slug}/presence`,
      summary: 'Who is looking at a shared session (Server-Sent Events)',
      description: describe,
      handler: async ({ c, deps: d, params: { slug } }) => watch(c, d, await sharedSessionId(d, slug)),
    }),
    pageRoute({
      ...shared,
      method: 'get',
      path: `${prefix}/{slug}/s/{sessionId}/presence`,
      summary: 'Who is looking at a session of a shared post (Server-Sent Events)',
      description: describe,
      handler: async ({ c, deps: d, params: { slug, sessionId } }) =>
        watch(c, d, await postSessionId(c, d, slug, sessionId)),
    }),
  ]),
];

export function createPresenceRoutes(d: WebDeps) {
  return pageRoutes(d, PRESENCE_ROUTES);
}
