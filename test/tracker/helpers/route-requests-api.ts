// The openapi-responses test's requests to the comment and reaction API routes (issue 14): one real request each,
// on an event of a pushed session, the comment deleted last so each request finds what it needs.

export type ApiCall = (
  method: string,
  path: string,
  opts?: { body?: unknown },
) => Promise<{ status: number; body: unknown }>;
export type ApiRequest = [string, () => Promise<{ status: number; body: unknown }>];

export function commentApiRequests(call: ApiCall, sessionId: string): ApiRequest[] {
  const base = `/api/v1/sessions/${sessionId}`;
  const eventUuid = `${sessionId}-p0`;
  let commentId = '';
  return [
    ['get /api/v1/sessions/{id}/comments', () => call('GET', `${base}/comments`)],
    [
      'post /api/v1/sessions/{id}/comments',
      async () => {
        const res = await call('POST', `${base}/comments`, { body: { eventUuid, text: 'a comment' } });
        commentId = (res.body as { comment?: { id: string } }).comment?.id ?? '';
        return res;
      },
    ],
    [
      'post /api/v1/sessions/{id}/reactions',
      () => call('POST', `${base}/reactions`, { body: { eventUuid, commentId, emoji: '🎉' } }),
    ],
    [
      'patch /api/v1/sessions/{id}/comments/settings',
      () => call('PATCH', `${base}/comments/settings`, { body: { commentsEnabled: true } }),
    ],
    [
      'delete /api/v1/sessions/{id}/comments/{commentId}',
      () => call('DELETE', `${base}/comments/${commentId}`),
    ],
  ];
}
