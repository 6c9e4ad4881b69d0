// SessionSummary.sharing: what exposes each session (link, posts, live streams), for a page of rows in 2 queries.
import type { SessionSharing, SessionSummary, Visibility } from '../../src/core/api/index.js';
import { liveStreamsForSessions } from '../db/repositories/live-sharing.js';
import type { SessionRow } from '../db/repositories/index.js';
import type { Store } from '../db/store.js';
import { effectiveLiveStatus } from './live-links.js';
import { postUrl, sessionUrl } from './urls.js';

export async function sharingFor(
  store: Pick<Store, 'db' | 'posts'>,
  ownerId: string,
  rows: SessionRow[],
  baseUrl: string,
  now: number,
): Promise<SessionSharing[]> {
  const [posts, streams] = await Promise.all([
    store.posts.forSessions(
      ownerId,
      rows.map((r) => Number(r.pk)),
    ),
    liveStreamsForSessions(
      store.db,
      ownerId,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => ({
    link:
      r.visibility === 'private'
        ? null
        : { visibility: r.visibility as 'unlisted' | 'public', url: sessionUrl(baseUrl, r) },
    posts: posts
      .filter((p) => p.session_pk === Number(r.pk))
      .map((p) => ({
        id: p.id,
        title: p.title,
        visibility: p.visibility as Visibility,
        url: postUrl(baseUrl, p),
      })),
    live: streams
      .filter((s) => s.session_id === r.id)
      .map((s) => {
        const status = effectiveLiveStatus(s, now);
        const open = status === 'active' || status === 'paused';
        return {
          liveId: s.id,
          visibility: s.visibility,
          status,
          url: open ? `${baseUrl}/sessions/${encodeURIComponent(r.id)}#live` : null,
        };
      }),
  }));
}

/** The summaries with `sharing` filled in (summaries[i] belongs to rows[i]). */
export async function withSharing<T extends SessionSummary>(
  store: Pick<Store, 'db' | 'posts'>,
  ownerId: string,
  rows: SessionRow[],
  summaries: T[],
  baseUrl: string,
  now: number,
): Promise<T[]> {
  const sharing = await sharingFor(store, ownerId, rows, baseUrl, now);
  return summaries.map((s, i) => ({ ...s, sharing: sharing[i] }));
}
