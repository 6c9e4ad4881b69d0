// Issue 14 item 2 over the API, on both engines: who may read and write comments, delete rules, comments off, the
// limits (length, body, rate), and that every watcher of the session (share page, live stream) gets the frames.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSse } from '../helpers/sse-client.js';
import { client, forEachEngine, freshDatabase, PG_URL, type Client } from './helpers/harness.js';
import { makeSession } from './helpers/sessions.js';
import { startLiveHarness, type LiveHarness } from './live-harness.js';

forEachEngine('comments API', (engine) => {
  let t: LiveHarness;
  let drop: () => Promise<void>;
  let owner: Client;
  let bob: Client;
  let carol: Client;

  beforeAll(async () => {
    const db = await freshDatabase(engine);
    drop = db.drop;
    t = await startLiveHarness(
      db.target.engine === 'postgres'
        ? { postgres: { url: PG_URL, schema: db.target.schema! } }
        : { dbFile: db.target.file },
    );
    owner = client(t.url, t.ownerKey);
    const b = await owner.post('/api/v1/users', { name: 'bob', role: 'member' });
    bob = client(t.url, b.body.rawKey as string);
    const c = await owner.post('/api/v1/users', { name: 'carol', role: 'member' });
    carol = client(t.url, c.body.rawKey as string);
  });
  afterAll(async () => {
    await t?.close();
    await drop?.();
  });

  async function push(id: string, visibility: 'private' | 'unlisted' | 'public') {
    const r = await owner.post('/api/v1/sessions', { session: makeSession({ id }), visibility });
    expect(r.status).toBe(200);
    return (await owner.get(`/api/v1/sessions/${id}`)).body.session.shareSlug as string;
  }
  const comment = (who: Client, id: string, body: Record<string, unknown>) =>
    who.post(`/api/v1/sessions/${id}/comments`, body);

  it('the owner and any signed-in user of an unlisted session comment, reply and react; they all read it', async () => {
    await push('cm-unlisted', 'unlisted');
    const first = await comment(owner, 'cm-unlisted', { eventUuid: 'cm-unlisted-a0', text: '  why this?  ' });
    expect(first.status).toBe(201);
    expect(first.body.comment).toMatchObject({
      text: 'why this?',
      parentId: null,
      author: { name: 'owner' },
    });
    const reply = await comment(bob, 'cm-unlisted', {
      eventUuid: 'cm-unlisted-a0',
      text: 'because of the retry',
      parentId: first.body.comment.id,
    });
    expect(reply.status).toBe(201);
    const react = await bob.post('/api/v1/sessions/cm-unlisted/reactions', {
      eventUuid: 'cm-unlisted-a0',
      emoji: '👍',
    });
    expect(react.body).toMatchObject({ active: true, reactions: [{ emoji: '👍', count: 1, mine: true }] });
    const list = await carol.get('/api/v1/sessions/cm-unlisted/comments');
    expect(list.status).toBe(200);
    expect(list.body.canComment).toBe(true);
    expect(list.body.comments.map((c: { text: string }) => c.text)).toEqual([
      'why this?',
      'because of the retry',
    ]);
    expect(list.body.eventReactions['cm-unlisted-a0']).toEqual([{ emoji: '👍', count: 1, mine: false }]);
    // Toggling again removes it.
    const undo = await bob.post('/api/v1/sessions/cm-unlisted/reactions', {
      eventUuid: 'cm-unlisted-a0',
      emoji: '👍',
    });
    expect(undo.body).toMatchObject({ active: false, reactions: [] });
  });

  it('another user’s private session does not exist for them; a trashed one for nobody', async () => {
    await push('cm-private', 'private');
    expect((await bob.get('/api/v1/sessions/cm-private/comments')).status).toBe(404);
    expect((await comment(bob, 'cm-private', { eventUuid: 'cm-private-a0', text: 'hi' })).status).toBe(404);
    expect((await comment(owner, 'cm-private', { eventUuid: 'cm-private-a0', text: 'note' })).status).toBe(
      201,
    );
    await push('cm-trash', 'unlisted');
    expect((await owner.del('/api/v1/sessions/cm-trash')).status).toBe(200);
    expect((await owner.get('/api/v1/sessions/cm-trash/comments')).status).toBe(404);
    expect((await comment(bob, 'cm-trash', { eventUuid: 'cm-trash-a0', text: 'hi' })).status).toBe(404);
  });

  it('a revoked key is refused; anonymous readers get no API access', async () => {
    await push('cm-keys', 'public');
    expect((await client(t.url).get('/api/v1/sessions/cm-keys/comments')).status).toBe(401);
    const key = await carol.post('/api/v1/keys', { name: 'short-lived' });
    const temp = client(t.url, key.body.rawKey as string);
    expect((await temp.get('/api/v1/sessions/cm-keys/comments')).status).toBe(200);
    expect((await carol.del(`/api/v1/keys/${key.body.key.id}`)).status).toBe(200);
    expect((await comment(temp, 'cm-keys', { eventUuid: 'cm-keys-a0', text: 'x' })).status).toBe(401);
  });

  it('delete: the author or the owner, never a third user; replies go with their comment', async () => {
    await push('cm-del', 'unlisted');
    const a = await comment(bob, 'cm-del', { eventUuid: 'cm-del-p0', text: 'bob says' });
    const r = await comment(carol, 'cm-del', {
      eventUuid: 'cm-del-p0',
      text: 'carol answers',
      parentId: a.body.comment.id,
    });
    const del = (who: Client, id: string) => who.del(`/api/v1/sessions/cm-del/comments/${id}`);
    expect((await del(carol, a.body.comment.id)).status).toBe(403);
    expect((await del(bob, r.body.comment.id)).status).toBe(403);
    expect((await del(carol, r.body.comment.id)).status).toBe(200);
    const b2 = await comment(bob, 'cm-del', { eventUuid: 'cm-del-p0', text: 'bob again' });
    await comment(carol, 'cm-del', { eventUuid: 'cm-del-p0', text: 'reply', parentId: b2.body.comment.id });
    expect((await del(owner, b2.body.comment.id)).status).toBe(200);
    const left = await owner.get('/api/v1/sessions/cm-del/comments');
    expect(left.body.comments.map((c: { text: string }) => c.text)).toEqual(['bob says']);
  });

  it('comments off: reads still work, writes are 403 comments_disabled, only the owner can switch', async () => {
    await push('cm-off', 'unlisted');
    await comment(bob, 'cm-off', { eventUuid: 'cm-off-p0', text: 'before' });
    expect(
      (await bob.patch('/api/v1/sessions/cm-off/comments/settings', { commentsEnabled: false })).status,
    ).toBe(404);
    const off = await owner.patch('/api/v1/sessions/cm-off/comments/settings', { commentsEnabled: false });
    expect(off.body).toEqual({ sessionId: 'cm-off', commentsEnabled: false });
    const refused = await comment(bob, 'cm-off', { eventUuid: 'cm-off-p0', text: 'after' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('comments_disabled');
    const react = await bob.post('/api/v1/sessions/cm-off/reactions', {
      eventUuid: 'cm-off-p0',
      emoji: '🎉',
    });
    expect(react.body.error.code).toBe('comments_disabled');
    const list = await bob.get('/api/v1/sessions/cm-off/comments');
    expect(list.body).toMatchObject({ commentsEnabled: false, canComment: false });
    expect(list.body.comments).toHaveLength(1);
  });

  it('length, shape and event checks answer clear 400/404/413 errors', async () => {
    await push('cm-limits', 'unlisted');
    const empty = await comment(bob, 'cm-limits', { eventUuid: 'cm-limits-p0', text: '   ' });
    expect(empty.status).toBe(400);
    const long = await comment(bob, 'cm-limits', { eventUuid: 'cm-limits-p0', text: 'x'.repeat(4001) });
    expect(long.status).toBe(400);
    expect(long.text).toContain('4000');
    expect(
      (await comment(bob, 'cm-limits', { eventUuid: 'cm-limits-p0', text: 'x'.repeat(4000) })).status,
    ).toBe(201);
    expect((await comment(bob, 'cm-limits', { eventUuid: 'no-such-event', text: 'hi' })).status).toBe(404);
    const huge = await comment(bob, 'cm-limits', { eventUuid: 'cm-limits-p0', text: 'x'.repeat(2_000_000) });
    expect(huge.status).toBe(413);
    const badEmoji = await bob.post('/api/v1/sessions/cm-limits/reactions', {
      eventUuid: 'cm-limits-p0',
      emoji: '💩',
    });
    expect(badEmoji.status).toBe(400);
  });

  it('rate limit: the 21st write in a minute is 429 with Retry-After', { timeout: 60_000 }, async () => {
    await push('cm-rate', 'unlisted');
    const d = await owner.post('/api/v1/users', { name: 'dave', role: 'member' });
    const dave = client(t.url, d.body.rawKey as string);
    // Fixed one-minute windows: start well inside one, so the 21 writes all count against the same window.
    const intoWindow = Date.now() % 60_000;
    if (intoWindow > 45_000) await new Promise((r) => setTimeout(r, 61_000 - intoWindow));
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++)
      statuses.push((await comment(dave, 'cm-rate', { eventUuid: 'cm-rate-p0', text: `n${i}` })).status);
    expect(statuses.every((s) => s === 201)).toBe(true);
    const last = await comment(dave, 'cm-rate', { eventUuid: 'cm-rate-p0', text: 'one more' });
    expect(last.status).toBe(429);
    expect(last.body.error.code).toBe('rate_limited');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  describe('live delivery', () => {
    it('share page watchers and live stream viewers get comment, reaction and comment_deleted frames', async () => {
      const slug = await push('cm-live', 'unlisted');
      const stream = await owner.post('/api/v1/live', { sessionId: 'cm-live' });
      expect(stream.status).toBe(201);
      const page = openSse(`${t.url}/share/${slug}/presence`);
      const viewer = openSse(`${t.url}/live/${stream.body.viewerToken}/events`);
      expect(await page.status).toBe(200);
      expect(await viewer.status).toBe(200);
      await page.waitFor((m) => m.event === 'presence');
      await viewer.waitFor((m) => m.event === 'hello');
      const posted = await comment(bob, 'cm-live', { eventUuid: 'cm-live-a1', text: 'live <b>hello</b>' });
      for (const sse of [page, viewer]) {
        const m = await sse.waitFor((x) => x.event === 'comment');
        expect(JSON.parse(m.data)).toMatchObject({ id: posted.body.comment.id, text: 'live <b>hello</b>' });
      }
      await carol.post('/api/v1/sessions/cm-live/reactions', { eventUuid: 'cm-live-a1', emoji: '🚀' });
      const r = await page.waitFor((x) => x.event === 'reaction');
      expect(JSON.parse(r.data)).toMatchObject({ emoji: '🚀', active: true, reactions: [{ count: 1 }] });
      await owner.del(`/api/v1/sessions/cm-live/comments/${posted.body.comment.id}`);
      const gone = await viewer.waitFor((x) => x.event === 'comment_deleted');
      expect(JSON.parse(gone.data)).toMatchObject({ id: posted.body.comment.id });
      page.close();
      viewer.close();
    });

    it('a session of the same id owned by someone else hears nothing', async () => {
      await push('cm-same', 'unlisted');
      const mine = await bob.post('/api/v1/sessions', {
        session: makeSession({ id: 'cm-same' }),
        visibility: 'unlisted',
      });
      expect(mine.status).toBe(200);
      const bobSlug = (await bob.get('/api/v1/sessions/cm-same')).body.session.shareSlug as string;
      const bobsPage = openSse(`${t.url}/share/${bobSlug}/presence`);
      await bobsPage.waitFor((m) => m.event === 'presence');
      // The owner's own session wins for the owner: this comment is on the owner's session.
      await comment(owner, 'cm-same', { eventUuid: 'cm-same-a0', text: 'for my watchers only' });
      const ownerSlug = (await owner.get('/api/v1/sessions/cm-same')).body.session.shareSlug as string;
      const ownersPage = openSse(`${t.url}/share/${ownerSlug}/presence`);
      await ownersPage.waitFor((m) => m.event === 'presence');
      await comment(owner, 'cm-same', { eventUuid: 'cm-same-a0', text: 'second' });
      await ownersPage.waitFor((m) => m.event === 'comment');
      expect(bobsPage.messages.some((m) => m.event === 'comment')).toBe(false);
      bobsPage.close();
      ownersPage.close();
    });
  });
});
