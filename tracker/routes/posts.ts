// /api/v1/posts: the caller's posts (groups of sessions) — list, read, retitle/re-share, delete.
import {
  DeleteResponse,
  ListPostsQuery,
  ListPostsResponse,
  PatchPostRequest,
  PostResponse,
} from '../../src/core/api/index.js';
import { deletePost, getPost, listPosts, patchPost } from '../services/posts.js';
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
    summary: 'Delete a post (its sessions stay)',
    responses: { 200: { schema: DeleteResponse } },
    errors: [404],
    handler: async ({ c, deps, params: { id } }) => {
      await deletePost(deps, c.get('caller'), id);
      return c.json({ deleted: true as const, id });
    },
  }),
];
