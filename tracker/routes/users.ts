// /api/v1/me and /api/v1/users: who am I; the owner lists and adds users.
import type { Hono } from 'hono';
import { CreateUserRequest } from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import { limitBody } from '../http/body-limit.js';
import type { AppEnv } from '../http/env.js';
import { readJson } from '../http/validate.js';
import { strengthOf, tighterOf, toKeyInfo } from '../services/keys.js';
import { addUser, toUserInfo } from '../services/users.js';
import type { RouteContext } from './context.js';

export function registerUserRoutes(app: Hono<AppEnv>, { deps, auth }: RouteContext): void {
  app.get('/api/v1/me', auth, async (c) => {
    const caller = c.get('caller');
    const [user, key] = await Promise.all([
      deps.store.users.findById(caller.userId),
      deps.store.keys.findById(caller.keyId),
    ]);
    return c.json({ user: toUserInfo(user!), key: toKeyInfo(key!) });
  });
  app.get('/api/v1/users', auth, async (c) => {
    if (c.get('caller').role !== 'owner') throw new BatonError('forbidden', 'only the owner can list users');
    return c.json({ users: (await deps.store.users.list()).map(toUserInfo) });
  });
  app.post('/api/v1/users', auth, limitBody(deps.config.limits.bodyBytes), async (c) => {
    if (c.get('caller').role !== 'owner') throw new BatonError('forbidden', 'only the owner can add users');
    const req = await readJson(c, CreateUserRequest);
    // The new user's first key is no stronger than the key creating it (nor than the tracker default): a
    // short-lived owner key must not leave a permanent credential behind. It is not revoked with it, though:
    // it belongs to another person, whose access should not end when the owner rotates a key.
    const parent = await deps.store.keys.findById(c.get('caller').keyId);
    const defaults = { expiresAt: null, rateLimitPerMinute: deps.config.defaultRateLimitPerMinute };
    const keyLimits = parent ? tighterOf(strengthOf(parent), defaults) : defaults;
    const created = await deps.store.transaction((repos) =>
      addUser(
        repos,
        { name: req.name, role: req.role, keyLimits },
        { now: deps.now(), defaultRate: deps.config.defaultRateLimitPerMinute },
      ),
    );
    return c.json(
      { user: toUserInfo(created.user), key: toKeyInfo(created.key.row), rawKey: created.key.rawKey },
      201,
    );
  });
}
