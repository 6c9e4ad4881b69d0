// defineRoute refuses, when a route is defined or mounted, every way a route could skip a check the others apply.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoute, mountRoutes, type MountOptions } from '../../tracker/http/define-route.js';
import type { AppEnv } from '../../tracker/http/env.js';
import { createErrorHandler } from '../../tracker/http/errors.js';
import { silentLogger } from '../../tracker/log.js';
import { documentedRoutes } from '../../tracker/openapi.js';

const route = defineRoute<{ limit: number }>();
const base = {
  method: 'post',
  path: '/x/{id}',
  tag: 't',
  summary: 's',
  responses: { 200: { schema: z.object({ id: z.string(), n: z.number() }) } },
} as const;
const ok = route({
  ...base,
  auth: 'apiKey',
  rateLimit: 'perKey',
  bodyLimit: (d) => d.limit,
  body: z.object({ n: z.number() }),
  handler: ({ c, params, body }) => c.json({ id: params.id, n: body.n }),
});

function appWith(opts: MountOptions) {
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(silentLogger));
  mountRoutes(app, [ok], { limit: 32 }, opts);
  return app;
}
const post = (app: Hono<AppEnv>, body: string, headers: Record<string, string> = {}) =>
  app.request('/x/a', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

describe('defineRoute', () => {
  it('refuses a body without a body limit, and a per-key limit without a key', () => {
    expect(() =>
      route({
        ...base,
        auth: 'apiKey',
        rateLimit: 'perKey',
        body: z.object({}),
        handler: ({ c }) => c.text(''),
      }),
    ).toThrow(/needs a bodyLimit/);
    expect(() =>
      route({ ...base, auth: 'none', rateLimit: 'perKey', handler: ({ c }) => c.text('') }),
    ).toThrow(/per-key rate limit needs an API-key auth/);
  });

  it('cannot be mounted where its auth, limiter or form reader is missing', () => {
    expect(() => appWith({ guards: { none: [] } })).toThrow(/no guard for auth "apiKey"/);
    const login = route({
      ...base,
      auth: 'none',
      rateLimit: 'loginAddress',
      bodyLimit: false,
      form: z.object({}),
      handler: ({ c }) => c.text(''),
    });
    const app = new Hono<AppEnv>();
    expect(() => mountRoutes(app, [login], { limit: 1 }, { guards: { none: [] } })).toThrow(/no limiter/);
    expect(() =>
      mountRoutes(
        app,
        [login],
        { limit: 1 },
        { guards: { none: [] }, limiters: { loginAddress: async (_c, n) => n() } },
      ),
    ).toThrow(/needs readForm/);
  });

  it('runs the guard, then the body limit, then zod, and hands the handler typed input', async () => {
    const refuse = appWith({
      guards: { apiKey: [async (c) => c.json({ error: { code: 'auth', message: 'no' } }, 401)] },
    });
    expect((await post(refuse, '{"n":1}')).status).toBe(401);
    const app = appWith({ guards: { apiKey: [] } });
    expect((await post(app, JSON.stringify({ n: 1, pad: 'x'.repeat(64) }))).status).toBe(413);
    expect((await post(app, '{"n":"1"}')).status).toBe(400);
    const res = await post(app, '{"n":1}');
    expect(await res.json()).toEqual({ id: 'a', n: 1 });
  });

  it('documents what it implies: 400 for parsed input, 401 for a key, 413 for a body limit, 429 for a rate limit', () => {
    expect(ok.errors).toEqual([400, 401, 413, 429]);
    // The regression behind issue #11: every keyed route is rate limited per key, live streams included.
    const keyed = documentedRoutes().filter((r) => r.auth !== 'none');
    expect(keyed.map((r) => r.path)).toContain('/api/v1/live/{liveId}');
    expect(keyed.filter((r) => r.rateLimit !== 'perKey' || !r.errors.includes(429))).toEqual([]);
  });
});
