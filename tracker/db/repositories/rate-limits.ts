// Fixed-window request counters in the database, so one limit holds across tracker instances.
import type { Kysely } from 'kysely';
import type { Database } from '../types.js';

export interface RateLimitsRepo {
  /** Counts one request in the key's window and returns the count so far (including this one). */
  hit(keyId: string, windowStart: number): Promise<number>;
  /** Drops windows that ended before `before`. */
  prune(before: number): Promise<void>;
}

export function createRateLimitsRepo(db: Kysely<Database>): RateLimitsRepo {
  return {
    async hit(keyId, windowStart) {
      const row = await db
        .insertInto('rate_counters')
        .values({ key_id: keyId, window_start: windowStart, count: 1 })
        .onConflict((oc) =>
          oc
            .columns(['key_id', 'window_start'])
            .doUpdateSet((eb) => ({ count: eb('rate_counters.count', '+', 1) })),
        )
        .returning('count')
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
    async prune(before) {
      await db.deleteFrom('rate_counters').where('window_start', '<', before).execute();
    },
  };
}
