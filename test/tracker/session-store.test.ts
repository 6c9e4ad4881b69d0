// Issue 12 on the tracker: transcript entries ride along with pushes, event appends and uploads (one transaction
// with the events), projectKey and entry counts on sessions, SessionStore sessions derived from their entries by the
// client's normalizer, NUL kept byte for byte; on SQLite and PostgreSQL.
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { numberSessionEvents } from '../../src/core/model/event-numbering.js';
import { findSubagentFiles, loadSession } from '../../src/core/transcript/index.js';
import type { SessionEntryItem } from '../../src/core/api/index.js';
import { deriveSession } from '../../tracker/services/derive-session.js';
import { createLinesCache } from '../../tracker/services/entry-lines.js';
import type { LiveEvent } from '../../tracker/services/publisher.js';
import {
  client,
  forEachEngine,
  startTracker,
  type Body,
  type Client,
  type TestTracker,
} from './helpers/harness.js';
import { makeSession } from './helpers/sessions.js';

const WITH_AGENT =
  'test/fixtures/transcripts/projects/-home-dev-proj/7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11.jsonl';

/** A transcript's lines (main file, then subagent files) as a client sends them. */
async function entriesOf(path: string): Promise<SessionEntryItem[]> {
  const stem = basename(path).replace(/\.jsonl$/, '');
  const read = (file: string, subKey?: string) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .map((line) => ({
        ...(subKey ? { subKey } : {}),
        ...(typeof line.uuid === 'string' ? { uuid: line.uuid } : {}),
        line,
      }));
  const out = read(path);
  for (const f of await findSubagentFiles(path))
    out.push(...read(f.path, relative(join(dirname(path), stem), f.path).replace(/\.jsonl$/, '')));
  return out;
}

/** Polls until `ready` holds (the derivation runs after a debounce, off the request path). */
async function until<T>(get: () => Promise<T>, ready: (v: T) => boolean): Promise<T> {
  for (let i = 0; ; i++) {
    const v = await get();
    if (ready(v) || i > 400) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const brief = (events: Body[]) =>
  events.map((e) => ({
    seq: e.seq,
    turnIndex: e.turnIndex,
    kind: e.event.kind,
    uuid: e.event.uuid,
    agentId: e.event.agentId,
    text: e.event.text ?? e.event.name ?? e.event.content ?? null,
  }));

forEachEngine('session store and entries riding along', (engine) => {
  let t: TestTracker;
  let api: Client;
  let bob: Client;
  const published: LiveEvent[] = [];
  beforeAll(async () => {
    t = await startTracker(engine, { deps: { events: { publish: (_id, e) => void published.push(e) } } });
    api = client(t.url, t.ownerKey);
    bob = client(t.url, (await api.post('/api/v1/users', { name: 'bob' })).body.rawKey);
  });
  afterAll(async () => t?.close());

  const allEntries = async (id: string, subKey = '') =>
    (await api.get(`/api/v1/sessions/${id}/entries?subKey=${encodeURIComponent(subKey)}&limit=1000`)).body
      .entries as Body[];
  const summary = async (id: string) => (await api.get(`/api/v1/sessions/${id}?limit=0`)).body.session;

  it('entries ride along with an event append (events may be empty), a push and an upload', async () => {
    const line = (n: number) => ({ uuid: `l-${n}`, line: { uuid: `l-${n}`, type: 'user', n } });
    const s = makeSession({ id: 'ride-events', turns: 1 });
    const items = numberSessionEvents(s);
    const appended = await api.post('/api/v1/sessions/ride-events/events', {
      events: items,
      entries: [line(1), { ...line(2), subKey: 'subagents/agent-x' }],
    });
    expect(appended.status).toBe(200);
    const only = await api.post('/api/v1/sessions/ride-events/events', { events: [], entries: [line(3)] });
    expect(only.status).toBe(200);
    expect((await allEntries('ride-events')).map((e) => e.uuid)).toEqual(['l-1', 'l-3']);
    expect((await allEntries('ride-events', 'subagents/agent-x')).map((e) => e.line)).toEqual([line(2).line]);
    expect(await summary('ride-events')).toMatchObject({ eventCount: items.length, entryCount: 3 });

    const pushed = await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'ride-push' }),
      entries: [line(1), line(2)],
    });
    expect(pushed.status).toBe(200);
    expect((await allEntries('ride-push')).map((e) => e.uuid)).toEqual(['l-1', 'l-2']);

    const uploaded = await api.post('/api/v1/sessions/upload', {
      sessions: [makeSession({ id: 'ride-up-1' }), makeSession({ id: 'ride-up-2' })],
      transcripts: [{ sessionId: 'ride-up-2', entries: [line(7)] }],
    });
    expect(uploaded.status).toBe(200);
    expect(await summary('ride-up-1')).toMatchObject({ entryCount: 0 });
    expect((await allEntries('ride-up-2')).map((e) => e.uuid)).toEqual(['l-7']);
    // Old clients (no entries) work as before.
    const old = await api.post('/api/v1/sessions/ride-old/events', { events: items });
    expect(old.status).toBe(200);
    expect(await summary('ride-old')).toMatchObject({ eventCount: items.length, entryCount: 0 });
  });

  it('a body refused inside the write stores neither its events nor its entries', async () => {
    const entries = [{ uuid: 'tx-1', line: { uuid: 'tx-1' } }];
    // Attaching to a post that does not exist fails after the session and its lines were written: all rolled back.
    const push = await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'tx-push' }),
      entries,
      postId: 'no-such-post',
    });
    expect(push.status).toBe(404);
    expect((await api.get('/api/v1/sessions/tx-push')).status).toBe(404);
    // An upload whose second session's lines name a session it does not carry: the first is rolled back too.
    const up = await api.post('/api/v1/sessions/upload', {
      sessions: [makeSession({ id: 'tx-up' })],
      transcripts: [
        { sessionId: 'tx-up', entries },
        { sessionId: 'tx-elsewhere', entries },
      ],
    });
    expect(up.status).toBe(400);
    expect((await api.get('/api/v1/sessions/tx-up')).status).toBe(404);
  });

  it('six concurrent writers of the same lines store each once', async () => {
    const entries = Array.from({ length: 50 }, (_, i) => ({ uuid: `c-${i}`, line: { uuid: `c-${i}`, i } }));
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, w) =>
        w % 2 === 0
          ? api.post('/api/v1/sessions/conc/entries', { entries })
          : api.post('/api/v1/sessions/conc/events', { events: [], entries }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const back = await allEntries('conc');
    expect(back.map((e) => e.uuid).sort()).toEqual(entries.map((e) => e.uuid).sort());
    expect(back.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await summary('conc')).toMatchObject({ entryCount: 50 });
  });

  it('projectKey: set by the first keyed append, filtered on, and a different one is refused', async () => {
    const e = (u: string) => ({ entries: [{ uuid: u, line: { uuid: u } }] });
    expect(
      (await api.post('/api/v1/sessions/pk-a/entries', { ...e('1'), projectKey: 'tenant/a' })).status,
    ).toBe(200);
    expect(
      (await api.post('/api/v1/sessions/pk-b/entries', { ...e('1'), projectKey: 'tenant/b' })).status,
    ).toBe(200);
    // No key, or the same key: fine.
    expect((await api.post('/api/v1/sessions/pk-a/entries', e('2'))).status).toBe(200);
    expect(
      (await api.post('/api/v1/sessions/pk-a/entries', { ...e('3'), projectKey: 'tenant/a' })).status,
    ).toBe(200);
    const other = await api.post('/api/v1/sessions/pk-a/entries', { ...e('4'), projectKey: 'tenant/b' });
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({
      code: 'conflict',
      reason: 'project_key_mismatch',
      details: { projectKey: 'tenant/a' },
    });
    const listed = await api.get('/api/v1/sessions?projectKey=tenant%2Fa');
    expect(listed.body.sessions.map((s: Body) => [s.id, s.projectKey, s.entryCount, s.source])).toEqual([
      ['pk-a', 'tenant/a', 3, 'session-store'],
    ]);
    expect((await api.get('/api/v1/sessions?projectKey=nobody')).body.sessions).toEqual([]);
    // Another user's session of the same id is their own; the owner's lines stay hidden from them.
    expect((await bob.get('/api/v1/sessions/pk-a/entries')).status).toBe(404);
    expect((await bob.get('/api/v1/sessions/pk-a/entries/subkeys')).status).toBe(404);
    expect((await bob.get('/api/v1/sessions?projectKey=tenant%2Fa')).body.sessions).toEqual([]);
  });

  it('a session written only as entries is derived: events, title, totals, search, as the client reads the file', async () => {
    const file = await loadSession(WITH_AGENT);
    const expected = numberSessionEvents(file);
    const entries = await entriesOf(WITH_AGENT);
    // In SessionStore-sized batches, main and subagent lines interleaved as they arrive.
    for (let i = 0; i < entries.length; i += 7) {
      const batch = entries.slice(i, i + 7);
      for (const subKey of [...new Set(batch.map((b) => b.subKey ?? ''))]) {
        const res = await api.post('/api/v1/sessions/derived-1/entries', {
          subKey,
          projectKey: 'svc',
          entries: batch.filter((b) => (b.subKey ?? '') === subKey).map(({ uuid, line }) => ({ uuid, line })),
        });
        expect(res.status).toBe(200);
      }
    }
    const got = await until(
      () => api.get('/api/v1/sessions/derived-1?limit=5000'),
      (r) => r.body.session.eventCount === expected.length,
    );
    const d = got.body;
    expect(brief(d.events)).toEqual(brief(expected));
    expect(d.events.some((e: Body) => e.event.agentId)).toBe(true);
    expect(d.session.title).toBe(file.meta.title ?? null);
    expect(d.session.cwd).toBe(file.meta.cwd);
    expect(d.session.models).toEqual(file.meta.models);
    expect(d.session.totals.tokens).toEqual(file.totals.tokens);
    expect(d.session.totals.toolCalls).toBe(file.totals.toolCalls);
    expect(d.session.startedAt).toBe(new Date(Date.parse(file.meta.startedAt!)).toISOString());
    expect(d.session.source).toBe('session-store');
    // Live viewers hear of derived events as of pushed ones.
    const mine = published.filter((e) => 'sessionId' in e && e.sessionId === 'derived-1');
    expect(mine.some((e) => e.type === 'events.appended')).toBe(true);
    expect(mine.filter((e) => e.type === 'session.upserted').at(-1)).toMatchObject({
      eventCount: expected.length,
    });
    // Its prompts are searchable like a pushed session's.
    const word = (expected.find((e) => e.event.kind === 'prompt')!.event as { text: string }).text.match(
      /[a-z]{4,}/i,
    )![0];
    const found = await api.get(`/api/v1/sessions?search=${word}`);
    expect(found.body.sessions.map((s: Body) => s.id)).toContain('derived-1');
  });

  it('a derivation that reuses the lines it read before (only new ones loaded) gives the same session', async () => {
    const entries = (await entriesOf(WITH_AGENT)).map(({ subKey, uuid, line }) => ({
      subKey: subKey ?? '',
      uuid,
      line,
    }));
    const cache = createLinesCache();
    const owner = (await t.store.users.list())[0]!.id;
    const pkOf = async (id: string) => Number((await t.store.sessions.findByUserAndId(owner, id))!.pk);
    // 'cached' is derived after each append with the cache; 'whole' once at the end, reading every line.
    for (let i = 0; i < entries.length; i += 10) {
      for (const e of entries.slice(i, i + 10)) {
        for (const id of ['cached', 'whole'])
          await api.post(`/api/v1/sessions/${id}/entries`, {
            subKey: e.subKey,
            entries: [{ uuid: e.uuid, line: e.line }],
          });
      }
      await deriveSession(t.store, await pkOf('cached'), Date.now(), cache);
    }
    await deriveSession(t.store, await pkOf('whole'), Date.now());
    const events = async (id: string) =>
      brief((await api.get(`/api/v1/sessions/${id}?limit=5000`)).body.events);
    expect(await events('cached')).toEqual(await events('whole'));
    expect((await events('whole')).length).toBe(numberSessionEvents(await loadSession(WITH_AGENT)).length);
  });

  it('a line holding NUL comes back byte for byte; event text elsewhere still drops it', async () => {
    const line = { uuid: 'nul-1', type: 'user', text: 'a\u0000b', ['k\u0000']: ['\u0000'] };
    const res = await api.post('/api/v1/sessions/nul/entries', { entries: [{ uuid: 'nul-1', line }] });
    expect(res.status).toBe(200);
    expect((await allEntries('nul'))[0].line).toEqual(line);
    // Riding along with events: the line keeps NUL, the event's text (a text column on PostgreSQL) does not.
    const s = makeSession({ id: 'nul-events', turns: 1 });
    const items = numberSessionEvents(s);
    (items[0]!.event as { text: string }).text = 'x\u0000y';
    const ride = await api.post('/api/v1/sessions/nul-events/events', {
      events: items,
      entries: [{ uuid: 'nul-1', line }],
    });
    expect(ride.status).toBe(200);
    expect((await allEntries('nul-events'))[0].line).toEqual(line);
    const back = await api.get('/api/v1/sessions/nul-events');
    expect(back.body.events[0].event.text).toBe('x\uFFFDy');
  });
});
