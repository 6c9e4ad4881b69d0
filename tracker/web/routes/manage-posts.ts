// Rename a post or change who can see it, from the browser: the posts service's patchPost, as PATCH /api/v1/posts.
import type { Route } from '../../http/define-route.js';
import { PatchPostRequest } from '../../../src/core/api/index.js';
import { BatonError } from '../../../src/core/errors.js';
import { getPost, patchPost } from '../../services/posts.js';
import type { WebDeps } from '../web-deps.js';
import { confirmedAction, formAction, safeBack } from './manage-route.js';

export const postPath = (id: string) => `/posts/${encodeURIComponent(id)}`;

export const POST_ACTION_ROUTES: ReadonlyArray<Route<WebDeps>> = [
  formAction({
    path: '/posts/{id}/manage',
    summary: 'Rename a post or make it unlisted or public',
    run: async (d, ctx, id, form) => {
      const parsed = PatchPostRequest.safeParse({
        ...(form.title !== undefined ? { title: form.title.trim() || null } : {}),
        ...(form.visibility ? { visibility: form.visibility } : {}),
      });
      if (!parsed.success)
        throw new BatonError('invalid_request', 'Those changes to the post are not valid.');
      if (parsed.data.visibility === 'private') {
        const post = await getPost(d.services, ctx.caller, id);
        if (post.visibility !== 'private')
          throw new BatonError('invalid_request', 'Unsharing a link is confirmed first.');
      }
      await patchPost(d.services, ctx.caller, id, parsed.data);
      return safeBack(form.back, postPath(id));
    },
  }),
  ...confirmedAction({
    path: '/posts/{id}/unlink',
    summary: 'Make a post private: its link stops working',
    load: (d, ctx, id) => getPost(d.services, ctx.caller, id),
    ask: (post) => ({
      title: 'Stop sharing this post?',
      message: `“${post.title ?? post.id}” becomes private. Everyone with its link loses access; sharing it again makes a new link.`,
      confirmLabel: 'Make private',
    }),
    run: async (d, ctx, _post, id, form) => {
      await patchPost(d.services, ctx.caller, id, { visibility: 'private' });
      return safeBack(form.back, postPath(id));
    },
    cancel: postPath,
  }),
];
