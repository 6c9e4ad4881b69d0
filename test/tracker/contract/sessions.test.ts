// Contract: pushing, appending, uploading, listing, searching, reading, patching and deleting sessions.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  AppendEventsResponse,
  ListSessionsResponse,
  PushSessionResponse,
  SessionDetailResponse,
  UploadSessionsResponse,
} from '../../../src/core/api/index.js';
import { client, forEachEngine, startTracker, type Client, type TestTracker } from '../helpers/harness.js';
import { makeSession } from '../helpers/sessions.js';

forEachEngine('sessions contract', (engine) => {
  let t: TestTracker;
  let api: Client;
  beforeAll(async () => {
    t = await startTracker(engine);
    api = client(t.url, t.ownerKey);
  });
  afterAll(async () => t?.close());

  it('pushes a session and reads it back with totals, timing and events', async () => {
    const s = makeSession({ id: 'sess-push', turns: 3, withSidechain: true });
    const res = await api.post('/api/v1/sessions', { session: s });
    expect(res.status).toBe(200);
    const body = PushSessionResponse.parse(res.body);
    expect(body.sessionId).toBe('sess-push');
    expect(body.eventsInserted).toBe(14);
    expect(body.url).toBe(`${t.url}/sessions/sess-push`);

    const got = await api.get('/api/v1/sessions/sess-push');
    expect(got.status).toBe(200);
    const d = SessionDetailResponse.parse(got.body);
    expect(d.session.status).toBe('completed');
    expect(d.session.source).toBe('cli-upload');
    expect(d.session.visibility).toBe('private');
    expect(d.session.eventCount).toBe(14);
    expect(d.session.totals.tokens.input).toBe(300);
    expect(d.session.startedAt).toBe('2026-01-01T10:00:00.000Z');
    expect(d.session.endedAt).toBe('2026-01-01T10:00:13.000Z');
    expect(d.session.durationMs).toBe(13_000);
    expect(d.session.project).toMatchObject({ slug: 'demo-app', name: 'demo-app' });
    expect(d.events.map((e) => e.event.uuid).slice(0, 4)).toEqual([
      'sess-push-p0',
      'sess-push-a0',
      'sess-push-c0',
      'sess-push-r0',
    ]);
    // Sidechain events come after the main chain, with their agent id.
    expect(d.events.at(-1)!.event).toMatchObject({ uuid: 'sess-push-s1', agentId: 'agent-1' });
  });

  it('is idempotent: the same push again stores nothing new; a longer version adds only the new events', async () => {
    const s = makeSession({ id: 'sess-idem', turns: 2 });
    const first = PushSessionResponse.parse((await api.post('/api/v1/sessions', { session: s })).body);
    const again = PushSessionResponse.parse((await api.post('/api/v1/sessions', { session: s })).body);
    expect(first.eventsInserted).toBe(8);
    expect(again.eventsInserted).toBe(0);
    expect(again.eventCount).toBe(8);
    const longer = PushSessionResponse.parse(
      (await api.post('/api/v1/sessions', { session: makeSession({ id: 'sess-idem', turns: 4 }) })).body,
    );
    expect(longer.eventsInserted).toBe(8);
    expect(longer.eventCount).toBe(16);
    const d = SessionDetailResponse.parse((await api.get('/api/v1/sessions/sess-idem')).body);
    expect(new Set(d.events.map((e) => e.event.uuid)).size).toBe(16);
    expect(d.events.map((e) => e.seq)).toEqual([...Array(16).keys()]);
  });

  it('appends event batches idempotently per uuid and creates the session on first append', async () => {
    const s = makeSession({ id: 'sess-stream', turns: 2 });
    const items = s.turns.flatMap((turn) => turn.events.map((event) => ({ turnIndex: turn.index, event })));
    const withSeq = items.map((it, i) => ({ ...it, seq: i }));
    const a = await api.post('/api/v1/sessions/sess-stream/events', {
      events: withSeq.slice(0, 5),
      meta: { cwd: '/w/streamed' },
      status: 'active',
    });
    expect(a.status).toBe(200);
    expect(AppendEventsResponse.parse(a.body)).toMatchObject({
      sessionId: 'sess-stream',
      inserted: 5,
      duplicates: 0,
      eventCount: 5,
    });
    const b = AppendEventsResponse.parse(
      (await api.post('/api/v1/sessions/sess-stream/events', { events: withSeq.slice(3) })).body,
    );
    expect(b).toMatchObject({ inserted: 3, duplicates: 2, eventCount: 8 });
    const d = SessionDetailResponse.parse((await api.get('/api/v1/sessions/sess-stream')).body);
    expect(d.session).toMatchObject({ status: 'active', source: 'cli-stream', eventCount: 8 });
    expect(d.session.totals).toMatchObject({
      prompts: 2,
      messages: 2,
      toolCalls: 2,
      toolErrors: 1,
      turns: 2,
      tools: { Bash: 2 },
    });
    expect(d.session.project?.slug).toBe('streamed');
  });

  it('pages through the events of a large session', async () => {
    const s = makeSession({ id: 'sess-big', turns: 300 });
    expect((await api.post('/api/v1/sessions', { session: s })).status).toBe(200);
    const seen: string[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const d = SessionDetailResponse.parse(
        (await api.get(`/api/v1/sessions/sess-big?offset=${offset}&limit=500`)).body,
      );
      seen.push(...d.events.map((e) => e.event.uuid));
      offset = d.eventsPage.nextOffset;
    }
    expect(seen.length).toBe(1200);
    expect(new Set(seen).size).toBe(1200);
  });

  it('uploads many sessions in one request', async () => {
    const sessions = [1, 2, 3].map((i) => makeSession({ id: `up-${i}`, cwd: '/w/uploads', turns: 1 }));
    const res = await api.post('/api/v1/sessions/upload', { sessions });
    expect(res.status).toBe(200);
    const body = UploadSessionsResponse.parse(res.body);
    expect(body.sessions.map((s) => s.sessionId)).toEqual(['up-1', 'up-2', 'up-3']);
    const list = ListSessionsResponse.parse((await api.get('/api/v1/sessions?project=uploads')).body);
    expect(list.pagination.total).toBe(3);
  });

  it('rolls a bulk upload back entirely when one session fails to store', async () => {
    const ok = makeSession({ id: 'atomic-ok', cwd: '/w/atomic' });
    // Same session id twice with a conflicting event uuid reused by another session is fine; force a failure
    // instead with an event uuid longer than the model allows in the second session.
    const bad = makeSession({ id: 'atomic-bad', cwd: '/w/atomic' });
    (bad.turns[0]!.events[0] as { uuid: string }).uuid = 'x'.repeat(500);
    const res = await api.post('/api/v1/sessions/upload', { sessions: [ok, bad] });
    expect(res.status).toBe(400);
    expect((await api.get('/api/v1/sessions/atomic-ok')).status).toBe(404);
  });

  it('lists with filters and pagination', async () => {
    await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'f-1', cwd: '/w/filters' }),
      tags: ['alpha'],
    });
    await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'f-2', cwd: '/w/filters', start: '2026-02-01T00:00:00Z' }),
      status: 'interrupted',
    });
    await api.post('/api/v1/sessions/f-3/events', {
      events: [{ seq: 0, turnIndex: 0, event: { kind: 'prompt', uuid: 'f3-p', text: 'hi' } }],
      meta: { cwd: '/w/filters' },
    });
    await api.patch('/api/v1/sessions/f-1', { starred: true, archived: true });

    const all = ListSessionsResponse.parse((await api.get('/api/v1/sessions?project=filters&limit=2')).body);
    expect(all.pagination).toEqual({ page: 1, limit: 2, total: 3, totalPages: 2 });
    const page2 = ListSessionsResponse.parse(
      (await api.get('/api/v1/sessions?project=filters&limit=2&page=2')).body,
    );
    expect(page2.sessions).toHaveLength(1);
    const ids = (q: string) =>
      api.get(`/api/v1/sessions?project=filters&${q}`).then((r) =>
        ListSessionsResponse.parse(r.body)
          .sessions.map((s) => s.id)
          .sort(),
      );
    expect(await ids('status=interrupted')).toEqual(['f-2']);
    expect(await ids('source=cli-stream')).toEqual(['f-3']);
    expect(await ids('tag=alpha')).toEqual(['f-1']);
    expect(await ids('starred=true')).toEqual(['f-1']);
    expect(await ids('archived=false')).toEqual(['f-2', 'f-3']);
    expect(await ids('archived=1')).toEqual(['f-1']);
    expect((await api.get('/api/v1/sessions?project=no-such-project')).body.pagination.total).toBe(0);
    expect((await api.get('/api/v1/sessions?limit=101')).status).toBe(400);
    expect((await api.get('/api/v1/sessions?status=bogus')).status).toBe(400);
  });

  it('searches prompts and responses, ranked, treating FTS syntax as plain words', async () => {
    await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'srch-1', cwd: '/w/search', promptWords: 'refactor the zebra parser' }),
    });
    await api.post('/api/v1/sessions', {
      session: makeSession({
        id: 'srch-2',
        cwd: '/w/search',
        turns: 4,
        promptWords: 'zebra zebra zebra',
        replyWords: 'zebra stripes everywhere',
      }),
    });
    await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'srch-3', cwd: '/w/search', replyWords: 'nothing relevant' }),
    });
    const res = ListSessionsResponse.parse((await api.get('/api/v1/sessions?search=zebra')).body);
    expect(res.sessions.map((s) => s.id).sort()).toEqual(['srch-1', 'srch-2']);
    expect(res.sessions[0]!.id).toBe('srch-2');
    expect(res.sessions[0]!.score).toBeGreaterThan(res.sessions[1]!.score!);
    const both = ListSessionsResponse.parse((await api.get('/api/v1/sessions?search=zebra%20parser')).body);
    expect(both.sessions.map((s) => s.id)).toEqual(['srch-1']);
    for (const hostile of [
      '"zebra',
      'zebra OR NOT',
      'ze*',
      'NEAR(a b)',
      "'; DROP TABLE sessions; --",
      '^col:x',
      '((((',
      '!!!',
    ]) {
      const r = await api.get(`/api/v1/sessions?search=${encodeURIComponent(hostile)}`);
      expect(r.status, hostile).toBe(200);
    }
    expect((await api.get('/api/v1/sessions?search=%22zebra')).body.pagination.total).toBe(2);
    expect(
      (await api.get(`/api/v1/sessions?search=${encodeURIComponent('!!!')}`)).body.pagination.total,
    ).toBe(0);
  });

  it('patches title, tags, starred, archived and visibility; deletes a session and its events', async () => {
    await api.post('/api/v1/sessions', { session: makeSession({ id: 'p-1', cwd: '/w/patch' }) });
    const r = await api.patch('/api/v1/sessions/p-1', {
      title: 'Renamed',
      tags: ['x', 'y'],
      starred: true,
      visibility: 'unlisted',
    });
    expect(r.status).toBe(200);
    const d = SessionDetailResponse.parse(r.body);
    expect(d.session).toMatchObject({
      title: 'Renamed',
      tags: ['x', 'y'],
      starred: true,
      visibility: 'unlisted',
    });
    expect(d.session.shareSlug).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(d.session.url).toBe(`${t.url}/share/${d.session.shareSlug}`);
    // A later push does not undo the user's title.
    await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'p-1', cwd: '/w/patch', title: 'Client title' }),
    });
    expect((await api.get('/api/v1/sessions/p-1')).body.session.title).toBe('Renamed');
    expect((await api.patch('/api/v1/sessions/p-1', {})).status).toBe(400);
    expect((await api.patch('/api/v1/sessions/p-1', { starred: 'yes' })).status).toBe(400);
    // DELETE moves it to the trash (issue 13; test/tracker/manage-api.test.ts); purge deletes it for good.
    const del = await api.del('/api/v1/sessions/p-1?purge=true');
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ deleted: true, id: 'p-1', purged: true });
    expect((await api.get('/api/v1/sessions/p-1')).status).toBe(404);
    expect((await api.del('/api/v1/sessions/p-1?purge=true')).status).toBe(404);
    await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'p-2', cwd: '/w/patch', promptWords: 'xylophone' }),
    });
    expect((await api.get('/api/v1/sessions?search=xylophone')).body.pagination.total).toBe(1);
    await api.del('/api/v1/sessions/p-2');
    expect((await api.get('/api/v1/sessions?search=xylophone')).body.pagination.total).toBe(0);
    const docs = await t.store.db
      .selectFrom('search_docs')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const sessions = await t.store.db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(docs?.n)).toBeGreaterThanOrEqual(Number(sessions?.n) - 1);
    const left = await t.store.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('uuid', 'like', 'p-1-%')
      .executeTakeFirst();
    expect(Number(left?.n)).toBe(0);
  });

  it('keeps fork lineage and creates or extends posts', async () => {
    await api.post('/api/v1/sessions', { session: makeSession({ id: 'parent', cwd: '/w/fork' }) });
    const child = PushSessionResponse.parse(
      (
        await api.post('/api/v1/sessions', {
          session: makeSession({ id: 'child', cwd: '/w/fork', parentSessionId: 'parent' }),
          createPost: true,
          title: 'A post',
        })
      ).body,
    );
    expect(child.postId).toMatch(/^post_/);
    expect((await api.get('/api/v1/sessions/child')).body.session.parentSessionId).toBe('parent');
    const added = await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'parent', cwd: '/w/fork' }),
      postId: child.postId,
    });
    expect(added.status).toBe(200);
    const post = await api.get(`/api/v1/posts/${child.postId}`);
    expect(post.body.post).toMatchObject({
      title: 'A post',
      sessionIds: ['child', 'parent'],
      visibility: 'private',
    });
    expect(
      (await api.post('/api/v1/sessions', { session: makeSession({ id: 'x' }), postId: 'post_nope' })).status,
    ).toBe(404);
    expect(
      (
        await api.post('/api/v1/sessions', {
          session: makeSession({ id: 'x' }),
          postId: 'a',
          createPost: true,
        })
      ).status,
    ).toBe(400);
  });

  it('refuses a body over the size cap with 413 before parsing', async () => {
    const small = await startTracker(engine, {
      config: {
        limits: { bodyBytes: 1024, sessionBodyBytes: 4096, uploadBodyBytes: 8192, ingestContentChars: 100 },
      },
    });
    try {
      const c = client(small.url, small.ownerKey);
      const big = { sessions: [makeSession({ id: 'huge', turns: 200 })] };
      const r = await c.post('/api/v1/sessions/upload', big);
      expect(r.status).toBe(413);
      expect(r.body.error.code).toBe('too_large');
      expect(
        (await c.post('/api/v1/sessions', { session: makeSession({ id: 'huge', turns: 200 }) })).status,
      ).toBe(413);
      // Chunked (no Content-Length) is counted while streaming.
      const stream = new ReadableStream({
        start(ctl) {
          ctl.enqueue(new TextEncoder().encode(JSON.stringify(big)));
          ctl.close();
        },
      });
      const res = await fetch(`${small.url}/api/v1/sessions/upload`, {
        method: 'POST',
        headers: { authorization: `Bearer ${small.ownerKey}`, 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
    } finally {
      await small.close();
    }
  });
});
