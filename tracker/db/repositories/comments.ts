// Comments and reactions on a session's events (migration 11), with their authors' names.
import type { Kysely } from 'kysely';
import type { Database } from '../types.js';
import type { SessionRow } from './sessions.js';

export interface CommentRow {
  id: string;
  session_pk: number;
  event_uuid: string;
  parent_id: string | null;
  user_id: string;
  author: string;
  text: string;
  created_at: number;
}

export interface ReactionRow {
  target: string;
  user_id: string;
  emoji: string;
}

export interface CommentsRepo {
  insert(row: Omit<CommentRow, 'author'>): Promise<void>;
  find(sessionPk: number, id: string): Promise<CommentRow | undefined>;
  list(sessionPk: number): Promise<CommentRow[]>;
  /** Deletes the comment, its replies (cascade) and the reactions to both. */
  delete(sessionPk: number, id: string): Promise<void>;
  reactions(sessionPk: number): Promise<ReactionRow[]>;
  /** Adds the reaction, or removes it when the user had it: true when it is now present. */
  toggleReaction(sessionPk: number, r: ReactionRow, now: number): Promise<boolean>;
  setEnabled(sessionPk: number, enabled: boolean): Promise<void>;
  /** A session another signed-in user may reach by id: shared by link or public, not in the trash. */
  sharedSession(id: string): Promise<SessionRow | undefined>;
  /** Whether the session has an event with this uuid (comments attach to real events only). */
  hasEvent(sessionPk: number, uuid: string): Promise<boolean>;
}

export function createCommentsRepo(db: Kysely<Database>): CommentsRepo {
  const withAuthor = () =>
    db
      .selectFrom('comments')
      .innerJoin('users', 'users.id', 'comments.user_id')
      .select([
        'comments.id',
        'comments.session_pk',
        'comments.event_uuid',
        'comments.parent_id',
        'comments.user_id',
        'users.name as author',
        'comments.text',
        'comments.created_at',
      ]);
  const num = (r: CommentRow): CommentRow => ({
    ...r,
    session_pk: Number(r.session_pk),
    created_at: Number(r.created_at),
  });
  return {
    async insert(row) {
      await db.insertInto('comments').values(row).execute();
    },
    async find(sessionPk, id) {
      const r = await withAuthor()
        .where('comments.session_pk', '=', sessionPk)
        .where('comments.id', '=', id)
        .executeTakeFirst();
      return r && num(r);
    },
    async list(sessionPk) {
      const rows = await withAuthor()
        .where('comments.session_pk', '=', sessionPk)
        .orderBy('comments.created_at')
        .orderBy('comments.id')
        .execute();
      return rows.map(num);
    },
    async delete(sessionPk, id) {
      const replies = await db
        .selectFrom('comments')
        .select('id')
        .where('session_pk', '=', sessionPk)
        .where('parent_id', '=', id)
        .execute();
      const targets = [id, ...replies.map((r) => r.id)].map((c) => `c:${c}`);
      await db
        .deleteFrom('comment_reactions')
        .where('session_pk', '=', sessionPk)
        .where('target', 'in', targets)
        .execute();
      // Replies go with their parent (ON DELETE CASCADE); SQLite enforces it with foreign_keys on, so say it here too.
      await db
        .deleteFrom('comments')
        .where('session_pk', '=', sessionPk)
        .where('parent_id', '=', id)
        .execute();
      await db.deleteFrom('comments').where('session_pk', '=', sessionPk).where('id', '=', id).execute();
    },
    reactions: (sessionPk) =>
      db
        .selectFrom('comment_reactions')
        .select(['target', 'user_id', 'emoji'])
        .where('session_pk', '=', sessionPk)
        .orderBy('created_at')
        .execute(),
    async toggleReaction(sessionPk, r, now) {
      const gone = await db
        .deleteFrom('comment_reactions')
        .where('session_pk', '=', sessionPk)
        .where('target', '=', r.target)
        .where('user_id', '=', r.user_id)
        .where('emoji', '=', r.emoji)
        .executeTakeFirst();
      if (Number(gone.numDeletedRows) > 0) return false;
      await db
        .insertInto('comment_reactions')
        .values({ session_pk: sessionPk, ...r, created_at: now })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return true;
    },
    sharedSession: (id) =>
      db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', id)
        .where('visibility', '!=', 'private')
        .where('deleted_at', 'is', null)
        .orderBy('pk')
        .executeTakeFirst(),
    async hasEvent(sessionPk, uuid) {
      const r = await db
        .selectFrom('events')
        .select('id')
        .where('session_pk', '=', sessionPk)
        .where('uuid', '=', uuid)
        .executeTakeFirst();
      return r !== undefined;
    },
    async setEnabled(sessionPk, enabled) {
      await db
        .updateTable('sessions')
        .set({ comments_enabled: enabled ? 1 : 0 })
        .where('pk', '=', sessionPk)
        .execute();
    },
  };
}
