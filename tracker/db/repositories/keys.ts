// API keys: only SHA-256 hashes and an 8-char display prefix are stored.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ApiKeysTable, Database } from '../types.js';

export type KeyRow = Selectable<ApiKeysTable>;
export type NewKeyRow = Insertable<ApiKeysTable>;

export interface KeysRepo {
  create(key: NewKeyRow): Promise<void>;
  /** Candidates for a presented key; the caller compares hashes in constant time. */
  findByPrefix(prefix: string): Promise<KeyRow[]>;
  /** Same, with the owning user's name and role joined in (one query on the auth hot path). */
  findByPrefixWithUser(
    prefix: string,
  ): Promise<Array<KeyRow & { user_name: string; user_role: 'owner' | 'member'; user_created_at: number }>>;
  findById(id: string): Promise<KeyRow | undefined>;
  findForUser(userId: string, id: string): Promise<KeyRow | undefined>;
  listForUser(userId: string): Promise<KeyRow[]>;
  /**
   * Sets revoked_at once, on the key and every key it created (transitively); false when the key is not the
   * user's (or does not exist). A child must not outlive the credential that made it: that is how a stolen key
   * would otherwise keep access after its owner revoked it.
   */
  revoke(userId: string, id: string, now: number): Promise<boolean>;
  /** Records use at most once per `minIntervalMs`, so a busy key does not write on every request. */
  touch(id: string, now: number, minIntervalMs: number): Promise<void>;
}

export function createKeysRepo(db: Kysely<Database>): KeysRepo {
  return {
    async create(key) {
      await db.insertInto('api_keys').values(key).execute();
    },
    findByPrefix: (prefix) => db.selectFrom('api_keys').selectAll().where('prefix', '=', prefix).execute(),
    findByPrefixWithUser: (prefix) =>
      db
        .selectFrom('api_keys as k')
        .innerJoin('users as u', 'u.id', 'k.user_id')
        .selectAll('k')
        .select(['u.name as user_name', 'u.role as user_role', 'u.created_at as user_created_at'])
        .where('k.prefix', '=', prefix)
        .execute(),
    findById: (id) => db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst(),
    findForUser: (userId, id) =>
      db
        .selectFrom('api_keys')
        .selectAll()
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst(),
    listForUser: (userId) =>
      db
        .selectFrom('api_keys')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    async revoke(userId, id, now) {
      const found = await db
        .selectFrom('api_keys')
        .select('revoked_at')
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (!found) return false;
      if (found.revoked_at === null) {
        await db.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', id).execute();
      }
      // Breadth-first down the family; revoked children are walked too (their own children may be live).
      const seen = new Set([id]);
      let frontier = [id];
      while (frontier.length > 0) {
        const children = await db
          .selectFrom('api_keys')
          .select(['id', 'revoked_at'])
          .where('parent_id', 'in', frontier)
          .execute();
        const fresh = children.filter((k) => !seen.has(k.id));
        for (const k of fresh) seen.add(k.id);
        const live = fresh.filter((k) => k.revoked_at === null).map((k) => k.id);
        if (live.length > 0)
          await db.updateTable('api_keys').set({ revoked_at: now }).where('id', 'in', live).execute();
        frontier = fresh.map((k) => k.id);
      }
      return true;
    },
    async touch(id, now, minIntervalMs) {
      await db
        .updateTable('api_keys')
        .set({ last_used_at: now })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', now - minIntervalMs)]))
        .execute();
    },
  };
}
