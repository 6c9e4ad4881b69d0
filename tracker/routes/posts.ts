// /api/v1/posts: the caller's posts (groups of sessions) — list, read, retitle/re-share, trash/restore; the trash.
import {
  DeleteQuery,
  ListPostsQuery,
  ListTrashResponse,
  ListPostsResponse,
  PatchPostRequest,
  PostResponse,
  TrashResponse,
} from '../../src/core/api/index.js';
import { getPost, listPosts, patchPost } from '../services/posts.js';
import { listTrash, purgePost, restorePost, trashPost } from '../services/session-actions.js';
import { apiRoute } from './route-deps.js';

const key = { auth: 'apiKey', rateLimit: 'perKey', tag: 'posts' } as const;

export const POST_ROUTES = [
  apiRoute({
    ...key,
    method: 'get',
    path: '/api/v1/posts',
    summary: "The caller's posts",
    query: ListPostsQuery,
    responses: { 200: { schema: ListPostsResponse } },
    handler: async ({ c, deps, query }) =>
      c.json(await listPosts(deps, c.get('caller'), query.page, query.limit)),
  }),
  apiRoute({
    ...key,
    method: 'get',
    path: '/api/v1/posts/{id}',
    summary: 'One post',
    responses: { 200: { schema: PostResponse } },
    errors: [404],
    handler: async ({ c, deps, params }) => c.json({ post: await getPost(deps, c.get('caller'), params.id) }),
  }),
  apiRoute({
    ...key,
    method: 'patch',
    path: '/api/v1/posts/{id}',
    summary: "Change a post's title or visibility",
    bodyLimit: (d) => d.config.limits.bodyBytes,
    body: PatchPostRequest,
    responses: { 200: { schema: PostResponse } },
    errors: [404],
    handler: async ({ c, deps, params, body }) =>
      c.json({ post: await patchPost(deps, c.get('caller'), params.id, body) }),
  }),
  apiRoute({
    ...key,
    method: 'delete',
    path: '/api/v1/posts/{id}',
    summary: 'Move a post to the trash (restorable for 30 days), or delete it for good with purge=true',
    description: 'Its sessions stay either way. The trash hides the post and its share link at once.',
    query: DeleteQuery,
    responses: { 200: { schema: TrashResponse } },
    errors: [404],
    handler: async ({ c, deps, params: { id }, query }) => {
      const caller = c.get('caller');
      if (query.purge) {
        await purgePost(deps, caller, id);
        return c.json({ deleted: true as const, id, purged: true });
      }
      return c.json({ deleted: true as const, ...(await trashPost(deps, caller, id)) });
    },
  }),
  apiRoute({
    ...key,
    method: 'post',
    path: '/api/v1/posts/{id}/restore',
    summary: 'Bring a post back from the trash',
    responses: { 200: { schema: PostResponse } },
    errors: [404],
    handler: async ({ c, deps, params }) =>
      c.json({ post: await restorePost(deps, c.get('caller'), params.id) }),
  }),
  apiRoute({
    ...key,
    method: 'get',
    path: '/api/v1/trash',
    summary: "The caller's trashed sessions and posts (purged 30 days after deletion)",
    query: ListPostsQuery,
    responses: { 200: { schema: ListTrashResponse } },
    handler: async ({ c, deps, query }) => c.json(await listTrash(deps, c.get('caller'), query)),
  }),
];
