// Where one event sits in a session's transcript order (main chain by seq, then each sidechain by agent id and seq).
import type { Kysely } from 'kysely';
import type { Database } from '../types.js';

/** An event's place in its chain: '' for the main chain, else the sidechain's agent id. */
export interface EventPlace {
  agentId: string;
  seq: number;
}

/**
 * How many events come before `at` in the order the pages list them, or null when the session has no such event.
 * Both queries are ranges of the events_order index (session_pk, agent_id, seq): no scan of the whole session.
 */
export async function eventOrdinal(
  db: Kysely<Database>,
  sessionPk: number,
  at: EventPlace,
): Promise<number | null> {
  const found = await db
    .selectFrom('events')
    .select('id')
    .where('session_pk', '=', sessionPk)
    .where('agent_id', '=', at.agentId)
    .where('seq', '=', at.seq)
    .limit(1)
    .executeTakeFirst();
  if (!found) return null;
  const before = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('session_pk', '=', sessionPk)
    .where((eb) =>
      eb.or([
        eb('agent_id', '<', at.agentId),
        eb.and([eb('agent_id', '=', at.agentId), eb('seq', '<', at.seq)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(before.n);
}
