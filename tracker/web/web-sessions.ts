// Browser sessions: an API key pasted at /login becomes an httpOnly cookie whose SHA-256 is stored in web_sessions.
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.js';
import { isHttpsOrigin, type UrlConfig } from '../http/base-url.js';

export const SESSION_COOKIE = 'baton_session';
/** Browser sessions last 30 days unless the key they came from is revoked or expires first. */
export const WEB_SESSION_TTL_MS = 30 * 86_400_000;

export interface WebUser {
  userId: string;
  name: string;
  role: 'owner' | 'member';
  keyId: string;
  /** Hash of the session cookie: the CSRF token is derived from it. */
  sessionHash: string;
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createWebSessions(db: Kysely<Database>, opts: { now: () => number; config: UrlConfig }) {
  return {
    async create(c: Context, user: { userId: string; keyId: string }): Promise<void> {
      const token = randomBytes(32).toString('base64url');
      const now = opts.now();
      await db
        .insertInto('web_sessions')
        .values({
          token_hash: hash(token),
          user_id: user.userId,
          key_id: user.keyId,
          created_at: now,
          expires_at: now + WEB_SESSION_TTL_MS,
          last_seen_at: now,
        })
        .execute();
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: isHttpsOrigin(c, opts.config),
        path: '/',
        maxAge: Math.floor(WEB_SESSION_TTL_MS / 1000),
      });
    },

    /** The signed-in user, or null. A revoked or expired login key ends the session at once. */
    async current(c: Context): Promise<WebUser | null> {
      const cached = c.get('webUser' as never) as WebUser | null | undefined;
      if (cached !== undefined) return cached;
      const token = getCookie(c, SESSION_COOKIE);
      let user: WebUser | null = null;
      if (token && token.length <= 100) {
        const now = opts.now();
        const row = await db
          .selectFrom('web_sessions')
          .innerJoin('api_keys', 'api_keys.id', 'web_sessions.key_id')
          .innerJoin('users', 'users.id', 'web_sessions.user_id')
          .select([
            'web_sessions.user_id',
            'web_sessions.key_id',
            'web_sessions.expires_at',
            'api_keys.revoked_at',
            'api_keys.expires_at as key_expires_at',
            'users.name',
            'users.role',
          ])
          .where('web_sessions.token_hash', '=', hash(token))
          .executeTakeFirst();
        if (
          row &&
          Number(row.expires_at) > now &&
          row.revoked_at === null &&
          (row.key_expires_at === null || Number(row.key_expires_at) > now)
        ) {
          user = {
            userId: row.user_id,
            keyId: row.key_id,
            name: row.name,
            role: row.role,
            sessionHash: hash(token),
          };
        }
      }
      c.set('webUser' as never, user as never);
      return user;
    },

    async destroy(c: Context): Promise<void> {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await db.deleteFrom('web_sessions').where('token_hash', '=', hash(token)).execute();
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
    },
  };
}

export type WebSessions = ReturnType<typeof createWebSessions>;
