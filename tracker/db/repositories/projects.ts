// Projects (a repo or working dir) with their "latest AI session" pointer and per-project session stats.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, ProjectsTable } from '../types.js';

export type ProjectRow = Selectable<ProjectsTable>;

/**
 * Sums over a project's sessions of each session's OWN part: a fork's inherited history (its parent's turns,
 * tokens, cost and time, copied by `--fork-session`) is left out, so parent + fork never counts them twice.
 */
export interface ProjectStats {
  sessions: number;
  totalDurationMs: number;
  lastSessionAt: number | null;
  tokens: { input: number; output: number; cacheRead: number; cacheWrite: number };
  /** Null when no session of the project has a known cost. */
  costUsd: number | null;
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
          sql<number>`SUM(CASE WHEN duration_ms > inherited_duration_ms THEN duration_ms - inherited_duration_ms ELSE 0 END)`.as(
            'total',
          ),
          eb.fn.max('activity_at').as('last'),
          sql<number>`SUM(tokens_input - inherited_tokens_input)`.as('tin'),
          sql<number>`SUM(tokens_output - inherited_tokens_output)`.as('tout'),
          sql<number>`SUM(tokens_cache_read - inherited_tokens_cache_read)`.as('tcr'),
          sql<number>`SUM(tokens_cache_write - inherited_tokens_cache_write)`.as('tcw'),
          sql<
            number | null
          >`SUM(CASE WHEN cost_usd IS NULL THEN NULL WHEN cost_usd > inherited_cost_usd THEN cost_usd - inherited_cost_usd ELSE 0 END)`.as(
            'cost',
          ),
        ])
        .where('user_id', '=', userId)
        .where('project_id', 'in', projectIds)
        // Trashed sessions (migration 10) no longer count toward a project.
        .where('deleted_at', 'is', null)
        .groupBy('project_id')
        .execute();
      for (const r of rows) {
        if (!r.project_id) continue;
        out.set(r.project_id, {
          sessions: Number(r.n),
          totalDurationMs: Number(r.total ?? 0),
          lastSessionAt: r.last === null ? null : Number(r.last),
          tokens: {
            input: Math.max(0, Number(r.tin ?? 0)),
            output: Math.max(0, Number(r.tout ?? 0)),
            cacheRead: Math.max(0, Number(r.tcr ?? 0)),
            cacheWrite: Math.max(0, Number(r.tcw ?? 0)),
          },
          costUsd: r.cost === null || r.cost === undefined ? null : Math.round(Number(r.cost) * 1e9) / 1e9,
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
