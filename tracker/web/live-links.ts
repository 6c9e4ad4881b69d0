// Which sessions have an open live stream the signed-in owner can follow (for "Watch live" and live detail pages).
import type { Live } from '../live/index.js';

export async function openStreamFor(
  live: Live,
  userId: string,
  sessionId: string,
): Promise<{ liveId: string } | null> {
  for (const row of await live.store.listBySession(sessionId)) {
    if (row.owner_id !== userId) continue;
    const st = live.service.effectiveStatus(row);
    if (st === 'active' || st === 'paused') return { liveId: row.id };
  }
  return null;
}

/** Session id → link for the sessions on one page (a handful of indexed lookups). */
export async function liveLinks(
  live: Live,
  userId: string,
  sessionIds: string[],
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  await Promise.all(
    sessionIds.map(async (id) => {
      if (await openStreamFor(live, userId, id)) out[id] = `/sessions/${encodeURIComponent(id)}#live`;
    }),
  );
  return out;
}
