// Users: every stored row belongs to one.
import type { Kysely, Selectable } from 'kysely';
import type { Database, UsersTable } from '../types.js';

export type UserRow = Selectable<UsersTable>;

export interface UsersRepo {
  create(user: UserRow): Promise<UserRow>;
  findById(id: string): Promise<UserRow | undefined>;
  findByName(name: string): Promise<UserRow | undefined>;
  list(): Promise<UserRow[]>;
  count(): Promise<number>;
}

export function createUsersRepo(db: Kysely<Database>): UsersRepo {
  return {
    async create(user) {
      await db.insertInto('users').values(user).execute();
      return user;
    },
    findById: (id) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
    findByName: (name) => db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst(),
    list: () => db.selectFrom('users').selectAll().orderBy('created_at').orderBy('id').execute(),
    async count() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}
