// Posts: a titled, shareable group of sessions owned by one user.
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database, PostsTable } from '../types.js';

export type PostRow = Selectable<PostsTable>;

export interface PostsRepo {
  create(row: PostRow): Promise<PostRow>;
  findForUser(userId: string, id: string): Promise<PostRow | undefined>;
  findByShareSlug(slug: string): Promise<PostRow | undefined>;
  list(userId: string, page: number, limit: number): Promise<{ rows: PostRow[]; total: number }>;
  update(id: string, patch: Updateable<PostsTable>): Promise<void>;
  delete(id: string): Promise<void>;
  addSession(postId: string, sessionPk: number, now: number): Promise<void>;
  /** Session ids (the client-visible ones) per post, in the order they were added. */
  sessionIds(postIds: string[]): Promise<Map<string, string[]>>;
  sessionPks(postId: string): Promise<number[]>;
}

export function createPostsRepo(db: Kysely<Database>): PostsRepo {
  return {
    async create(row) {
      await db.insertInto('posts').values(row).execute();
      return row;
    },
    findForUser: (userId, id) =>
      db
        .selectFrom('posts')
        .selectAll()
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst(),
    findByShareSlug: (slug) =>
      db.selectFrom('posts').selectAll().where('share_slug', '=', slug).executeTakeFirst(),
    async list(userId, page, limit) {
      const q = db.selectFrom('posts').where('user_id', '=', userId);
      const [count, rows] = await Promise.all([
        q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
        q
          .selectAll()
          .orderBy('updated_at', 'desc')
          .orderBy('id')
          .limit(limit)
          .offset((page - 1) * limit)
          .execute(),
      ]);
      return { rows, total: Number(count?.n ?? 0) };
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
