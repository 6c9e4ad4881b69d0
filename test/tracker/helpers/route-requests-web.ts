// The openapi-responses test's requests to the web routes added for issues 13 and 14 (manage, trash, unshare, files
// changed, presence, comments and reactions): one real request each, in an order where every request still finds
// what it needs (a destructive form acts on a session, post or stream of its own, never on the shared fixtures).
import { makeSession } from './sessions.js';

export interface PageAnswer {
  status: number;
  text: string;
}
export type Page = (method: string, path: string, form?: Record<string, string>) => Promise<PageAnswer>;
export type RouteRequest = [string, () => Promise<PageAnswer>];

/** Owner API calls made before the requests: the fixtures each destructive form acts on. */
export type Api = (method: string, path: string, opts?: { body?: unknown }) => Promise<{ body: unknown }>;

export interface WebFixtures {
  page: Page;
  csrf: string;
  /** An unlisted session of the signed-in owner with events (`${sessionId}-p0`), its share slug and a post of it. */
  sessionId: string;
  sessionSlug: string;
  postSlug: string;
}

/** Files changed and presence on the owner's page and under both share prefixes (presence is SSE: headers only). */
export function readerRequests(fx: WebFixtures): RouteRequest[] {
  const { page, sessionId: id, sessionSlug, postSlug } = fx;
  return [
    ['get /sessions/{id}/files', () => page('GET', `/sessions/${id}/files`)],
    ['get /sessions/{id}/presence', () => page('GET', `/sessions/${id}/presence`)],
    ...['/share', '/p'].flatMap((p): RouteRequest[] => [
      [`get ${p}/{slug}/files`, () => page('GET', `${p}/${sessionSlug}/files`)],
      [`get ${p}/{slug}/presence`, () => page('GET', `${p}/${sessionSlug}/presence`)],
      [`get ${p}/{slug}/s/{sessionId}/presence`, () => page('GET', `${p}/${postSlug}/s/${id}/presence`)],
    ]),
  ];
}

/** A comment, its deletion and a reaction in each scope (owner, share link, live view URL); then the owner's switch. */
export function commentRequests(fx: WebFixtures, liveToken: string): RouteRequest[] {
  const { page, csrf, sessionId: id, sessionSlug } = fx;
  const eventUuid = `${id}-p0`;
  const scopes: Array<[string, string]> = [
    ['/sessions/{id}', `/sessions/${id}`],
    ['/share/{slug}', `/share/${sessionSlug}`],
    ['/live/{token}', `/live/${liveToken}`],
  ];
  return [
    ...scopes.flatMap(([scope, base]): RouteRequest[] => {
      let commentId = '';
      return [
        [`get ${scope}/comments`, () => page('GET', `${base}/comments`)],
        [
          `post ${scope}/comments`,
          async () => {
            const res = await page('POST', `${base}/comments`, { csrf, eventUuid, text: 'a comment' });
            if (res.status === 201)
              commentId = (JSON.parse(res.text) as { comment: { id: string } }).comment.id;
            return res;
          },
        ],
        [
          `post ${scope}/reactions`,
          () => page('POST', `${base}/reactions`, { csrf, eventUuid, emoji: '👍' }),
        ],
        [
          `post ${scope}/comments/{commentId}/delete`,
          () => page('POST', `${base}/comments/${commentId}/delete`, { csrf }),
        ],
      ];
    }),
    [
      'post /sessions/{id}/comments/settings',
      () => page('POST', `/sessions/${id}/comments/settings`, { csrf, enabled: 'true' }),
    ],
  ];
}

/** Sessions, a post and streams of their own for the manage, trash and unshare forms to act on. */
export async function manageFixtures(api: Api) {
  const push = async (id: string) =>
    (
      (await api('POST', '/api/v1/sessions', {
        body: { session: makeSession({ id }), createPost: true, visibility: 'unlisted' },
      })) as { body: { postId: string } }
    ).body.postId;
  await push('web-manage');
  const postId = await push('web-manage-post');
  const stream = async () =>
    ((await api('POST', '/api/v1/live', { body: {} })).body as { liveId: string }).liveId;
  return { sessionId: 'web-manage', postId, stopId: await stream(), revokeId: await stream() };
}

/** Every manage form and confirm page: each confirmed action's page first, then the action it confirms. */
export function manageRequests(
  fx: WebFixtures,
  own: Awaited<ReturnType<typeof manageFixtures>>,
  spareKeyId: string,
): RouteRequest[] {
  const { page, csrf } = fx;
  const s = `/sessions/${own.sessionId}`;
  const p = `/posts/${own.postId}`;
  const confirmed = (key: string, path: string): RouteRequest[] => [
    [`get ${key}`, () => page('GET', path)],
    [`post ${key}`, () => page('POST', path, { csrf })],
  ];
  return [
    ['post /sessions/{id}/manage', () => page('POST', `${s}/manage`, { csrf, starred: 'true', tags: 'a b' })],
    ...confirmed('/sessions/{id}/unlink', `${s}/unlink`),
    ...confirmed('/sessions/{id}/unshare', `${s}/unshare`),
    ...confirmed('/sessions/{id}/delete', `${s}/delete`),
    ['get /trash', () => page('GET', '/trash')],
    ['post /sessions/{id}/restore', () => page('POST', `${s}/restore`, { csrf })],
    ...confirmed('/sessions/{id}/purge', `${s}/purge`),
    ['post /posts/{id}/manage', () => page('POST', `${p}/manage`, { csrf, title: 'renamed' })],
    ['get /shared', () => page('GET', '/shared')],
    ...confirmed('/posts/{id}/unlink', `${p}/unlink`),
    ...confirmed('/posts/{id}/delete', `${p}/delete`),
    ['post /posts/{id}/restore', () => page('POST', `${p}/restore`, { csrf })],
    ...confirmed('/posts/{id}/purge', `${p}/purge`),
    ...confirmed('/streams/{id}/stop', `/streams/${own.stopId}/stop`),
    ...confirmed('/streams/{id}/revoke', `/streams/${own.revokeId}/revoke`),
    ['get /settings/keys/{id}/revoke', () => page('GET', `/settings/keys/${spareKeyId}/revoke`)],
  ];
}
