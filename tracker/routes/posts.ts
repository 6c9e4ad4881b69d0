// /api/v1/posts: the caller's posts (groups of sessions) — list, read, retitle/re-share, delete.
import type { Hono } from 'hono';
import { ListPostsQuery, PatchPostRequest } from '../../src/core/api/index.js';
import { limitBody } from '../http/body-limit.js';
import type { AppEnv } from '../http/env.js';
import { readJson, readQuery } from '../http/validate.js';
import { deletePost, getPost, listPosts, patchPost } from '../services/posts.js';
import type { RouteContext } from './context.js';

export function registerPostRoutes(app: Hono<AppEnv>, { deps, auth }: RouteContext): void {
  app.get('/api/v1/posts', auth, async (c) => {
    const q = readQuery(c, ListPostsQuery);
    return c.json(await listPosts(deps, c.get('caller'), q.page, q.limit));
  });
  app.get('/api/v1/posts/:id', auth, async (c) =>
    c.json({ post: await getPost(deps, c.get('caller'), c.req.param('id')) }),
  );
  app.patch('/api/v1/posts/:id', auth, limitBody(deps.config.limits.bodyBytes), async (c) => {
    const req = await readJson(c, PatchPostRequest);
    return c.json({ post: await patchPost(deps, c.get('caller'), c.req.param('id'), req) });
  });
  app.delete('/api/v1/posts/:id', auth, async (c) => {
    const id = c.req.param('id');
    await deletePost(deps, c.get('caller'), id);
    return c.json({ deleted: true as const, id });
  });
}
