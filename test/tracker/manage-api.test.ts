// Issue 13 item 1 over the API, on both engines: trash hides a session everywhere and restore brings it back, purge
// is permanent, unshare kills the old link for good, nobody else can act on your things, re-push updates its post.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, forEachEngine, freshDatabase, PG_URL, type Client } from './helpers/harness.js';
import { makeSession } from './helpers/sessions.js';
import { startLiveHarness, type LiveHarness } from './live-harness.js';

const DAY = 86_400_000;

forEachEngine('manage: trash, restore, purge, unshare', (engine) => {
  let t: LiveHarness;
  let drop: () => Promise<void>;
  let api: Client;
  let other: Client;
  const anon = () => client(t.url);
  const page = async (path: string) => (await fetch(`${t.url}${path}`)).status;
  const ids = async (q = '') =>
    ((await api.get(`/api/v1/sessions${q}`)).body.sessions as Array<{ id: string }>).map((s) => s.id);

  beforeAll(async () => {
    const db = await freshDatabase(engine);
    drop = db.drop;
    const target = db.target;
    t = await startLiveHarness(
      target.engine === 'postgres'
        ? { postgres: { url: PG_URL, schema: target.schema! } }
        : { dbFile: target.file },
    );
    api = client(t.url, t.ownerKey);
    const made = await api.post('/api/v1/users', { name: 'mallory', role: 'member' });
    other = client(t.url, made.body.rawKey as string);
  });
  afterAll(async () => {
    await t?.close();
    await drop?.();
  });

  /** A public session in a public post with an open live stream: shared every way there is. */
  async function sharedEveryWay(id: string, words: string) {
    const pushed = await api.post('/api/v1/sessions', {
      session: makeSession({ id, promptWords: words, cwd: `/work/${id}` }),
      visibility: 'public',
      createPost: true,
      title: `post of ${id}`,
    });
    expect(pushed.status).toBe(200);
    const live = await api.post('/api/v1/live', { sessionId: id });
    expect(live.status).toBe(201);
    const detail = (await api.get(`/api/v1/sessions/${id}`)).body.session;
    const post = (await api.get(`/api/v1/posts/${pushed.body.postId}`)).body.post;
    return {
      postId: pushed.body.postId as string,
      postSlug: post.shareSlug as string,
      slug: detail.shareSlug as string,
      projectId: pushed.body.projectId as string,
      liveId: live.body.liveId as string,
      viewer: live.body.viewerToken as string,
    };
  }

  async function visibleEverywhere(id: string, words: string, s: Awaited<ReturnType<typeof sharedEveryWay>>) {
    return {
      list: (await ids()).includes(id),
      search: (await ids(`?search=${words}`)).includes(id),
      detail: (await api.get(`/api/v1/sessions/${id}`)).status,
      shareApi: (await anon().get(`/api/v1/share/${s.slug}`)).status,
      sharePage: await page(`/share/${s.slug}`),
      inPost: ((await anon().get(`/api/v1/share/${s.postSlug}`)).body.post.sessionIds as string[]).includes(
        id,
      ),
      postPage: await page(`/share/${s.postSlug}/s/${id}`),
      project: (await api.get(`/api/v1/projects/${s.projectId}`)).body.project.stats.sessions,
      export: (await api.get(`/api/v1/sessions/${id}/export?format=md`)).status,
      bulkExport: (await api.post('/api/v1/export', { sessionIds: [id] })).status,
    };
  }

  it('trash hides a session everywhere, ends its live link, and restore brings the rest back', async () => {
    const s = await sharedEveryWay('m-trash', 'quokka');
    const shown = {
      list: true,
      search: true,
      detail: 200,
      shareApi: 200,
      sharePage: 200,
      inPost: true,
      postPage: 200,
      project: 1,
      export: 200,
      bulkExport: 200,
    };
    expect(await visibleEverywhere('m-trash', 'quokka', s)).toEqual(shown);
    expect(await page(`/live/${s.viewer}/status`)).toBe(200);

    const del = await api.del('/api/v1/sessions/m-trash');
    expect(del.status).toBe(200);
    expect(Date.parse(del.body.purgeAt) - Date.parse(del.body.deletedAt)).toBe(30 * DAY);

    expect(await visibleEverywhere('m-trash', 'quokka', s)).toEqual({
      list: false,
      search: false,
      detail: 404,
      shareApi: 404,
      sharePage: 404,
      inPost: false,
      postPage: 404,
      project: 0,
      export: 404,
      bulkExport: 404,
    });
    expect((await api.get(`/api/v1/projects/${s.projectId}`)).body.project.lastSession).toBeNull();
    expect(await page(`/live/${s.viewer}/status`)).toBe(410);
    expect((await api.patch('/api/v1/sessions/m-trash', { starred: true })).status).toBe(404);
    const trash = (await api.get('/api/v1/trash')).body;
    expect(trash.sessions.map((x: { id: string }) => x.id)).toEqual(['m-trash']);
    expect(trash.sessions[0].purgeAt).toBe(del.body.purgeAt);

    const back = await api.post('/api/v1/sessions/m-trash/restore');
    expect(back.status).toBe(200);
    expect(back.body.session.shareSlug).toBe(s.slug);
    expect(await visibleEverywhere('m-trash', 'quokka', s)).toEqual(shown);
    expect((await api.get(`/api/v1/projects/${s.projectId}`)).body.project.lastSession.sessionId).toBe(
      'm-trash',
    );
    // A revoked live stream is never reopened: the live moment is over, the session itself is back.
    expect(await page(`/live/${s.viewer}/status`)).toBe(410);
    expect((await api.get('/api/v1/trash')).body.sessions).toEqual([]);
  });

  it('purge is permanent: no restore, no trash entry, no rows', async () => {
    await api.post('/api/v1/sessions', { session: makeSession({ id: 'm-purge' }) });
    await api.del('/api/v1/sessions/m-purge');
    const gone = await api.del('/api/v1/sessions/m-purge?purge=true');
    expect(gone.body).toEqual({ deleted: true, id: 'm-purge', purged: true });
    expect((await api.post('/api/v1/sessions/m-purge/restore')).status).toBe(404);
    expect((await api.get('/api/v1/trash')).body.sessions).toEqual([]);
    const rows = await t.store.db.selectFrom('sessions').select('pk').where('id', '=', 'm-purge').execute();
    expect(rows).toEqual([]);
  });

  it('unshare withdraws link, post exposure and live links; the old link never comes back', async () => {
    const s = await sharedEveryWay('m-unshare', 'wombat');
    const res = await api.post('/api/v1/sessions/m-unshare/unshare');
    expect(res.status).toBe(200);
    expect(res.body.session.visibility).toBe('private');
    expect(res.body.session.sharing.link).toBeNull();
    expect(res.body.session.sharing.live).toEqual([
      { liveId: s.liveId, visibility: 'unlisted', status: 'revoked', url: null },
    ]);
    expect(await page(`/share/${s.slug}`)).toBe(404);
    expect(await page(`/share/${s.postSlug}/s/m-unshare`)).toBe(404);
    expect(await page(`/live/${s.viewer}/status`)).toBe(410);
    // Shared again later: a new link, and the old one stays dead.
    const again = await api.patch('/api/v1/sessions/m-unshare', { visibility: 'public' });
    expect(again.body.session.shareSlug).not.toBe(s.slug);
    expect(await page(`/share/${again.body.session.shareSlug}`)).toBe(200);
    expect(await page(`/share/${s.slug}`)).toBe(404);
  });

  it('another user can never trash, restore, unshare or purge your session or post', async () => {
    const s = await sharedEveryWay('m-mine', 'numbat');
    const attempts = async () => [
      (await other.del('/api/v1/sessions/m-mine')).status,
      (await other.del('/api/v1/sessions/m-mine?purge=true')).status,
      (await other.post('/api/v1/sessions/m-mine/restore')).status,
      (await other.post('/api/v1/sessions/m-mine/unshare')).status,
      (await other.del(`/api/v1/posts/${s.postId}`)).status,
      (await other.del(`/api/v1/posts/${s.postId}?purge=true`)).status,
      (await other.post(`/api/v1/posts/${s.postId}/restore`)).status,
    ];
    expect(await attempts()).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect((await api.get('/api/v1/sessions/m-mine')).body.session.visibility).toBe('public');
    expect(await page(`/share/${s.slug}`)).toBe(200);
    expect(await page(`/share/${s.postSlug}`)).toBe(200);
    // Trashed by its owner, it stays out of the other user's reach (and their trash).
    await api.del('/api/v1/sessions/m-mine');
    await api.del(`/api/v1/posts/${s.postId}`);
    expect(await attempts()).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect((await other.get('/api/v1/trash')).body).toMatchObject({ sessions: [], posts: [] });
    expect((await api.get('/api/v1/trash')).body.posts.map((p: { id: string }) => p.id)).toContain(s.postId);
  });

  it('trashing a post hides it and its link; restore brings both back', async () => {
    const pushed = await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'm-post' }),
      visibility: 'unlisted',
      createPost: true,
      title: 'a post',
    });
    const id = pushed.body.postId as string;
    const slug = (await api.get(`/api/v1/posts/${id}`)).body.post.shareSlug as string;
    await api.del(`/api/v1/posts/${id}`);
    expect((await api.get(`/api/v1/posts/${id}`)).status).toBe(404);
    expect(
      ((await api.get('/api/v1/posts')).body.posts as Array<{ id: string }>).map((p) => p.id),
    ).not.toContain(id);
    expect(await page(`/share/${slug}`)).toBe(404);
    const back = await api.post(`/api/v1/posts/${id}/restore`);
    expect(back.body.post.sessionIds).toEqual(['m-post']);
    expect(await page(`/share/${slug}`)).toBe(200);
    expect((await api.del(`/api/v1/posts/${id}?purge=true`)).body.purged).toBe(true);
    expect((await api.post(`/api/v1/posts/${id}/restore`)).status).toBe(404);
  });

  it('pushing a session three times with createPost keeps one post, updated', async () => {
    const push = (title: string, visibility?: string) =>
      api.post('/api/v1/sessions', {
        session: makeSession({ id: 'm-repush', turns: 3 }),
        createPost: true,
        title,
        ...(visibility ? { visibility } : {}),
      });
    const first = await push('first');
    const second = await push('second', 'unlisted');
    const third = await push('third');
    expect(new Set([first.body.postId, second.body.postId, third.body.postId]).size).toBe(1);
    const mine = (
      (await api.get('/api/v1/posts?limit=100')).body.posts as Array<{ id: string; title: string }>
    ).filter((p) => p.id === first.body.postId);
    expect(mine.map((p) => p.title)).toEqual(['third']);
    const posts = (await api.get('/api/v1/sessions/m-repush')).body.session.sharing.posts;
    expect(posts).toEqual([
      { id: first.body.postId, title: 'third', visibility: 'unlisted', url: third.body.postUrl },
    ]);
  });

  it('sharing on list cards and detail matches what is really shared', async () => {
    const s = await sharedEveryWay('m-sharing', 'kiwi');
    await api.post('/api/v1/sessions', { session: makeSession({ id: 'm-quiet' }) });
    const list = (await api.get('/api/v1/sessions?limit=100')).body.sessions as Array<{
      id: string;
      sharing: unknown;
    }>;
    const detail = (await api.get('/api/v1/sessions/m-sharing')).body.session;
    const expected = {
      link: { visibility: 'public', url: `${t.url}/share/${s.slug}` },
      posts: [
        {
          id: s.postId,
          title: 'post of m-sharing',
          visibility: 'public',
          url: `${t.url}/share/${s.postSlug}`,
        },
      ],
      live: [
        {
          liveId: s.liveId,
          visibility: 'unlisted',
          status: 'active',
          url: `${t.url}/sessions/m-sharing#live`,
        },
      ],
    };
    expect(list.find((x) => x.id === 'm-sharing')!.sharing).toEqual(expected);
    expect(detail.sharing).toEqual(expected);
    expect(list.find((x) => x.id === 'm-quiet')!.sharing).toEqual({ link: null, posts: [], live: [] });
    // Ending the stream shows at once.
    await api.del(`/api/v1/live/${s.liveId}`);
    const after = (await api.get('/api/v1/sessions/m-sharing')).body.session.sharing.live;
    expect(after).toEqual([{ liveId: s.liveId, visibility: 'unlisted', status: 'revoked', url: null }]);
    // A trashed post no longer exposes the session.
    await api.del(`/api/v1/posts/${s.postId}`);
    expect((await api.get('/api/v1/sessions/m-sharing')).body.session.sharing.posts).toEqual([]);
  });

  it('appending to a trashed session loses nothing and does not bring it back', async () => {
    await api.post('/api/v1/sessions', { session: makeSession({ id: 'm-late', turns: 1 }) });
    await api.del('/api/v1/sessions/m-late');
    const late = await api.post('/api/v1/sessions/m-late/events', {
      events: [{ seq: 4, turnIndex: 1, event: { kind: 'prompt', uuid: 'm-late-x', text: 'late words' } }],
    });
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ inserted: 1, inTrash: true });
    expect(await ids()).not.toContain('m-late');
    const back = await api.post('/api/v1/sessions/m-late/restore');
    expect(back.body.session.eventCount).toBe(5);
  });
});

describe('manage: API shapes', () => {
  it('a DELETE with a bad purge flag is refused', async () => {
    const db = await freshDatabase('sqlite');
    const t = await startLiveHarness({ dbFile: db.target.engine === 'sqlite' ? db.target.file : undefined });
    try {
      const res = await client(t.url, t.ownerKey).del('/api/v1/sessions/x?purge=maybe');
      expect(res.status).toBe(400);
    } finally {
      await t.close();
      await db.drop();
    }
  });
});
