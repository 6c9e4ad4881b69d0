// The isolation matrix: every way of reaching another user's rows (or none) is refused, and never leaks existence.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { client, forEachEngine, startTracker, type Client, type TestTracker } from '../helpers/harness.js';
import { makeSession } from '../helpers/sessions.js';
import { generateRawKey, keyPrefix } from '../../../tracker/services/keys.js';
import { sha256Hex } from '../../../tracker/services/ids.js';

forEachEngine('isolation matrix', (engine) => {
  let t: TestTracker;
  let alice: Client;
  let bob: Client;
  const a = { postId: '', keyId: '', handoffId: '', projectId: '', privateSlug: '', unlistedSlug: '' };
  let revokedKey = '';
  let expiredKey = '';

  beforeAll(async () => {
    t = await startTracker(engine);
    alice = client(t.url, t.ownerKey);
    const bobUser = await alice.post('/api/v1/users', { name: 'bob' });
    bob = client(t.url, bobUser.body.rawKey);

    const pushed = await alice.post('/api/v1/sessions', {
      session: makeSession({
        id: 'alice-private',
        cwd: '/home/alice/secret-proj',
        promptWords: 'confidential kiwi',
      }),
      createPost: true,
    });
    a.postId = pushed.body.postId;
    a.projectId = pushed.body.projectId;
    await alice.post('/api/v1/sessions', {
      session: makeSession({ id: 'alice-unlisted', cwd: '/home/alice/secret-proj' }),
      visibility: 'unlisted',
    });
    a.keyId = (await alice.post('/api/v1/keys', { name: 'alice-2' })).body.key.id;
    a.handoffId = (
      await alice.post('/api/v1/handoffs', { sessionId: 'alice-private', markdown: '# hi' })
    ).body.id;
    a.privateSlug = (await t.store.sessions.findByUserAndId(
      (await alice.get('/api/v1/me')).body.user.id,
      'alice-private',
    ))!.share_slug;
    a.unlistedSlug = (await alice.get('/api/v1/sessions/alice-unlisted')).body.session.shareSlug;

    const r = await alice.post('/api/v1/keys', { name: 'to-revoke' });
    revokedKey = r.body.rawKey;
    await alice.del(`/api/v1/keys/${r.body.key.id}`);
    expiredKey = generateRawKey();
    await t.store.keys.create({
      id: 'key_iso_expired',
      user_id: (await alice.get('/api/v1/me')).body.user.id,
      name: 'exp',
      prefix: keyPrefix(expiredKey),
      hash: sha256Hex(expiredKey),
      rate_limit_per_minute: 0,
      created_at: 0,
      last_used_at: null,
      expires_at: 1,
      revoked_at: null,
    });
  });
  afterAll(async () => t?.close());

  it('refuses bad credentials with 401 on every authenticated route', async () => {
    const creds: Array<[string, Record<string, string>]> = [
      ['no key', {}],
      ['wrong key', { authorization: `Bearer ${generateRawKey()}` }],
      ['revoked key', { authorization: `Bearer ${revokedKey}` }],
      ['expired key', { authorization: `Bearer ${expiredKey}` }],
    ];
    const routes: Array<[string, string]> = [
      ['GET', '/api/v1/sessions'],
      ['GET', '/api/v1/sessions/alice-private'],
      ['GET', '/api/v1/sessions/alice-private/export'],
      ['PATCH', '/api/v1/sessions/alice-private'],
      ['DELETE', '/api/v1/sessions/alice-private'],
      ['POST', '/api/v1/sessions'],
      ['POST', '/api/v1/sessions/x/events'],
      ['POST', '/api/v1/sessions/upload'],
      ['POST', '/api/v1/export'],
      ['GET', '/api/v1/keys'],
      ['POST', '/api/v1/keys'],
      ['DELETE', `/api/v1/keys/${a.keyId}`],
      ['GET', '/api/v1/projects'],
      ['GET', `/api/v1/projects/${a.projectId}/resume`],
      ['GET', '/api/v1/handoffs'],
      ['GET', `/api/v1/handoffs/${a.handoffId}`],
      ['POST', '/api/v1/handoffs'],
      ['GET', `/api/v1/posts/${a.postId}`],
      ['POST', '/api/v1/ingest'],
      ['GET', '/api/v1/me'],
      ['GET', '/api/v1/users'],
    ];
    for (const [why, headers] of creds) {
      for (const [method, path] of routes) {
        const r = await client(t.url).raw(
          method,
          path,
          method === 'GET' || method === 'DELETE' ? undefined : {},
          headers,
        );
        expect(r.status, `${why}: ${method} ${path}`).toBe(401);
      }
    }
    // Nothing was changed by any of them.
    expect((await alice.get('/api/v1/sessions/alice-private')).status).toBe(200);
  });

  it("answers 404 (not 403) for another user's session, post, key, project and handoff", async () => {
    const cases: Array<[string, string, unknown?]> = [
      ['GET', '/api/v1/sessions/alice-private'],
      ['GET', '/api/v1/sessions/alice-unlisted'],
      ['GET', '/api/v1/sessions/alice-private/export?format=md'],
      ['PATCH', '/api/v1/sessions/alice-private', { title: 'pwned' }],
      ['DELETE', '/api/v1/sessions/alice-private'],
      ['POST', '/api/v1/export', { sessionIds: ['alice-private'] }],
      ['GET', `/api/v1/posts/${a.postId}`],
      ['PATCH', `/api/v1/posts/${a.postId}`, { title: 'pwned' }],
      ['DELETE', `/api/v1/posts/${a.postId}`],
      ['POST', '/api/v1/sessions', { session: makeSession({ id: 'bob-1' }), postId: a.postId }],
      ['DELETE', `/api/v1/keys/${a.keyId}`],
      ['GET', `/api/v1/projects/${a.projectId}`],
      ['GET', '/api/v1/projects/secret-proj'],
      ['GET', `/api/v1/projects/${a.projectId}/resume`],
      ['GET', `/api/v1/handoffs/${a.handoffId}`],
    ];
    for (const [method, path, body] of cases) {
      const r = await bob.raw(method, path, body);
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.body.error.code).toBe('not_found');
      // Nothing of the row itself comes back (only the caller's own input is echoed).
      expect(r.text).not.toMatch(/kiwi|\/home\/alice|usr_/);
      expect(Object.keys(r.body)).toEqual(['error']);
    }
    // Alice's rows are untouched.
    const s = (await alice.get('/api/v1/sessions/alice-private')).body.session;
    expect(s.title).toBeNull();
    expect((await alice.get(`/api/v1/posts/${a.postId}`)).body.post.title).toBeNull();
    expect(
      (await alice.get('/api/v1/keys')).body.keys.find((k: { id: string }) => k.id === a.keyId).revokedAt,
    ).toBeNull();
  });

  it("never shows another user's rows in lists or search", async () => {
    expect((await bob.get('/api/v1/sessions')).body.pagination.total).toBe(0);
    expect((await bob.get('/api/v1/sessions?search=kiwi')).body.pagination.total).toBe(0);
    expect((await bob.get('/api/v1/projects')).body.projects).toEqual([]);
    expect((await bob.get('/api/v1/handoffs')).body.handoffs).toEqual([]);
    expect((await bob.get('/api/v1/posts')).body.posts).toEqual([]);
    expect((await bob.get('/api/v1/keys')).body.keys.map((k: { id: string }) => k.id)).not.toContain(a.keyId);
    expect((await alice.get('/api/v1/sessions?search=kiwi')).body.pagination.total).toBe(1);
  });

  it("writing to the same session id as another user creates the writer's own session", async () => {
    const r = await bob.post('/api/v1/sessions/alice-private/events', {
      events: [{ seq: 0, turnIndex: 0, event: { kind: 'prompt', uuid: 'bob-e', text: 'mine' } }],
    });
    expect(r.status).toBe(200);
    expect(r.body.eventCount).toBe(1);
    expect((await alice.get('/api/v1/sessions/alice-private')).body.session.eventCount).toBe(8);
    expect((await bob.get('/api/v1/sessions/alice-private')).body.session.eventCount).toBe(1);
  });

  it('reaches private and unlisted sessions without a key only through a live share slug', async () => {
    const anon = client(t.url);
    expect((await anon.get('/api/v1/sessions/alice-unlisted')).status).toBe(401);
    expect((await anon.get(`/api/v1/share/${a.privateSlug}`)).status).toBe(404);
    expect((await anon.get(`/api/v1/share/${a.privateSlug}/export`)).status).toBe(404);
    expect((await anon.get(`/api/v1/share/${a.unlistedSlug.slice(0, -1)}x`)).status).toBe(404);
    expect((await anon.get('/api/v1/share/')).status).toBe(404);
    expect((await anon.get('/api/v1/public/sessions')).body.pagination.total).toBe(0);
    expect((await anon.get(`/api/v1/share/${a.unlistedSlug}`)).status).toBe(200);
    // Bob, with a key, cannot use Alice's unlisted session by id either: only the slug opens it.
    expect((await bob.get('/api/v1/sessions/alice-unlisted')).status).toBe(404);
  });
});
