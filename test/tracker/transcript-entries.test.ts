// Issue 12 (first step): the tracker keeps each transcript line as sent, per session and sub-file, idempotent by
// uuid, deflated at rest, owner only; on SQLite and PostgreSQL.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openStore, type Store } from '../../tracker/db/store.js';
import { writeSession } from '../../tracker/services/session-writer.js';
import { ensureOwner } from '../../tracker/services/users.js';
import { forEachEngine, freshDatabase, type EngineName } from './helpers/harness.js';

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
