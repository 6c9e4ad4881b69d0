// Who an SSE connection is, for presence: the signed-in web user (or API key owner) by display name, else anonymous.
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.js';
import type { LiveAuth } from './auth.js';
import { watcherOf, type Watcher } from './presence.js';

export type Identify = (c: Context) => Promise<Watcher | null>;

/**
 * Anyone signed in who may open the page is named: the page itself is the access check. Only the display name
 * leaves the server (never the user id, key or any other field), so an anonymous viewer of an unlisted link learns
 * the names of the signed-in people watching with them, and nothing more.
 */
export function createIdentify(db: Kysely<Database>, auth: LiveAuth): Identify {
  return async (c) => {
    const caller = c.get('caller' as never) as { userId: string } | undefined;
    const user = (await auth.userFromCookie(c)) ?? caller ?? null;
    if (!user) return null;
    const row = await db.selectFrom('users').select('name').where('id', '=', user.userId).executeTakeFirst();
    return row ? watcherOf({ userId: user.userId, name: row.name }) : null;
  };
}
