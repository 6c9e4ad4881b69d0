// The server secret that signs CSRF tokens: random, created once, stored in the database so every instance shares it.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.js';

/** Loads (creating on first use) the named secret. Two instances racing both end up reading the one that won. */
export async function loadSecret(db: Kysely<Database>, name: string): Promise<Buffer> {
  await db
    .insertInto('tracker_secrets')
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('tracker_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64url');
}
