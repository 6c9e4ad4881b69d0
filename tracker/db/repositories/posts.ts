// Posts: a titled, shareable group of sessions owned by one user.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, PostsTable } from '../types.js';

export type PostRow = Selectable<PostsTable>;

/** A post a session belongs to, for the sharing summary of list cards. */
export interface SessionPostRef {
  session_pk: number;
  id: string;
  title: string | null;
  visibility: string;
  share_slug: string;
}

/**
 * Trash (migration 10): findForUser, findByShareSlug and list skip posts with `deleted_at` set; findAnyForUser sees
 * them (restore, purge). Trashed sessions drop out of a post's session ids.
 */
export interface PostsRepo {
  create(row: Insertable<PostsTable>): Promise<void>;
  findForUser(userId: string, id: string): Promise<PostRow | undefined>;
  findAnyForUser(userId: string, id: string): Promise<PostRow | undefined>;
  findByShareSlug(slug: string): Promise<PostRow | undefined>;
  /** The user's post in use that a push of this session created (the one a re-push updates). */
  findByOrigin(userId: string, sessionPk: number): Promise<PostRow | undefined>;
  list(userId: string, page: number, limit: number): Promise<{ rows: PostRow[]; total: number }>;
  listTrashed(userId: string, page: number, limit: number): Promise<{ rows: PostRow[]; total: number }>;
  trashedBefore(cutoff: number, limit: number, userId?: string): Promise<PostRow[]>;
  /** The owner's posts in use that hold these sessions, in one query. */
  forSessions(userId: string, sessionPks: number[]): Promise<SessionPostRef[]>;
  update(id: string, patch: Updateable<PostsTable>): Promise<void>;
  delete(id: string): Promise<void>;
  addSession(postId: string, sessionPk: number, now: number): Promise<void>;
  /** Session ids (the client-visible ones) per post, in the order they were added; trashed sessions left out. */
  sessionIds(postIds: string[]): Promise<Map<string, string[]>>;
  sessionPks(postId: string): Promise<number[]>;
}

export function createPostsRepo(db: Kysely<Database>): PostsRepo {
  const inUse = () => db.selectFrom('posts').selectAll().where('deleted_at', 'is', null);
  const page = (userId: string, trashed: boolean, p: number, limit: number) => {
    const q = db
      .selectFrom('posts')
      .where('user_id', '=', userId)
      .where('deleted_at', trashed ? 'is not' : 'is', null);
    return Promise.all([
      q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
      q
        .selectAll()
        .orderBy(trashed ? 'deleted_at' : 'updated_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .offset((p - 1) * limit)
        .execute(),
    ]).then(([count, rows]) => ({ rows, total: Number(count?.n ?? 0) }));
  };
  return {
    async create(row) {
      await db.insertInto('posts').values(row).execute();
    },
    findForUser: (userId, id) =>
      inUse().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst(),
    findAnyForUser: (userId, id) =>
      db
        .selectFrom('posts')
        .selectAll()
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst(),
    findByShareSlug: (slug) => inUse().where('share_slug', '=', slug).executeTakeFirst(),
    findByOrigin: (userId, sessionPk) =>
      inUse()
        .where('user_id', '=', userId)
        .where('origin_session_pk', '=', sessionPk)
        .orderBy('created_at')
        .executeTakeFirst(),
    list: (userId, p, limit) => page(userId, false, p, limit),
    listTrashed: (userId, p, limit) => page(userId, true, p, limit),
    trashedBefore(cutoff, limit, userId) {
      let q = db.selectFrom('posts').selectAll().where('deleted_at', '<=', cutoff);
      if (userId) q = q.where('user_id', '=', userId);
      return q.orderBy('deleted_at').limit(limit).execute();
    },
    async forSessions(userId, sessionPks) {
      if (sessionPks.length === 0) return [];
      const rows = await db
        .selectFrom('post_sessions as ps')
        .innerJoin('posts as p', 'p.id', 'ps.post_id')
        .select(['ps.session_pk', 'p.id', 'p.title', 'p.visibility', 'p.share_slug'])
        .where('ps.session_pk', 'in', sessionPks)
        .where('p.user_id', '=', userId)
        .where('p.deleted_at', 'is', null)
        .orderBy('ps.added_at')
        .orderBy('p.id')
        .execute();
      return rows.map((r) => ({ ...r, session_pk: Number(r.session_pk) }));
    },
    async update(id, patch) {
      await db.updateTable('posts').set(patch).where('id', '=', id).execute();
    },
    async delete(id) {
      await db.deleteFrom('posts').where('id', '=', id).execute();
    },
    async addSession(postId, sessionPk, now) {
      await db
        .insertInto('post_sessions')
        .values({ post_id: postId, session_pk: sessionPk, added_at: now })
        .onConflict((oc) => oc.columns(['post_id', 'session_pk']).doNothing())
        .execute();
    },
    async sessionIds(postIds) {
      const out = new Map<string, string[]>();
      for (const id of postIds) out.set(id, []);
      if (postIds.length === 0) return out;
      const rows = await db
        .selectFrom('post_sessions as ps')
        .innerJoin('sessions as s', 's.pk', 'ps.session_pk')
        .select(['ps.post_id', 's.id'])
        .where('ps.post_id', 'in', postIds)
        .where('s.deleted_at', 'is', null)
        .orderBy('ps.added_at')
        .orderBy('s.pk')
        .execute();
      for (const r of rows) out.get(r.post_id)?.push(r.id);
      return out;
    },
    async sessionPks(postId) {
      const rows = await db
        .selectFrom('post_sessions')
        .select('session_pk')
        .where('post_id', '=', postId)
        .orderBy('added_at')
        .orderBy('session_pk')
        .execute();
      return rows.map((r) => Number(r.session_pk));
    },
  };
}
