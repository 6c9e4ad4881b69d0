// Read-only look-ups of live streams for the sharing summary and the manage actions (the live store owns writes).
import type { Kysely } from 'kysely';
import type { Database, LiveStreamsTable } from '../types.js';

/** The owner's live streams of these sessions, newest first, in one query (session ids are per-user, hence owner). */
export async function liveStreamsForSessions(
  db: Kysely<Database>,
  ownerId: string,
  sessionIds: string[],
): Promise<LiveStreamsTable[]> {
  if (sessionIds.length === 0) return [];
  const rows = await db
    .selectFrom('live_streams')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('session_id', 'in', sessionIds)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, expires_at: Number(r.expires_at), created_at: Number(r.created_at) }));
}
