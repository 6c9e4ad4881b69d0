// Issue 12 (first step): the tracker keeps each transcript line as sent, per session and sub-file, idempotent by
// uuid, deflated at rest, owner only; on SQLite and PostgreSQL.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openStore, type Store } from '../../tracker/db/store.js';
import { writeSession } from '../../tracker/services/session-writer.js';
import { ensureOwner } from '../../tracker/services/users.js';
import {
  client,
  forEachEngine,
  freshDatabase,
  startTracker,
  type Client,
  type EngineName,
  type TestTracker,
} from './helpers/harness.js';
import { makeSession } from './helpers/sessions.js';

const FIXTURE = 'test/fixtures/transcripts/recorded/multi-turn-bash-resume.jsonl';

/** The fixture's lines as objects, and the text the tracker keeps for each (its JSON). */
const fixtureLines = () =>
  readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

forEachEngine('transcript entries store', (engine: EngineName) => {
  let store: Store;
  let drop: () => Promise<void>;
  let userId = '';

  beforeAll(async () => {
    const fresh = await freshDatabase(engine);
    drop = fresh.drop;
    store = await openStore(fresh.target);
    userId = (await ensureOwner(store, { now: Date.now(), defaultRate: 0 }))!.user.id;
  });
  afterAll(async () => {
    await store?.close();
    await drop?.();
  });

  const newSession = async (id: string) =>
    Number(
      (
        await store.transaction((repos) =>
          writeSession(
            repos,
            { userId, sessionId: id, items: [], source: 'cli-stream', pointerSource: 'cli-stream' },
            1,
          ),
        )
      ).row.pk,
    );
  const all = (pk: number, subKey = '') =>
    store.transcriptEntries.load(pk, subKey, { afterSeq: 0, limit: 100_000 });

  test('the text comes back byte for byte: unicode, NUL, a 2 MB line', async () => {
    const pk = await newSession('st-roundtrip');
    const texts = [
      JSON.stringify({ uuid: 'u-1', content: 'naïve café — 日本語 🚀 a\u0000b "q" \\ \u2028' }),
      '{"spaced" :  1 ,"order":[3,1,2]}',
      JSON.stringify({ uuid: 'u-3', big: 'x'.repeat(1024) + 'é'.repeat(1024 * 1024) }),
    ];
    expect(Buffer.byteLength(texts[2]!)).toBeGreaterThan(2 * 1024 * 1024);
    const res = await store.transcriptEntries.append(
      pk,
      '',
      texts.map((text, i) => ({ uuid: i === 1 ? null : `u-${i + 1}`, text })),
      1,
    );
    expect(res).toEqual({ appended: 3, duplicates: 0 });
    const back = await all(pk);
    expect(back.map((e) => [e.seq, e.uuid])).toEqual([
      [1, 'u-1'],
      [2, null],
      [3, 'u-3'],
    ]);
    expect(back.map((e) => e.text)).toEqual(texts);
  });

  test('the same uuids again are duplicates and add no rows; uuid-less lines are kept, in order', async () => {
    const pk = await newSession('st-idempotent');
    const e = (uuid: string | null, n: number) => ({ uuid, text: JSON.stringify({ n }) });
    expect(await store.transcriptEntries.append(pk, '', [e('a', 1), e(null, 2), e('b', 3)], 1)).toEqual({
      appended: 3,
      duplicates: 0,
    });
    expect(
      await store.transcriptEntries.append(pk, '', [e('a', 1), e('b', 3), e('a', 1), e(null, 4)], 2),
    ).toEqual({
      appended: 1,
      duplicates: 3,
    });
    expect((await store.transcriptEntries.stats(pk)).entries).toBe(4);
    expect((await all(pk)).map((r) => [r.seq, r.uuid, r.text])).toEqual([
      [1, 'a', '{"n":1}'],
      [2, null, '{"n":2}'],
      [3, 'b', '{"n":3}'],
      [4, null, '{"n":4}'],
    ]);
  });

  test('the schema itself refuses a second row with the same (session, sub-file, uuid), not a second null uuid', async () => {
    const pk = await newSession('st-unique');
    const row = (seq: number, uuid: string | null, subKey = '') => ({
      session_pk: pk,
      sub_key: subKey,
      seq,
      uuid,
      body: Buffer.from('x'),
      raw_bytes: 1,
      created_at: 1,
    });
    await store.db
      .insertInto('transcript_entries')
      .values([row(1, 'u'), row(2, null), row(3, null), row(1, 'u', 's')])
      .execute();
    await expect(store.db.insertInto('transcript_entries').values(row(4, 'u')).execute()).rejects.toThrow();
  });

  test('concurrent appends of the same uuids store each once, with gapless seqs', async () => {
    const pk = await newSession('st-concurrent');
    const batch = Array.from({ length: 40 }, (_, i) => ({ uuid: `c-${i}`, text: `{"i":${i}}` }));
    const results = await Promise.all(
      Array.from({ length: 6 }, () => store.transcriptEntries.append(pk, '', batch, 1)),
    );
    expect(results.reduce((n, r) => n + r.appended, 0)).toBe(40);
    const back = await all(pk);
    expect(back.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(back.map((r) => r.uuid)).size).toBe(40);
  });

  test('sub-files are apart, listed, and paged by seq', async () => {
    const pk = await newSession('st-subkeys');
    await store.transcriptEntries.append(pk, 'subagents/agent-b2', [{ uuid: 'm', text: '{"b":1}' }], 1);
    await store.transcriptEntries.append(pk, '', [{ uuid: 'm', text: '{"main":1}' }], 1);
    await store.transcriptEntries.append(
      pk,
      'subagents/agent-a1',
      Array.from({ length: 25 }, (_, i) => ({ uuid: `p-${i}`, text: `{"i":${i}}` })),
      1,
    );
    expect(await store.transcriptEntries.listSubkeys(pk)).toEqual([
      '',
      'subagents/agent-a1',
      'subagents/agent-b2',
    ]);
    const page = await store.transcriptEntries.load(pk, 'subagents/agent-a1', { afterSeq: 20, limit: 3 });
    expect(page.map((r) => [r.seq, r.text])).toEqual([
      [21, '{"i":20}'],
      [22, '{"i":21}'],
      [23, '{"i":22}'],
    ]);
    expect((await all(pk)).map((r) => r.text)).toEqual(['{"main":1}']);
  });

  test('deleting the session deletes its entries', async () => {
    const pk = await newSession('st-delete');
    await store.transcriptEntries.append(pk, '', [{ uuid: 'd', text: '{}' }], 1);
    await store.db.deleteFrom('sessions').where('pk', '=', pk).execute();
    expect(await store.transcriptEntries.stats(pk)).toEqual({ entries: 0, rawBytes: 0, storedBytes: 0 });
  });

  test('a recorded transcript is stored in fewer bytes than it was sent', async () => {
    const pk = await newSession('st-fixture');
    const texts = fixtureLines().map((l) => JSON.stringify(l));
    await store.transcriptEntries.append(
      pk,
      '',
      texts.map((text) => ({ uuid: null, text })),
      1,
    );
    const stats = await store.transcriptEntries.stats(pk);
    expect(stats.entries).toBe(texts.length);
    expect(stats.rawBytes).toBe(texts.reduce((n, t) => n + Buffer.byteLength(t), 0));
    expect(stats.storedBytes).toBeLessThan(stats.rawBytes * 0.5);
    console.log(
      `[${engine}] ${FIXTURE}: ${stats.entries} lines, ${stats.rawBytes} raw bytes, ${stats.storedBytes} stored` +
        ` (${(stats.storedBytes / stats.rawBytes).toFixed(3)}x)`,
    );
  });
});

forEachEngine('transcript entries API', (engine: EngineName) => {
  let t: TestTracker;
  let api: Client;
  let other: Client;

  beforeAll(async () => {
    t = await startTracker(engine);
    api = client(t.url, t.ownerKey);
    const made = await api.post('/api/v1/users', { name: 'mallory', role: 'member' });
    expect(made.status).toBe(201);
    other = client(t.url, made.body.rawKey as string);
  });
  afterAll(async () => t?.close());

  const entriesPath = (id: string) => `/api/v1/sessions/${encodeURIComponent(id)}/entries`;

  async function pkOf(id: string): Promise<number> {
    const row = await t.store.db
      .selectFrom('sessions')
      .select(['pk', 'user_id'])
      .where('id', '=', id)
      .execute();
    expect(row).toHaveLength(1);
    return Number(row[0]!.pk);
  }

  async function readAll(
    id: string,
    subKey = '',
    limit = 1000,
  ): Promise<Array<{ seq: number; uuid: string | null; line: unknown }>> {
    const out = [];
    let after = 0;
    for (;;) {
      const res = await api.get(
        `${entriesPath(id)}?subKey=${encodeURIComponent(subKey)}&after=${after}&limit=${limit}`,
      );
      expect(res.status).toBe(200);
      out.push(...res.body.entries);
      if (res.body.next === null) return out;
      after = res.body.next;
    }
  }

  test('lines come back byte for byte: unicode, and a 2 MB line', async () => {
    const lines = [
      { type: 'user', uuid: 'u-1', message: { content: 'naïve café — 日本語 🚀 "quoted" \\ back' } },
      { type: 'assistant', uuid: 'u-2', nested: { a: [1, 2.5, -0, null, true], z: {}, '': 'empty key' } },
      { type: 'assistant', uuid: 'u-3', big: 'x'.repeat(1024) + 'é'.repeat(1024 * 1024) },
    ];
    const res = await api.post(entriesPath('te-roundtrip'), {
      entries: lines.map((line) => ({ uuid: line.uuid, line })),
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ appended: 3, duplicates: 0 });
    const back = await readAll('te-roundtrip');
    expect(back.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(back.map((e) => e.uuid)).toEqual(['u-1', 'u-2', 'u-3']);
    expect(back.map((e) => JSON.stringify(e.line))).toEqual(lines.map((l) => JSON.stringify(l)));
    // The repository itself returns the very text it was given.
    const pk = await pkOf('te-roundtrip');
    // NUL too: the HTTP body reader turns it into U+FFFD for every route (tracker/http/validate.ts), the store does not.
    const text = JSON.stringify({ ...lines[2], nul: 'a\u0000b' });
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 1024 * 1024);
    await t.store.transcriptEntries.append(pk, 'raw', [{ uuid: null, text }], Date.now());
    expect((await t.store.transcriptEntries.load(pk, 'raw', { afterSeq: 0, limit: 10 }))[0]!.text).toBe(text);
  });

  test('the same uuids again are duplicates and add no rows; lines without a uuid are kept, in order', async () => {
    const id = 'te-idempotent';
    const batch = [
      { uuid: 'a', line: { n: 1 } },
      { line: { n: 2, note: 'no uuid' } },
      { uuid: 'b', line: { n: 3 } },
    ];
    expect((await api.post(entriesPath(id), { entries: batch })).body).toEqual({
      appended: 3,
      duplicates: 0,
    });
    const pk = await pkOf(id);
    const before = await t.store.transcriptEntries.stats(pk);
    // a and b again (one of them twice in the same request), and one more uuid-less line.
    const again = await api.post(entriesPath(id), {
      entries: [batch[0], batch[2], batch[0], { line: { n: 4 } }],
    });
    expect(again.body).toEqual({ appended: 1, duplicates: 3 });
    expect((await t.store.transcriptEntries.stats(pk)).entries).toBe(before.entries + 1);
    const back = await readAll(id);
    expect(back.map((e) => [e.seq, e.uuid, e.line])).toEqual([
      [1, 'a', { n: 1 }],
      [2, null, { n: 2, note: 'no uuid' }],
      [3, 'b', { n: 3 }],
      [4, null, { n: 4 }],
    ]);
  });

  test('concurrent appends of the same uuids store each once, with gapless seqs', async () => {
    const id = 'te-concurrent';
    const entries = Array.from({ length: 40 }, (_, i) => ({ uuid: `c-${i}`, line: { i } }));
    await api.post(entriesPath(id), { entries: entries.slice(0, 1) });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => api.post(entriesPath(id), { entries })),
    );
    for (const r of results) expect(r.status).toBe(200);
    expect(results.reduce((n, r) => n + (r.body.appended as number), 0)).toBe(39);
    const back = await readAll(id);
    expect(back.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(back.map((e) => e.uuid)).size).toBe(40);
  });

  test('many concurrent writers of one file, new lines each: every request succeeds and seqs stay gapless', async () => {
    const id = 'te-writers';
    await api.post(entriesPath(id), { entries: [{ uuid: 'w-first', line: { first: true } }] });
    // Twenty writers at once, half of the lines without a uuid: none may take a seq another one took.
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, w) =>
        api.post(entriesPath(id), {
          entries: Array.from({ length: 5 }, (_, i) => ({
            ...(i % 2 === 0 ? { uuid: `w-${w}-${i}` } : {}),
            line: { w, i },
          })),
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    const back = await readAll(id);
    expect(back.map((e) => e.seq)).toEqual(Array.from({ length: 101 }, (_, i) => i + 1));
    // Each writer's lines stay in its order within the file.
    for (let w = 0; w < 20; w++) {
      const mine = back.map((e) => e.line as { w?: number; i?: number }).filter((l) => l.w === w);
      expect(mine.map((l) => l.i)).toEqual([0, 1, 2, 3, 4]);
    }
  });

  test('two first keyed appends with different projectKeys at once: exactly one key wins, the other is refused', async () => {
    const id = 'te-project-race';
    await api.post(entriesPath(id), { entries: [{ uuid: 'p-0', line: { p: 0 } }] });
    const results = await Promise.all(
      ['-a', '-b', '-a', '-b', '-a', '-b'].map((projectKey, i) =>
        api.post(entriesPath(id), { projectKey, entries: [{ uuid: `p-${i + 1}`, line: { i } }] }),
      ),
    );
    const won = results.filter((r) => r.status === 200).length;
    expect(won).toBe(3);
    expect(results.filter((r) => r.status === 409).length).toBe(3);
    expect((await readAll(id)).length).toBe(1 + won);
  });

  test('sub-files are kept apart and listed; a path that climbs out is refused', async () => {
    const id = 'te-subkeys';
    await api.post(entriesPath(id), { entries: [{ uuid: 'm', line: { main: true } }] });
    await api.post(entriesPath(id), {
      subKey: 'subagents/agent-a1',
      entries: [{ uuid: 'm', line: { sub: 1 } }],
    });
    await api.post(entriesPath(id), { subKey: 'subagents/agent-b2', entries: [{ line: { sub: 2 } }] });
    const keys = await api.get(`${entriesPath(id)}/subkeys`);
    expect(keys.status).toBe(200);
    expect(keys.body).toEqual({ subKeys: ['', 'subagents/agent-a1', 'subagents/agent-b2'] });
    // The same uuid in another file is another line.
    expect((await readAll(id, 'subagents/agent-a1')).map((e) => e.line)).toEqual([{ sub: 1 }]);
    expect((await readAll(id)).map((e) => e.line)).toEqual([{ main: true }]);
    for (const subKey of ['../x', 'subagents/../../x', '/abs', 'a//b'])
      expect((await api.post(entriesPath(id), { subKey, entries: [{ line: {} }] })).status).toBe(400);
  });

  test('pages follow `next` in order', async () => {
    const id = 'te-pages';
    const entries = Array.from({ length: 25 }, (_, i) => ({ uuid: `p-${i}`, line: { i } }));
    await api.post(entriesPath(id), { entries });
    const first = await api.get(`${entriesPath(id)}?limit=10`);
    expect(first.body.entries.map((e: { seq: number }) => e.seq)).toEqual(
      Array.from({ length: 10 }, (_, i) => i + 1),
    );
    expect(first.body.next).toBe(10);
    const last = await api.get(`${entriesPath(id)}?limit=10&after=20`);
    expect(last.body.entries.map((e: { line: { i: number } }) => e.line.i)).toEqual([20, 21, 22, 23, 24]);
    expect(last.body.next).toBeNull();
    expect((await readAll(id, '', 7)).map((e) => e.uuid)).toEqual(entries.map((e) => e.uuid));
    const empty = await api.get(`${entriesPath(id)}?subKey=subagents/none`);
    expect(empty.body).toEqual({ entries: [], next: null });
  });

  test("another user's key never reads a session's entries, and its writes land in its own session", async () => {
    const id = 'te-private';
    expect(
      (await api.post('/api/v1/sessions', { session: makeSession({ id }), visibility: 'private' })).status,
    ).toBe(200);
    await api.post(entriesPath(id), { entries: [{ uuid: 's', line: { secret: 'owner only' } }] });
    expect((await other.get(entriesPath(id))).status).toBe(404);
    expect((await other.get(`${entriesPath(id)}/subkeys`)).status).toBe(404);
    expect((await client(t.url).get(entriesPath(id))).status).toBe(401);
    // Same id, other user: a session of that user's own (as appending events does), not the owner's.
    expect(
      (await other.post(entriesPath(id), { entries: [{ uuid: 's', line: { forged: true } }] })).body,
    ).toEqual({
      appended: 1,
      duplicates: 0,
    });
    expect((await readAll(id)).map((e) => e.line)).toEqual([{ secret: 'owner only' }]);
    expect((await other.get(entriesPath(id))).body.entries.map((e: { line: unknown }) => e.line)).toEqual([
      { forged: true },
    ]);
  });

  test('deleting the session deletes its entries', async () => {
    const id = 'te-delete';
    await api.post(entriesPath(id), { entries: [{ uuid: 'd', line: { d: 1 } }] });
    const pk = await pkOf(id);
    expect((await t.store.transcriptEntries.stats(pk)).entries).toBe(1);
    // A plain DELETE moves it to the trash (issue 13); purge is what deletes its rows.
    expect((await api.del(`/api/v1/sessions/${id}?purge=true`)).status).toBe(200);
    expect((await t.store.transcriptEntries.stats(pk)).entries).toBe(0);
    expect((await api.get(entriesPath(id))).status).toBe(404);
  });

  test('a recorded transcript is stored in fewer bytes than it was sent', async () => {
    const id = 'te-fixture';
    const lines = fixtureLines();
    const res = await api.post(entriesPath(id), {
      entries: lines.map((line) => ({ ...(typeof line.uuid === 'string' ? { uuid: line.uuid } : {}), line })),
    });
    expect(res.body.appended + res.body.duplicates).toBe(lines.length);
    const stats = await t.store.transcriptEntries.stats(await pkOf(id));
    const seen = new Set<unknown>();
    const kept = lines.filter((l) => typeof l.uuid !== 'string' || (!seen.has(l.uuid) && seen.add(l.uuid)));
    expect(stats.entries).toBe(kept.length);
    expect(stats.rawBytes).toBe(kept.reduce((n, l) => n + Buffer.byteLength(JSON.stringify(l)), 0));
    expect(stats.storedBytes).toBeLessThan(stats.rawBytes);
  });
});
