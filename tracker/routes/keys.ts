// /api/v1/keys: the caller's own API keys (list, create — raw key returned once — and revoke).
import type { Hono } from 'hono';
import { CreateKeyRequest } from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import { limitBody } from '../http/body-limit.js';
import type { AppEnv } from '../http/env.js';
import { readJson } from '../http/validate.js';
import { createKey, toKeyInfo } from '../services/keys.js';
import type { RouteContext } from './context.js';

export function registerKeyRoutes(app: Hono<AppEnv>, { deps, auth }: RouteContext): void {
  const small = limitBody(deps.config.limits.bodyBytes);
  app.get('/api/v1/keys', auth, async (c) => {
    const keys = await deps.store.keys.listForUser(c.get('caller').userId);
    return c.json({ keys: keys.map(toKeyInfo) });
  });
  app.post('/api/v1/keys', auth, small, async (c) => {
    const req = await readJson(c, CreateKeyRequest);
    const caller = c.get('caller');
    const parent = await deps.store.keys.findById(caller.keyId);
    const { row, rawKey } = await createKey(deps.store, caller.userId, req, {
      now: deps.now(),
      defaultRate: deps.config.defaultRateLimitPerMinute,
      parent,
    });
    return c.json({ key: toKeyInfo(row), rawKey }, 201);
  });
  app.delete('/api/v1/keys/:id', auth, async (c) => {
    const id = c.req.param('id');
    const ok = await deps.store.keys.revoke(c.get('caller').userId, id, deps.now());
    if (!ok) throw new BatonError('not_found', `no key ${id}`);
    const key = await deps.store.keys.findById(id);
    return c.json({ key: toKeyInfo(key!) });
  });
}
