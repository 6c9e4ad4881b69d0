// Ends a session's live streams when its owner trashes or unshares it, through the live store's own API.
import type { LiveStatus } from '../../src/core/api/live.js';
import { liveStreamsForSessions } from '../db/repositories/live-sharing.js';
import type { LiveStreamsTable } from '../db/types.js';
import { createLiveStore } from '../live/store.js';
import type { ServiceDeps } from './service-deps.js';

/** What a viewer sees: an open stream past its expiry is expired even before the live sweeper marks it. */
export function effectiveLiveStatus(
  row: Pick<LiveStreamsTable, 'status' | 'expires_at'>,
  now: number,
): LiveStatus {
  const open = row.status === 'active' || row.status === 'paused';
  return open && Number(row.expires_at) <= now ? 'expired' : row.status;
}

/**
 * Revokes every open live stream of the owner's session: its viewer links answer 410 from now on and no further
 * event reaches them (the live module delivers only to active streams). A revoked stream is never reopened, so a
 * restore does not bring a viewer link back. Returns how many streams were revoked.
 */
export async function revokeSessionLiveLinks(
  deps: Pick<ServiceDeps, 'store' | 'now'>,
  ownerId: string,
  sessionId: string,
): Promise<number> {
  const now = deps.now();
  const live = createLiveStore(deps.store.db);
  let n = 0;
  for (const row of await liveStreamsForSessions(deps.store.db, ownerId, [sessionId])) {
    const st = effectiveLiveStatus(row, now);
    if (st !== 'active' && st !== 'paused') continue;
    await live.setStatus(row.id, 'revoked', { endedAt: now });
    n++;
  }
  return n;
}
