// Real responses against the document: one request to each documented route, every body checked by the tracker's
// own validator (createApp's validateResponses), and the validator itself shown to catch a drifted shape.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp, type TrackerApp } from '../../tracker/app.js';
import { testConfig } from '../../tracker/config.js';
import { openStore, type Store } from '../../tracker/db/store.js';
import type { RouteDoc } from '../../tracker/http/define-route.js';
import { responseProblem } from '../../tracker/http/validate.js';
import { documentedRoutes } from '../../tracker/openapi.js';
import { ensureOwner } from '../../tracker/services/users.js';
import { liveWebExtension } from '../../tracker/web/mount.js';
import { WEB_ROUTES } from '../../tracker/web/routes/catalog.js';
import { commentApiRequests } from './helpers/route-requests-api.js';
import {
  commentRequests,
  manageFixtures,
  manageRequests,
  readerRequests,
  type WebFixtures,
} from './helpers/route-requests-web.js';
import { makeSession } from './helpers/sessions.js';

let store: Store;
let app: TrackerApp;
let key = '';
let lw: ReturnType<typeof liveWebExtension>;

beforeAll(async () => {
  store = await openStore({ engine: 'sqlite', file: ':memory:' });
  const config = testConfig({ db: { engine: 'sqlite', file: ':memory:' } });
  key = (await ensureOwner(store, { now: Date.now(), defaultRate: 0 }))!.key.rawKey;
  lw = liveWebExtension({ version: 'test' });
  app = createApp({
    store,
    config,
    events: lw.publisher,
    extensions: [lw.extension],
    validateResponses: true,
  });
});
afterAll(async () => {
  await lw.close();
  await store.close();
});

interface Call {
  status: number;
  body: unknown;
}

async function call(
  method: string,
  path: string,
  opts: { body?: unknown; token?: string } = {},
): Promise<Call> {
  const token = opts.token ?? key;
  const res = await app.request(path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const type = res.headers.get('content-type') ?? '';
  // SSE never ends by itself: its headers are the answer.
  if (type.startsWith('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status, body: null };
  }
  const text = await res.text();
  return { status: res.status, body: type.startsWith('application/json') ? JSON.parse(text) : text };
}

it('answers one real request to every documented route with what the document says', async () => {
  const pushed = (await call('POST', '/api/v1/sessions', {
    body: {
      session: makeSession({ id: 'doc-1' }),
      createPost: true,
      visibility: 'unlisted',
      entries: [{ uuid: 'p1', line: { type: 'user', uuid: 'p1' } }],
    },
  })) as Call & { body: { postId: string; url: string } };
  expect(pushed.status).toBe(200);
  const detail = (await call('GET', '/api/v1/sessions/doc-1')).body as { session: { shareSlug: string } };
  const shareSlug = detail.session.shareSlug;
  const handoff = await call('POST', '/api/v1/handoffs', {
    body: { sessionId: 'doc-1', project: 'docs', markdown: '# next\n\ndo it' },
  });
  const handoffId = (handoff.body as { id: string }).id;
  const projectId = ((await call('GET', '/api/v1/projects')).body as { projects: Array<{ id: string }> })
    .projects[0]!.id;
  const made = await call('POST', '/api/v1/live', { body: { title: 'doc' } });
  const live = made.body as { liveId: string; producerToken: string; viewerToken: string };
  const lid = `/api/v1/live/${live.liveId}`;
  const spare = (await call('POST', '/api/v1/keys', { body: { name: 'spare' } })).body as {
    key: { id: string };
  };
  const event = { kind: 'prompt', uuid: 'lv-1', text: 'hi' };

  // In dependency order (a delete last); keyed as the document keys its operations.
  const requests: Array<[string, () => Promise<Call>]> = [
    ['get /healthz', () => call('GET', '/healthz')],
    ['get /readyz', () => call('GET', '/readyz')],
    ['get /api/v1/openapi.json', () => call('GET', '/api/v1/openapi.json')],
    ['get /docs', () => call('GET', '/docs')],
    ['get /api/v1/me', () => call('GET', '/api/v1/me')],
    ['get /api/v1/keys', () => call('GET', '/api/v1/keys')],
    ['post /api/v1/keys', () => call('POST', '/api/v1/keys', { body: { name: 'k' } })],
    ['delete /api/v1/keys/{id}', () => call('DELETE', `/api/v1/keys/${spare.key.id}`)],
    ['get /api/v1/users', () => call('GET', '/api/v1/users')],
    ['post /api/v1/users', () => call('POST', '/api/v1/users', { body: { name: 'ann', role: 'member' } })],
    ['post /api/v1/sessions', () => Promise.resolve(pushed)],
    [
      'post /api/v1/sessions/upload',
      () =>
        call('POST', '/api/v1/sessions/upload', {
          body: {
            sessions: [makeSession({ id: 'doc-2' })],
            transcripts: [{ sessionId: 'doc-2', entries: [{ line: { type: 'summary' } }] }],
          },
        }),
    ],
    [
      'post /api/v1/sessions/{id}/events',
      () =>
        call('POST', '/api/v1/sessions/doc-3/events', {
          body: {
            events: [{ seq: 0, turnIndex: 0, event: { kind: 'prompt', uuid: 'd3', text: 'x' } }],
            entries: [{ uuid: 'd3', line: { type: 'user', uuid: 'd3' } }],
          },
        }),
    ],
    [
      'post /api/v1/sessions/{id}/entries',
      () =>
        call('POST', '/api/v1/sessions/doc-store/entries', {
          body: { projectKey: 'docs', entries: [{ uuid: 'e1', line: { type: 'user', uuid: 'e1' } }] },
        }),
    ],
    ['get /api/v1/sessions/{id}/entries', () => call('GET', '/api/v1/sessions/doc-1/entries?limit=10')],
    [
      'get /api/v1/sessions/{id}/entries.jsonl',
      () => call('GET', '/api/v1/sessions/doc-1/entries.jsonl?subKey='),
    ],
    [
      'get /api/v1/sessions/{id}/entries/subkeys',
      () => call('GET', '/api/v1/sessions/doc-1/entries/subkeys'),
    ],
    ['get /api/v1/sessions', () => call('GET', '/api/v1/sessions?search=prompt')],
    ['get /api/v1/sessions/{id}', () => call('GET', '/api/v1/sessions/doc-1')],
    [
      'patch /api/v1/sessions/{id}',
      () => call('PATCH', '/api/v1/sessions/doc-1', { body: { starred: true } }),
    ],
    ...commentApiRequests(call, 'doc-1'),
    ['get /api/v1/sessions/{id}/export', () => call('GET', '/api/v1/sessions/doc-1/export?format=json')],
    [
      'post /api/v1/export',
      () => call('POST', '/api/v1/export', { body: { sessionIds: ['doc-1'], format: 'md' } }),
    ],
    ['get /api/v1/projects', () => call('GET', '/api/v1/projects')],
    ['get /api/v1/projects/{id}', () => call('GET', `/api/v1/projects/${projectId}`)],
    ['get /api/v1/projects/{id}/resume', () => call('GET', `/api/v1/projects/${projectId}/resume`)],
    ['get /api/v1/usage', () => call('GET', '/api/v1/usage?groupBy=project&from=2026-01-01&to=2026-12-31')],
    ['post /api/v1/handoffs', () => Promise.resolve(handoff)],
    ['get /api/v1/handoffs', () => call('GET', '/api/v1/handoffs')],
    ['get /api/v1/handoffs/{id}', () => call('GET', `/api/v1/handoffs/${handoffId}`)],
    ['get /api/v1/posts', () => call('GET', '/api/v1/posts')],
    ['get /api/v1/posts/{id}', () => call('GET', `/api/v1/posts/${pushed.body.postId}`)],
    [
      'patch /api/v1/posts/{id}',
      () => call('PATCH', `/api/v1/posts/${pushed.body.postId}`, { body: { title: 'p' } }),
    ],
    [
      'post /api/v1/ingest',
      () =>
        call('POST', '/api/v1/ingest', {
          body: {
            type: 'message.created',
            timestamp: '2026-01-01T00:00:00Z',
            data: { conversation_id: 'c', content: 'x', sequence_number: 1 },
          },
        }),
    ],
    ['get /api/v1/share/{slug}', () => call('GET', `/api/v1/share/${shareSlug}`, { token: '' })],
    [
      'get /api/v1/share/{slug}/export',
      () => call('GET', `/api/v1/share/${shareSlug}/export`, { token: '' }),
    ],
    ['get /api/v1/public/sessions', () => call('GET', '/api/v1/public/sessions', { token: '' })],
    ['post /api/v1/live', () => Promise.resolve(made)],
    ['get /api/v1/live', () => call('GET', '/api/v1/live')],
    ['get /api/v1/live/{liveId}', () => call('GET', lid)],
    [
      'patch /api/v1/live/{liveId}',
      () => call('PATCH', lid, { token: live.producerToken, body: { events: [{ seq: 1, event }] } }),
    ],
    ['get /api/v1/live/{liveId}/events', () => call('GET', `${lid}/events`)],
    ['get /live/{viewerToken}/events', () => call('GET', `/live/${live.viewerToken}/events`, { token: '' })],
    ['get /live/{viewerToken}/status', () => call('GET', `/live/${live.viewerToken}/status`, { token: '' })],
    ['post /api/v1/live/{liveId}/pause', () => call('POST', `${lid}/pause`, { token: live.producerToken })],
    ['post /api/v1/live/{liveId}/resume', () => call('POST', `${lid}/resume`, { token: live.producerToken })],
    [
      'post /api/v1/live/{liveId}/complete',
      () => call('POST', `${lid}/complete`, { token: live.producerToken }),
    ],
    ['delete /api/v1/live/{liveId}', () => call('DELETE', lid)],
    ['delete /api/v1/posts/{id}', () => call('DELETE', `/api/v1/posts/${pushed.body.postId}`)],
    ['delete /api/v1/sessions/{id}', () => call('DELETE', '/api/v1/sessions/doc-2')],
    ['get /api/v1/trash', () => call('GET', '/api/v1/trash')],
    ['post /api/v1/posts/{id}/restore', () => call('POST', `/api/v1/posts/${pushed.body.postId}/restore`)],
    ['post /api/v1/sessions/{id}/restore', () => call('POST', '/api/v1/sessions/doc-2/restore')],
    ['post /api/v1/sessions/{id}/unshare', () => call('POST', '/api/v1/sessions/doc-2/unshare')],
  ];
  const documented = documentedRoutes().map((r) => `${r.method} ${r.path}`);
  expect(requests.map(([k]) => k).sort()).toEqual([...documented].sort());

  const byKey = new Map(documentedRoutes().map((r) => [`${r.method} ${r.path}`, r]));
  for (const [k, send] of requests) {
    const res = await send();
    // A breach of the document comes back as a 500 `response_contract` naming it.
    expect({ route: k, status: res.status, body: res.status >= 300 ? res.body : 'ok' }).toEqual({
      route: k,
      status: Number(Object.keys(byKey.get(k)!.responses)[0]),
      body: 'ok',
    });
  }
});

it('answers one real request to every web page and form with a status its definition names', async () => {
  const jar = new Map<string, string>();
  const page = async (method: string, path: string, form?: Record<string, string>) => {
    const body = form ? new URLSearchParams(form).toString() : undefined;
    // A browser sends the length: without it the body limit rewraps the request, which the page guard keys on.
    const sized: Record<string, string> =
      body === undefined
        ? {}
        : {
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': String(Buffer.byteLength(body)),
          };
    const res = await app.request(path, {
      method,
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...sized },
      body,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    // SSE never ends by itself: its headers are the answer.
    if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      await res.body?.cancel();
      return { status: res.status, text: '' };
    }
    const text = await res.text();
    return { status: res.status, text };
  };
  const csrfOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)![1]!;

  const pushed = (await call('POST', '/api/v1/sessions', {
    body: { session: makeSession({ id: 'web-1' }), createPost: true, visibility: 'unlisted' },
  })) as Call & { body: { postId: string } };
  const post = (
    (await call('GET', `/api/v1/posts/${pushed.body.postId}`)).body as { post: { shareSlug: string } }
  ).post;
  const sessionSlug = (
    (await call('GET', '/api/v1/sessions/web-1')).body as { session: { shareSlug: string } }
  ).session.shareSlug;
  const handoff = (
    await call('POST', '/api/v1/handoffs', { body: { sessionId: 'web-1', project: 'web', markdown: '# h' } })
  ).body as { id: string; projectId: string };
  const live = (await call('POST', '/api/v1/live', { body: {} })).body as { viewerToken: string };
  const watched = (await call('POST', '/api/v1/live', { body: { sessionId: 'web-1' } })).body as {
    viewerToken: string;
  };
  const own = await manageFixtures(call);
  const spare = (await call('POST', '/api/v1/keys', { body: { name: 'web-spare' } })).body as {
    key: { id: string };
  };

  const loginForm = await page('GET', '/login');
  const signIn = await page('POST', '/login', {
    csrf: csrfOf(loginForm.text),
    apiKey: key,
    next: '/',
  });
  expect(signIn.status).toBe(303);
  const csrf = csrfOf((await page('GET', '/settings')).text);
  const fx: WebFixtures = { page, csrf, sessionId: 'web-1', sessionSlug, postSlug: post.shareSlug };

  const requests: Array<[string, () => Promise<{ status: number; text: string }>]> = [
    ['get /assets/{name}', () => page('GET', '/assets/app.css')],
    ['get /live/{viewerToken}', () => page('GET', `/live/${live.viewerToken}`)],
    ['get /login', () => Promise.resolve(loginForm)],
    ['post /login', () => Promise.resolve(signIn)],
    ['get /', () => page('GET', '/')],
    ['get /sessions/{id}', () => page('GET', '/sessions/web-1')],
    ['get /sessions/{id}/export', () => page('GET', '/sessions/web-1/export?format=md')],
    ['get /sessions/{id}/find', () => page('GET', '/sessions/web-1/find?q=retry')],
    ['get /sessions/{id}/replay', () => page('GET', '/sessions/web-1/replay')],
    ['get /sessions/{id}/replay/events', () => page('GET', '/sessions/web-1/replay/events?limit=2')],
    ...['/share', '/p'].flatMap((p): Array<[string, () => Promise<{ status: number; text: string }>]> => [
      [`get ${p}/{slug}`, () => page('GET', `${p}/${sessionSlug}`)],
      [`get ${p}/{slug}/export`, () => page('GET', `${p}/${sessionSlug}/export`)],
      [`get ${p}/{slug}/s/{sessionId}`, () => page('GET', `${p}/${post.shareSlug}/s/web-1`)],
      [`get ${p}/{slug}/s/{sessionId}/export`, () => page('GET', `${p}/${post.shareSlug}/s/web-1/export`)],
      [`get ${p}/{slug}/find`, () => page('GET', `${p}/${sessionSlug}/find?q=retry`)],
      [`get ${p}/{slug}/replay`, () => page('GET', `${p}/${sessionSlug}/replay`)],
      [`get ${p}/{slug}/replay/events`, () => page('GET', `${p}/${post.shareSlug}/replay/events`)],
      [`get ${p}/{slug}/s/{sessionId}/replay`, () => page('GET', `${p}/${post.shareSlug}/s/web-1/replay`)],
      [
        `get ${p}/{slug}/s/{sessionId}/replay/events`,
        () => page('GET', `${p}/${post.shareSlug}/s/web-1/replay/events`),
      ],
      [
        `get ${p}/{slug}/s/{sessionId}/find`,
        () => page('GET', `${p}/${post.shareSlug}/s/web-1/find?q=retry`),
      ],
    ]),
    ...readerRequests(fx),
    ...commentRequests(fx, watched.viewerToken),
    ['get /posts/{id}', () => page('GET', `/posts/${pushed.body.postId}`)],
    ['get /projects', () => page('GET', '/projects')],
    ['get /projects/{id}', () => page('GET', `/projects/${handoff.projectId}`)],
    ['get /usage', () => page('GET', '/usage?from=2026-01-01&to=2026-12-31')],
    ['get /handoffs/{id}', () => page('GET', `/handoffs/${handoff.id}`)],
    ['get /settings', () => page('GET', '/settings')],
    ['post /settings/keys', () => page('POST', '/settings/keys', { csrf, name: 'from-web' })],
    ...manageRequests(fx, own, spare.key.id),
    [
      'post /settings/keys/{id}/revoke',
      () => page('POST', `/settings/keys/${spare.key.id}/revoke`, { csrf }),
    ],
    ['get /diagnostics', () => page('GET', '/diagnostics')],
    ['post /logout', () => page('POST', '/logout', { csrf })],
  ];
  expect(requests.map(([k]) => k).sort()).toEqual(WEB_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  const byKey = new Map(WEB_ROUTES.map((r) => [`${r.method} ${r.path}`, r]));
  // The first status each definition names: pages 200, forms 303 (a new key 201), the page scripts' JSON forms
  // 200 or 201 (a new comment); the other statuses named (303 to the login page) are for signed-out readers.
  for (const [k, send] of requests) {
    const res = await send();
    const expected = Number(Object.keys(byKey.get(k)!.responses)[0]);
    expect({
      route: k,
      status: res.status,
      text:
        res.status === expected
          ? 'ok'
          : res.text
              .replace(/<[^>]*>/g, ' ')
              .replace(/\s+/g, ' ')
              .slice(-600),
    }).toEqual({ route: k, status: expected, text: 'ok' });
  }
});

it('catches a drifted response: a wrong type, a missing or an undocumented field, an undocumented status', async () => {
  const doc: RouteDoc = {
    method: 'get',
    path: '/x',
    tag: 't',
    summary: 's',
    auth: 'none',
    rateLimit: 'none',
    responses: { 200: { schema: z.object({ id: z.string(), n: z.number() }) } },
    errors: [404],
    public: true,
  };
  const json = (status: number, body: unknown) => Response.json(body, { status });
  expect(await responseProblem(doc, json(200, { id: 'a', n: 1 }))).toBeNull();
  expect(await responseProblem(doc, json(200, { id: 'a', n: '1' }))).toMatch(/does not match its schema/);
  expect(await responseProblem(doc, json(200, { id: 'a' }))).toMatch(/does not match its schema/);
  const notJson = new Response('{oops', { status: 200, headers: { 'content-type': 'application/json' } });
  expect(await responseProblem(doc, notJson)).toMatch(/does not match its schema/);
  expect(await responseProblem(doc, json(200, { id: 'a', n: 1, secret: 'x' }))).toMatch(
    /fields its schema does not name: \$\.secret/,
  );
  expect(await responseProblem(doc, json(404, { error: { code: 'not_found', message: 'm' } }))).toBeNull();
  expect(await responseProblem(doc, json(404, { oops: true }))).toMatch(/does not match its schema/);
  expect(await responseProblem(doc, json(409, { error: { code: 'conflict', message: 'm' } }))).toMatch(
    /status 409 is not documented/,
  );
});
