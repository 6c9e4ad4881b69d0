// /assets/*: the stylesheet and the two scripts, immutable per content hash (ETag) and cacheable.
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { defineRoute, mountRoutes } from '../../http/define-route.js';
import type { AppEnv } from '../../http/env.js';
import { APP_JS } from '../assets/app-client.js';
import { LIVE_JS } from '../assets/live-client.js';
import { REPLAY_JS } from '../assets/replay-client.js';
import { APP_CSS } from '../assets/styles.js';

const FILES: Record<string, { body: string; type: string }> = {
  'app.css': { body: APP_CSS, type: 'text/css; charset=utf-8' },
  'app.js': { body: APP_JS, type: 'text/javascript; charset=utf-8' },
  'live.js': { body: LIVE_JS, type: 'text/javascript; charset=utf-8' },
  'replay.js': { body: REPLAY_JS, type: 'text/javascript; charset=utf-8' },
};
const ETAGS = Object.fromEntries(
  Object.entries(FILES).map(([k, v]) => [
    k,
    `"${createHash('sha256').update(v.body).digest('base64url').slice(0, 16)}"`,
  ]),
);

const pageRoute = defineRoute<null>();

export const ASSET_ROUTES = [
  pageRoute({
    method: 'get',
    path: '/assets/{name}',
    tag: 'web',
    summary: 'The stylesheet and the two scripts (ETag per content hash)',
    auth: 'none',
    rateLimit: 'none', // static, cached by browsers and proxies
    responses: {
      200: { contentType: 'text/css, text/javascript' },
      304: { description: 'Not modified (If-None-Match)' },
    },
    errors: [404],
    handler: ({ c, params: { name } }) => {
      const file = FILES[name];
      if (!file) return c.text('Not found', 404);
      const etag = ETAGS[name]!;
      c.header('etag', etag);
      c.header('cache-control', 'public, max-age=300');
      if (c.req.header('if-none-match') === etag) return c.body(null, 304);
      c.header('content-type', file.type);
      return c.body(file.body);
    },
  }),
];

/** Mounted at /assets; needs nothing of the tracker's, so it takes no deps. */
export function createAssetRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  mountRoutes(app, ASSET_ROUTES, null, { guards: { none: [] } }, '/assets');
  return app;
}
