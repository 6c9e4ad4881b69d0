// /assets/*: the stylesheet and the two scripts, immutable per content hash (ETag) and cacheable.
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { APP_JS } from '../assets/app-client.js';
import { LIVE_JS } from '../assets/live-client.js';
import { APP_CSS } from '../assets/styles.js';

const FILES: Record<string, { body: string; type: string }> = {
  'app.css': { body: APP_CSS, type: 'text/css; charset=utf-8' },
  'app.js': { body: APP_JS, type: 'text/javascript; charset=utf-8' },
  'live.js': { body: LIVE_JS, type: 'text/javascript; charset=utf-8' },
};
const ETAGS = Object.fromEntries(
  Object.entries(FILES).map(([k, v]) => [
    k,
    `"${createHash('sha256').update(v.body).digest('base64url').slice(0, 16)}"`,
  ]),
);

export function createAssetRoutes(): Hono {
  const app = new Hono();
  app.get('/:name', (c) => {
    const name = c.req.param('name');
    const file = FILES[name];
    if (!file) return c.text('Not found', 404);
    const etag = ETAGS[name]!;
    c.header('etag', etag);
    c.header('cache-control', 'public, max-age=300');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    c.header('content-type', file.type);
    return c.body(file.body);
  });
  return app;
}
