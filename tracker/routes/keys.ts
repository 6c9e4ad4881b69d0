// /api/v1/keys: the caller's own API keys (list, create — raw key returned once — and revoke).
import {
  CreateKeyRequest,
  CreateKeyResponse,
  ListKeysResponse,
  RevokeKeyResponse,
} from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import { createKey, toKeyInfo } from '../services/keys.js';
import { apiRoute } from './route-deps.js';

export const KEY_ROUTES = [
  apiRoute({
    method: 'get',
    path: '/api/v1/keys',
    tag: 'keys',
    summary: "List the caller's API keys",
    auth: 'apiKey',
    rateLimit: 'perKey',
    responses: { 200: { schema: ListKeysResponse } },
    handler: async ({ c, deps }) => {
      const keys = await deps.store.keys.listForUser(c.get('caller').userId);
      return c.json({ keys: keys.map(toKeyInfo) });
    },
  }),
  apiRoute({
    method: 'post',
    path: '/api/v1/keys',
    tag: 'keys',
    summary: 'Create an API key (the raw key is returned once)',
    description:
      'A key can only create keys no stronger than itself: `expiresAt`/`expiresIn` no later than its own expiry, ' +
      '`rateLimitPerMinute` no looser than its own (0 means unlimited, so only an unlimited key can make an ' +
      'unlimited one). Whatever is omitted is inherited from the calling key, not taken from the tracker default. ' +
      "Asking for more is refused with 403 `key_escalation` (details name the field and the parent's limits). " +
      'Why: otherwise a short-lived or rate-limited key — a CI token, a key handed to a script — could mint a ' +
      'permanent, unlimited key and keep access after it expired or was revoked. Keys made from the web settings ' +
      'page are bounded the same way by the key the browser logged in with.',
    auth: 'apiKey',
    rateLimit: 'perKey',
    bodyLimit: (d) => d.config.limits.bodyBytes,
    body: CreateKeyRequest,
    responses: { 201: { schema: CreateKeyResponse } },
    errors: [403],
    handler: async ({ c, deps, body }) => {
      const caller = c.get('caller');
      const parent = await deps.store.keys.findById(caller.keyId);
      const { row, rawKey } = await createKey(deps.store, caller.userId, body, {
        now: deps.now(),
        defaultRate: deps.config.defaultRateLimitPerMinute,
        parent,
      });
      return c.json({ key: toKeyInfo(row), rawKey }, 201);
    },
  }),
  apiRoute({
    method: 'delete',
    path: '/api/v1/keys/{id}',
    tag: 'keys',
    summary: "Revoke one of the caller's keys",
    description:
      'Also revokes every key this key created (over the API or the web settings page), transitively: a child ' +
      'must not outlive the credential that made it, or revoking a stolen key would leave its copies working. ' +
      'Browser sessions logged in with any of those keys end too. Keys created with the CLI or with a new user ' +
      'have no parent and are only revoked on their own.',
    auth: 'apiKey',
    rateLimit: 'perKey',
    responses: { 200: { schema: RevokeKeyResponse } },
    errors: [404],
    handler: async ({ c, deps, params: { id } }) => {
      const ok = await deps.store.keys.revoke(c.get('caller').userId, id, deps.now());
      if (!ok) throw new BatonError('not_found', `no key ${id}`);
      const key = await deps.store.keys.findById(id);
      return c.json({ key: toKeyInfo(key!) });
    },
  }),
];
