// Handoff documents (Markdown + frontmatter), newest first per user or project.
import type { Kysely, Selectable } from 'kysely';
import type { Database, HandoffsTable } from '../types.js';

export type HandoffRow = Selectable<HandoffsTable>;
export type HandoffListRow = Omit<HandoffRow, 'body' | 'frontmatter'>;

export interface HandoffsRepo {
  create(row: HandoffRow): Promise<HandoffRow>;
  findForUser(userId: string, id: string): Promise<HandoffRow | undefined>;
  list(userId: string, opts: { projectId?: string; limit: number }): Promise<HandoffListRow[]>;
}

export function createHandoffsRepo(db: Kysely<Database>): HandoffsRepo {
  return {
    async create(row) {
      await db.insertInto('handoffs').values(row).execute();
      return row;
    },
    findForUser: (userId, id) =>
      db
        .selectFrom('handoffs')
        .selectAll()
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst(),
    async list(userId, opts) {
      let q = db
        .selectFrom('handoffs')
        .select(['id', 'user_id', 'project_id', 'session_id', 'title', 'created_at'])
        .where('user_id', '=', userId);
      if (opts.projectId) q = q.where('project_id', '=', opts.projectId);
      return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
    },
  };
}
