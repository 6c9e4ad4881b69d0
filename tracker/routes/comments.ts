// Comments and reactions on a session's events (issue 14): `/api/v1/sessions/{id}/comments` and reactions.
import {
  CommentResponse,
  CommentSettingsRequest,
  CommentSettingsResponse,
  CommentsResponse,
  CreateCommentRequest,
  DeleteCommentResponse,
  ReactionResponse,
  ToggleReactionRequest,
} from '../../src/core/api/index.js';
import type { Route } from '../http/define-route.js';
import {
  accessById,
  createComment,
  deleteComment,
  listComments,
  setCommentsEnabled,
  toggleReaction,
} from '../services/comments.js';
import { apiRoute, type ApiDeps } from './route-deps.js';

const key = { auth: 'apiKey', rateLimit: 'perKey', tag: 'comments' } as const;
const ACCESS =
  'The session is the caller’s own, or another user’s that is shared by link (unlisted) or public; anyone else’s ' +
  'private session answers 404. The model never sees comments: handoffs, resume and MCP reads leave them out.';
const WRITE =
  ' Writes are limited per user (20 comments and reactions a minute: 429 `rate_limited`) and refused with 403 ' +
  '`comments_disabled` when the owner turned comments off.';

export const COMMENT_ROUTES: ReadonlyArray<Route<ApiDeps>> = [
  apiRoute({
    ...key,
    method: 'get',
    path: '/api/v1/sessions/{id}/comments',
    summary: 'Comments and reactions on a session’s events',
    description: ACCESS,
    responses: { 200: { schema: CommentsResponse } },
    errors: [404],
    handler: async ({ c, deps, params }) =>
      c.json(await listComments(deps.store, await accessById(deps.store, c.get('caller').userId, params.id))),
  }),
  apiRoute({
    ...key,
    method: 'post',
    path: '/api/v1/sessions/{id}/comments',
    summary: 'Comment on an event, or reply to a comment (`parentId`)',
    description:
      `${ACCESS} Text is trimmed, 1 to 4000 characters (400 otherwise); a reply answers a top-level comment on ` +
      `the same event. Everyone watching the session gets a \`comment\` SSE event.${WRITE}`,
    bodyLimit: (d) => d.config.limits.bodyBytes,
    body: CreateCommentRequest,
    responses: { 201: { schema: CommentResponse } },
    errors: [403, 404],
    handler: async ({ c, deps, params, body }) => {
      const access = await accessById(deps.store, c.get('caller').userId, params.id);
      return c.json({ comment: await createComment(deps, access, body) }, 201);
    },
  }),
  apiRoute({
    ...key,
    method: 'delete',
    path: '/api/v1/sessions/{id}/comments/{commentId}',
    summary: 'Delete a comment and its replies (its author or the session owner)',
    description: `${ACCESS} Watchers get a \`comment_deleted\` SSE event.`,
    responses: { 200: { schema: DeleteCommentResponse } },
    errors: [403, 404],
    handler: async ({ c, deps, params }) => {
      const access = await accessById(deps.store, c.get('caller').userId, params.id);
      await deleteComment(deps, access, params.commentId);
      return c.json({ deleted: true as const, id: params.commentId });
    },
  }),
  apiRoute({
    ...key,
    method: 'post',
    path: '/api/v1/sessions/{id}/reactions',
    summary: 'Toggle a reaction on an event or on a comment (`commentId`)',
    description: `${ACCESS} One per user, emoji and target: posting it again removes it (\`active: false\`).${WRITE}`,
    bodyLimit: (d) => d.config.limits.bodyBytes,
    body: ToggleReactionRequest,
    responses: { 200: { schema: ReactionResponse } },
    errors: [403, 404],
    handler: async ({ c, deps, params, body }) => {
      const access = await accessById(deps.store, c.get('caller').userId, params.id);
      return c.json(await toggleReaction(deps, access, body));
    },
  }),
  apiRoute({
    ...key,
    method: 'patch',
    path: '/api/v1/sessions/{id}/comments/settings',
    summary: 'Turn comments on or off for one of your sessions',
    description:
      'Off: existing comments stay readable; new comments and reactions answer 403 `comments_disabled`.',
    bodyLimit: (d) => d.config.limits.bodyBytes,
    body: CommentSettingsRequest,
    responses: { 200: { schema: CommentSettingsResponse } },
    errors: [404],
    handler: async ({ c, deps, params, body }) => {
      const access = await accessById(deps.store, c.get('caller').userId, params.id);
      await setCommentsEnabled(deps, access, body.commentsEnabled);
      return c.json({ sessionId: access.row.id, commentsEnabled: body.commentsEnabled });
    },
  }),
];
