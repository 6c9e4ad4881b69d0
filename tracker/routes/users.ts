// /api/v1/me and /api/v1/users: who am I; the owner lists and adds users.
import {
  CreateUserRequest,
  CreateUserResponse,
  ListUsersResponse,
  MeResponse,
} from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import { strengthOf, tighterOf, toKeyInfo } from '../services/keys.js';
import { addUser, toUserInfo } from '../services/users.js';
import { apiRoute } from './route-deps.js';

export const ME_ROUTE = apiRoute({
  method: 'get',
  path: '/api/v1/me',
  tag: 'keys',
  summary: 'The calling user and key',
  auth: 'apiKey',
  rateLimit: 'perKey',
  responses: { 200: { schema: MeResponse } },
  handler: async ({ c, deps }) => {
    const caller = c.get('caller');
    const [user, key] = await Promise.all([
      deps.store.users.findById(caller.userId),
      deps.store.keys.findById(caller.keyId),
    ]);
    return c.json({ user: toUserInfo(user!), key: toKeyInfo(key!) });
  },
});

export const USER_ROUTES = [
  apiRoute({
    method: 'get',
    path: '/api/v1/users',
    tag: 'users',
    summary: 'List users (owner only)',
    auth: 'apiKey',
    rateLimit: 'perKey',
    responses: { 200: { schema: ListUsersResponse } },
    errors: [403],
    authorize: (c) => {
      if (c.get('caller').role !== 'owner')
        throw new BatonError('forbidden', 'only the owner can list users');
    },
    handler: async ({ c, deps }) => {
      return c.json({ users: (await deps.store.users.list()).map(toUserInfo) });
    },
  }),
  apiRoute({
    method: 'post',
    path: '/api/v1/users',
    tag: 'users',
    summary: 'Add a user and issue its first key (owner only)',
    description:
      "The new user's first key is no stronger than the calling key or the tracker default (the earlier expiry, " +
      'the tighter rate limit), so a short-lived owner key cannot leave a permanent credential behind. It is not ' +
      "revoked with the calling key: it is someone else's.",
    auth: 'apiKey',
    rateLimit: 'perKey',
    bodyLimit: (d) => d.config.limits.bodyBytes,
    body: CreateUserRequest,
    responses: { 201: { schema: CreateUserResponse } },
    errors: [403, 409],
    authorize: (c) => {
      if (c.get('caller').role !== 'owner') throw new BatonError('forbidden', 'only the owner can add users');
    },
    handler: async ({ c, deps, body }) => {
      // The new user's first key is no stronger than the key creating it (nor than the tracker default): a
      // short-lived owner key must not leave a permanent credential behind. It is not revoked with it, though:
      // it belongs to another person, whose access should not end when the owner rotates a key.
      const parent = await deps.store.keys.findById(c.get('caller').keyId);
      const defaults = { expiresAt: null, rateLimitPerMinute: deps.config.defaultRateLimitPerMinute };
      const keyLimits = parent ? tighterOf(strengthOf(parent), defaults) : defaults;
      const created = await deps.store.transaction((repos) =>
        addUser(
          repos,
          { name: body.name, role: body.role, keyLimits },
          { now: deps.now(), defaultRate: deps.config.defaultRateLimitPerMinute },
        ),
      );
      return c.json(
        { user: toUserInfo(created.user), key: toKeyInfo(created.key.row), rawKey: created.key.rawKey },
        201,
      );
    },
  }),
];
