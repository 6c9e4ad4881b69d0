// Sessions: one row per (user, session id) with denormalized totals, tags, and list/search queries.
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, Engine, SessionsTable } from '../types.js';
import { matchingSessions, preferBitmapScan } from './session-search.js';

export type SessionRow = Selectable<SessionsTable>;
export type NewSessionRow = Insertable<SessionsTable>;
export type SessionPatch = Updateable<SessionsTable>;

export interface SessionListFilter {
  userId: string;
  status?: string;
  source?: string;
  /** Resolved project id; callers turn an unknown project into an empty result before asking. */
  projectId?: string;
  /** An Agent SDK SessionStore projectKey (exact). */
  projectKey?: string;
  tag?: string;
  starred?: boolean;
  archived?: boolean;
  /** Tokens from searchTerms(); when set, results are ranked by relevance. */
  terms?: string[];
  page: number;
  limit: number;
}

export interface SessionListResult {
  rows: Array<SessionRow & { score?: number }>;
  total: number;
}

/**
 * Trash (migration 10): every read that shows a session (find, share slug, lists, posts, project pointers) skips
 * rows with `deleted_at` set. The write paths (lockByUserAndId, findByPk, insertIfAbsent) see trashed rows too, so an
 * append to a trashed session lands in the trash instead of failing or creating a second row.
 */
export interface SessionsRepo {
  /** The user's session, not in the trash. */
  findByUserAndId(userId: string, id: string): Promise<SessionRow | undefined>;
  /** The user's session, in the trash or not; on PostgreSQL locks the row for the rest of the transaction. */
  lockByUserAndId(userId: string, id: string): Promise<SessionRow | undefined>;
  findByPk(pk: number): Promise<SessionRow | undefined>;
  /** Titles of the user's sessions with these ids (missing or trashed ids are left out). */
  titlesFor(userId: string, ids: string[]): Promise<Map<string, string | null>>;
  findByShareSlug(slug: string): Promise<SessionRow | undefined>;
  byPks(pks: number[]): Promise<SessionRow[]>;
  /** Inserts unless (user_id, id) exists; returns the stored row either way. */
  insertIfAbsent(row: NewSessionRow): Promise<SessionRow>;
  update(pk: number, patch: SessionPatch): Promise<void>;
  /** Sets project_key when the session has none yet; false when it already had one (maybe set concurrently). */
  claimProjectKey(pk: number, projectKey: string): Promise<boolean>;
  delete(pk: number): Promise<void>;
  /** Moves a session into the trash (`at`) or out of it (null). */
  setDeleted(pk: number, at: number | null): Promise<void>;
  /** The user's trashed sessions, most recently trashed first. */
  listTrashed(userId: string, page: number, limit: number): Promise<SessionListResult>;
  /** Trashed sessions deleted at or before `cutoff` (of one user, or everyone's), at most `limit`. */
  trashedBefore(cutoff: number, limit: number, userId?: string): Promise<SessionRow[]>;
  list(filter: SessionListFilter): Promise<SessionListResult>;
  listPublic(page: number, limit: number): Promise<SessionListResult>;
  latestInProject(projectId: string): Promise<SessionRow | undefined>;
  setTags(pk: number, tags: string[]): Promise<void>;
  tagsFor(pks: number[]): Promise<Map<number, string[]>>;
}

export function createSessionsRepo(db: Kysely<Database>, engine: Engine): SessionsRepo {
  const byUserAndId = (userId: string, id: string) =>
    db.selectFrom('sessions').selectAll().where('user_id', '=', userId).where('id', '=', id);
  const inUse = () => db.selectFrom('sessions').selectAll().where('deleted_at', 'is', null);

  return {
    findByUserAndId: (userId, id) =>
      byUserAndId(userId, id).where('deleted_at', 'is', null).executeTakeFirst(),
    lockByUserAndId: (userId, id) =>
      engine === 'postgres'
        ? byUserAndId(userId, id).forUpdate().executeTakeFirst()
        : byUserAndId(userId, id).executeTakeFirst(),
    findByPk: (pk) => db.selectFrom('sessions').selectAll().where('pk', '=', pk).executeTakeFirst(),
    async titlesFor(userId, ids) {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('sessions')
        .select(['id', 'title'])
        .where('user_id', '=', userId)
        .where('id', 'in', ids)
        .where('deleted_at', 'is', null)
        .execute();
      return new Map(rows.map((r) => [r.id, r.title]));
    },
    findByShareSlug: (slug) => inUse().where('share_slug', '=', slug).executeTakeFirst(),
    async byPks(pks) {
      if (pks.length === 0) return [];
      return inUse().where('pk', 'in', pks).execute();
    },
    async insertIfAbsent(row) {
      await db
        .insertInto('sessions')
        .values(row)
        .onConflict((oc) => oc.columns(['user_id', 'id']).doNothing())
        .execute();
      return byUserAndId(row.user_id, row.id).executeTakeFirstOrThrow();
    },
    async update(pk, patch) {
      await db.updateTable('sessions').set(patch).where('pk', '=', pk).execute();
    },
    async claimProjectKey(pk, projectKey) {
      const r = await db
        .updateTable('sessions')
        .set({ project_key: projectKey })
        .where('pk', '=', pk)
        .where('project_key', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async delete(pk) {
      await db.deleteFrom('sessions').where('pk', '=', pk).execute();
    },
    async setDeleted(pk, at) {
      await db.updateTable('sessions').set({ deleted_at: at }).where('pk', '=', pk).execute();
    },
    async listTrashed(userId, page, limit) {
      const q = db.selectFrom('sessions').where('user_id', '=', userId).where('deleted_at', 'is not', null);
      const [count, rows] = await Promise.all([
        q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
        q
          .selectAll()
          .orderBy('deleted_at', 'desc')
          .orderBy('pk', 'desc')
          .limit(limit)
          .offset((page - 1) * limit)
          .execute(),
      ]);
      return { rows, total: Number(count?.n ?? 0) };
    },
    trashedBefore(cutoff, limit, userId) {
      let q = db.selectFrom('sessions').selectAll().where('deleted_at', '<=', cutoff);
      if (userId) q = q.where('user_id', '=', userId);
      return q.orderBy('deleted_at').limit(limit).execute();
    },
    async list(f) {
      const filtered = (conn: Kysely<Database>) => {
        let q = conn
          .selectFrom('sessions as s')
          .where('s.user_id', '=', f.userId)
          .where('s.deleted_at', 'is', null);
        if (f.status) q = q.where('s.status', '=', f.status);
        if (f.source) q = q.where('s.source', '=', f.source);
        if (f.projectId) q = q.where('s.project_id', '=', f.projectId);
        if (f.projectKey) q = q.where('s.project_key', '=', f.projectKey);
        if (f.starred !== undefined) q = q.where('s.starred', '=', f.starred ? 1 : 0);
        if (f.archived !== undefined) q = q.where('s.archived', '=', f.archived ? 1 : 0);
        if (f.tag) {
          const tag = f.tag;
          q = q.where((eb) =>
            eb.exists(
              eb
                .selectFrom('session_tags as t')
                .select('t.tag')
                .whereRef('t.session_pk', '=', 's.pk')
                .where('t.tag', '=', tag),
            ),
          );
        }
        return q;
      };
      const offset = (f.page - 1) * f.limit;
      if (f.terms && f.terms.length > 0) {
        const terms = f.terms;
        const search = async (conn: Kysely<Database>): Promise<SessionListResult> => {
          const bitmap = engine === 'postgres' && (await preferBitmapScan(conn, terms));
          const m = matchingSessions(engine, terms, filtered(conn).select('s.pk'), { bitmap }).as('m');
          const q = filtered(conn).innerJoin(m, (join) => join.onRef(sql.ref('m.session_pk'), '=', 's.pk'));
          // Narrow pass first (keys, score, and the window count for the total before LIMIT), then the page's rows.
          const keys = await q
            .select([
              's.pk',
              sql<number>`m.score`.as('score'),
              sql<number>`count(*) over ()`.as('total_count'),
            ])
            .orderBy(sql`m.score`, 'desc')
            .orderBy('s.activity_at', 'desc')
            .orderBy('s.pk', 'desc')
            .limit(f.limit)
            .offset(offset)
            .execute();
          let total = keys[0] ? Number(keys[0].total_count) : 0;
          if (keys.length === 0 && offset > 0) {
            const c = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
            total = Number(c?.n ?? 0);
          }
          if (keys.length === 0) return { rows: [], total };
          const full = await conn
            .selectFrom('sessions')
            .selectAll()
            .where(
              'pk',
              'in',
              keys.map((k) => k.pk),
            )
            .execute();
          const byPk = new Map(full.map((r) => [Number(r.pk), r]));
          const rows = keys.flatMap((k) => {
            const r = byPk.get(Number(k.pk));
            return r ? [{ ...r, score: Number(k.score) }] : [];
          });
          return { rows, total };
        };
        if (engine === 'sqlite') return search(db);
        // The search documents' tsvectors live in TOAST, so the planner sees a tiny table and picks a sequential
        // scan that detoasts every document; steer this one query to the GIN index.
        return db.connection().execute(async (conn) => {
          await sql`SET enable_seqscan = off`.execute(conn);
          try {
            return await search(conn);
          } finally {
            await sql`RESET enable_seqscan`.execute(conn);
          }
        });
      }
      const q = filtered(db);
      // Deferred join: walk the (user_id, activity_at, pk) index for the page's keys only, then fetch 20 rows.
      const page = q
        .select('s.pk')
        .orderBy('s.activity_at', 'desc')
        .orderBy('s.pk', 'desc')
        .limit(f.limit)
        .offset(offset);
      const [count, rows] = await Promise.all([
        q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
        db
          .selectFrom('sessions as s')
          .selectAll('s')
          .where('s.pk', 'in', page)
          .orderBy('s.activity_at', 'desc')
          .orderBy('s.pk', 'desc')
          .execute(),
      ]);
      return { rows, total: Number(count?.n ?? 0) };
    },
    async listPublic(page, limit) {
      const q = db.selectFrom('sessions').where('visibility', '=', 'public').where('deleted_at', 'is', null);
      const [count, rows] = await Promise.all([
        q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
        q
          .selectAll()
          .orderBy('activity_at', 'desc')
          .orderBy('pk', 'desc')
          .limit(limit)
          .offset((page - 1) * limit)
          .execute(),
      ]);
      return { rows, total: Number(count?.n ?? 0) };
    },
    latestInProject: (projectId) =>
      db
        .selectFrom('sessions')
        .selectAll()
        .where('project_id', '=', projectId)
        .where('deleted_at', 'is', null)
        .orderBy('activity_at', 'desc')
        .orderBy('pk', 'desc')
        .limit(1)
        .executeTakeFirst(),
    async setTags(pk, tags) {
      await db.deleteFrom('session_tags').where('session_pk', '=', pk).execute();
      const unique = [...new Set(tags)];
      if (unique.length > 0) {
        await db
          .insertInto('session_tags')
          .values(unique.map((tag) => ({ session_pk: pk, tag })))
          .execute();
      }
    },
    async tagsFor(pks) {
      const out = new Map<number, string[]>();
      if (pks.length === 0) return out;
      const rows = await db
        .selectFrom('session_tags')
        .select(['session_pk', 'tag'])
        .where('session_pk', 'in', pks)
        .orderBy('tag')
        .execute();
      for (const r of rows) {
        const pk = Number(r.session_pk);
        const list = out.get(pk) ?? [];
        list.push(r.tag);
        out.set(pk, list);
      }
      return out;
    },
  };
}
