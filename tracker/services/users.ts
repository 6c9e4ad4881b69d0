// Users: the owner created on first start, and members added by the owner (each with a first API key).
import type { UserInfo, UserRole } from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import type { Repositories, UserRow } from '../db/repositories/index.js';
import type { Store } from '../db/store.js';
import { createKey, type KeyStrength, type NewKey } from './keys.js';
import { newId } from './ids.js';
import { iso } from './time.js';

export interface NewUser {
  user: UserRow;
  key: NewKey;
}

/** `input.keyLimits`: caps the first key (set when another key creates the user; see routes/users.ts). */
export async function addUser(
  repos: Repositories,
  input: { name: string; role?: UserRole; keyName?: string; keyLimits?: KeyStrength },
  opts: { now: number; defaultRate: number },
): Promise<NewUser> {
  if (await repos.users.findByName(input.name))
    throw new BatonError('already_exists', `a user named ${input.name} exists`);
  const user: UserRow = {
    id: newId('usr'),
    name: input.name,
    role: input.role ?? 'member',
    created_at: opts.now,
  };
  await repos.users.create(user);
  const limits = input.keyLimits;
  const key = await createKey(
    repos,
    user.id,
    {
      name: input.keyName ?? 'default',
      ...(limits ? { rateLimitPerMinute: limits.rateLimitPerMinute } : {}),
      ...(limits?.expiresAt != null ? { expiresAt: new Date(limits.expiresAt).toISOString() } : {}),
    },
    opts,
  );
  return { user, key };
}

/**
 * On an empty database creates the owner and its first key (returned raw: the only time it exists).
 * Returns null when users already exist. Safe against two instances starting at once: the loser sees a user.
 */
export async function ensureOwner(
  store: Store,
  opts: { now: number; defaultRate: number; name?: string },
): Promise<NewUser | null> {
  if ((await store.users.count()) > 0) return null;
  try {
    return await store.transaction(async (repos) => {
      if ((await repos.users.count()) > 0) return null;
      return addUser(
        repos,
        { name: opts.name ?? 'owner', role: 'owner', keyName: 'owner (first start)' },
        opts,
      );
    });
  } catch (err) {
    if ((await store.users.count()) > 0) return null;
    throw err;
  }
}

export function toUserInfo(u: UserRow): UserInfo {
  return { id: u.id, name: u.name, role: u.role, createdAt: iso(Number(u.created_at)) };
}
