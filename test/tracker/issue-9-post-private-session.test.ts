// issue #9 (3.7): a public post never shows a session that is itself private to anyone but that session's owner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharedResponse } from '../../src/core/api/index.js';
import { client, type Client } from './helpers/harness.js';
import { makeSession } from './helpers/sessions.js';
import { startWebTracker, type WebTracker } from './web-harness.js';

let t: WebTracker;
let api: Client;
const anon = () => client(t.url);
const page = async (path: string) => {
  const res = await fetch(`${t.url}${path}`);
  return { status: res.status, text: await res.text() };
};

beforeAll(async () => {
  t = await startWebTracker();
  api = client(t.url, t.ownerKey);
});
afterAll(async () => t?.close());

describe('issue-9: private sessions inside a public post', () => {
  it('the post renders without the private session, says so, and refuses to open it directly', async () => {
    const pub = await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'pp-public', promptWords: 'openly shared words' }),
      visibility: 'public',
      createPost: true,
      title: 'Mixed post',
    });
    expect(pub.status).toBe(200);
    const secret = await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'pp-secret', promptWords: 'confidential launch codes' }),
      postId: pub.body.postId,
    });
    expect(secret.status).toBe(200);
    const slug = (await api.get(`/api/v1/posts/${pub.body.postId}`)).body.post.shareSlug as string;

    const shared = await anon().get(`/api/v1/share/${slug}`);
    expect(shared.status).toBe(200);
    const body = SharedResponse.parse(shared.body);
    expect(body.kind === 'post' && body.sessions.map((s) => s.id)).toEqual(['pp-public']);
    expect(body.kind === 'post' && body.post.sessionIds).toEqual(['pp-public']);
    expect(body.kind === 'post' && body.privateSessions).toBe(1);
    expect(shared.text).not.toContain('pp-secret');

    for (const prefix of ['/share', '/p']) {
      const html = await page(`${prefix}/${slug}`);
      expect(html.status).toBe(200);
      expect(html.text).toContain('One session in this post');
      expect(html.text).toContain('is private and not shown');
      expect(html.text).not.toContain('pp-secret');
      expect(html.text).not.toContain('confidential launch codes');
      expect((await page(`${prefix}/${slug}/s/pp-secret`)).status).toBe(404);
      expect((await page(`${prefix}/${slug}/s/pp-secret/export?format=md`)).status).toBe(404);
      // The public session of the same post still opens.
      expect((await page(`${prefix}/${slug}/s/pp-public`)).status).toBe(200);
    }
  });

  it('a one-session post whose session turned private shows the post, not the session', async () => {
    const solo = await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'pp-solo', promptWords: 'later made private' }),
      visibility: 'public',
      createPost: true,
    });
    const slug = (await api.get(`/api/v1/posts/${solo.body.postId}`)).body.post.shareSlug as string;
    expect((await page(`/share/${slug}`)).text).toContain('later made private');
    expect((await api.patch('/api/v1/sessions/pp-solo', { visibility: 'private' })).status).toBe(200);

    const html = await page(`/share/${slug}`);
    expect(html.status).toBe(200);
    expect(html.text).not.toContain('later made private');
    expect(html.text).toContain('is private and not shown');
    const shared = SharedResponse.parse((await anon().get(`/api/v1/share/${slug}`)).body);
    expect(shared.kind === 'post' && shared.sessions).toEqual([]);
    // Its owner still has it: the session itself is untouched.
    expect((await api.get('/api/v1/sessions/pp-solo')).status).toBe(200);
  });
});
