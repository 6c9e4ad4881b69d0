// Projects (a repo or working dir) with their "latest AI session" pointer and per-project session stats.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, ProjectsTable } from '../types.js';

export type ProjectRow = Selectable<ProjectsTable>;

export interface ProjectStats {
  sessions: number;
  totalDurationMs: number;
  lastSessionAt: number | null;
}

export interface PointerUpdate {
  sessionId: string;
  at: number;
  source: string;
}

export interface ProjectsRepo {
  /** Finds or creates the user's project with this slug; refreshes name and cwd when given. */
  upsert(p: {
    id: string;
    userId: string;
    slug: string;
    name: string;
    cwd: string | null;
    now: number;
  }): Promise<ProjectRow>;
  /** By id, slug or (case-insensitive) name, within the user's projects only. */
  find(userId: string, ref: string): Promise<ProjectRow | undefined>;
  findById(id: string): Promise<ProjectRow | undefined>;
  byIds(ids: string[]): Promise<ProjectRow[]>;
  list(userId: string): Promise<ProjectRow[]>;
  /** Session count, total duration and latest activity per project id. */
  stats(userId: string, projectIds: string[]): Promise<Map<string, ProjectStats>>;
  /**
   * Moves the latest-session pointer unless it already points at newer activity (`force` moves it anyway).
   * Returns true when it moved.
   */
  movePointer(projectId: string, update: PointerUpdate, force: boolean): Promise<boolean>;
  /** Clears the pointer when it names a session that was deleted. */
  clearPointer(projectId: string, sessionId: string): Promise<void>;
}

export function createProjectsRepo(db: Kysely<Database>): ProjectsRepo {
  return {
    async upsert(p) {
      await db
        .insertInto('projects')
        .values({
          id: p.id,
          user_id: p.userId,
          slug: p.slug,
          name: p.name,
          cwd: p.cwd,
          last_session_id: null,
          last_session_at: null,
          last_session_source: null,
          created_at: p.now,
          updated_at: p.now,
        })
        .onConflict((oc) =>
          oc.columns(['user_id', 'slug']).doUpdateSet((eb) => ({
            cwd: sql<string | null>`coalesce(${eb.ref('excluded.cwd')}, ${eb.ref('projects.cwd')})`,
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
      return db
        .selectFrom('projects')
        .selectAll()
        .where('user_id', '=', p.userId)
        .where('slug', '=', p.slug)
        .executeTakeFirstOrThrow();
    },
    async find(userId, ref) {
      const rows = await db
        .selectFrom('projects')
        .selectAll()
        .where('user_id', '=', userId)
        .where((eb) =>
          eb.or([
            eb('id', '=', ref),
            eb('slug', '=', ref),
            eb(eb.fn('lower', ['name']), '=', ref.toLowerCase()),
          ]),
        )
        .execute();
      // An exact id wins over a slug, a slug over a name.
      return rows.find((r) => r.id === ref) ?? rows.find((r) => r.slug === ref) ?? rows[0];
    },
    findById: (id) => db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst(),
    async byIds(ids) {
      if (ids.length === 0) return [];
      return db.selectFrom('projects').selectAll().where('id', 'in', ids).execute();
    },
    list: (userId) =>
      db
        .selectFrom('projects')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('last_session_at', 'desc')
        .orderBy('updated_at', 'desc')
        .execute(),
    async stats(userId, projectIds) {
      const out = new Map<string, ProjectStats>();
      if (projectIds.length === 0) return out;
      const rows = await db
        .selectFrom('sessions')
        .select((eb) => [
          'project_id',
          eb.fn.countAll().as('n'),
          eb.fn.sum<number>('duration_ms').as('total'),
          eb.fn.max('activity_at').as('last'),
        ])
        .where('user_id', '=', userId)
        .where('project_id', 'in', projectIds)
        .groupBy('project_id')
        .execute();
      for (const r of rows) {
        if (!r.project_id) continue;
        out.set(r.project_id, {
          sessions: Number(r.n),
          totalDurationMs: Number(r.total ?? 0),
          lastSessionAt: r.last === null ? null : Number(r.last),
        });
      }
      return out;
    },
    async movePointer(projectId, u, force) {
      let q = db
        .updateTable('projects')
        .set({
          last_session_id: u.sessionId,
          last_session_at: u.at,
          last_session_source: u.source,
          updated_at: u.at,
        })
        .where('id', '=', projectId);
      if (!force)
        q = q.where((eb) => eb.or([eb('last_session_at', 'is', null), eb('last_session_at', '<=', u.at)]));
      const res = await q.executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },
    async clearPointer(projectId, sessionId) {
      await db
        .updateTable('projects')
        .set({ last_session_id: null, last_session_at: null, last_session_source: null })
        .where('id', '=', projectId)
        .where('last_session_id', '=', sessionId)
        .execute();
    },
  };
}
