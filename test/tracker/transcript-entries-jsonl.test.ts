// Issue 12: GET /api/v1/sessions/{id}/entries.jsonl hands a transcript file back as the tracker keeps it (byte for
// byte, NUL and unicode included, in seq order, across its read chunks), to its owner only, and the client reads it
// line by line as a stream; on SQLite and PostgreSQL.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { isBatonError } from '../../src/core/errors.js';
import { JSONL_ROWS, streamEntries } from '../../tracker/services/transcript-entries.js';
import {
  client,
  forEachEngine,
  startTracker,
  type Client,
  type EngineName,
  type TestTracker,
} from './helpers/harness.js';

forEachEngine('transcript entries as JSONL', (engine: EngineName) => {
  let t: TestTracker;
  let api: Client;
  let other: Client;
  let baton: TrackerClient;
  let otherKey = '';

  beforeAll(async () => {
    t = await startTracker(engine);
    api = client(t.url, t.ownerKey);
    const made = await api.post('/api/v1/users', { name: 'mallory', role: 'member' });
    expect(made.status).toBe(201);
    otherKey = made.body.rawKey as string;
    other = client(t.url, otherKey);
    baton = createTrackerClient({ baseUrl: t.url, apiKey: t.ownerKey, maxRetries: 0 });
  });
  afterAll(async () => {
    await baton?.close();
    await t?.close();
  });

  const jsonlPath = (id: string, subKey?: string) =>
    `/api/v1/sessions/${encodeURIComponent(id)}/entries.jsonl${subKey !== undefined ? `?subKey=${encodeURIComponent(subKey)}` : ''}`;

  /** A session of the owner's holding `texts` (stored as given, through the repository) in `subKey`. */
  async function sessionWith(id: string, files: Record<string, string[]>): Promise<number> {
    expect((await api.post(`/api/v1/sessions/${id}/entries`, { entries: [] })).status).toBe(200);
    const row = await t.store.db
      .selectFrom('sessions')
      .select('pk')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const pk = Number(row.pk);
    for (const [subKey, texts] of Object.entries(files))
      for (let i = 0; i < texts.length; i += 5000)
        await t.store.transcriptEntries.append(
          pk,
          subKey,
          texts.slice(i, i + 5000).map((text) => ({ uuid: null, text })),
          Date.now(),
        );
    return pk;
  }

  async function rawBody(
    path: string,
    key = t.ownerKey,
  ): Promise<{ status: number; type: string; bytes: Buffer }> {
    const res = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${key}` } });
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  }

  const collect = async (it: AsyncIterable<string>) => {
    const out: string[] = [];
    for await (const l of it) out.push(l);
    return out;
  };

  test('each stored text comes back byte for byte, then a newline: unicode, NUL, U+2028, a 2 MB line', async () => {
    const texts = [
      JSON.stringify({ uuid: 'u-1', content: 'naïve café — 日本語 🚀 "q" \\ back \u2028 \u2029' }),
      // A raw NUL and a lone surrogate's escape, in a text as stored (not JSON.stringify's spelling).
      '{"raw" :  "a\u0000b", "esc":"\\ud800", "order":[3,1,2]}',
      JSON.stringify({ uuid: 'u-3', big: 'x'.repeat(1024) + 'é'.repeat(1024 * 1024) }),
      '{}',
    ];
    expect(Buffer.byteLength(texts[2]!)).toBeGreaterThan(2 * 1024 * 1024);
    await sessionWith('jl-bytes', { '': texts });
    const res = await rawBody(jsonlPath('jl-bytes'));
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/x-ndjson/);
    expect(res.bytes.equals(Buffer.from(texts.map((x) => `${x}\n`).join(''), 'utf8'))).toBe(true);
    // The client hands the same texts back, line by line.
    expect(await collect(baton.sessions.downloadEntries('jl-bytes'))).toEqual(texts);
  });

  test('lines appended through the API come back as the JSON route returns them, each file apart', async () => {
    const id = 'jl-api';
    const main = [
      { type: 'user', uuid: 'm-1', cwd: '/w', message: { content: 'nul a\u0000b' } },
      { type: 'assistant', uuid: 'm-2', nested: { a: [1, 2.5, null, true] } },
    ];
    await api.post(`/api/v1/sessions/${id}/entries`, {
      entries: main.map((line) => ({ uuid: line.uuid, line })),
    });
    await api.post(`/api/v1/sessions/${id}/entries`, {
      subKey: 'subagents/agent-a1',
      entries: [{ line: { sub: 1 } }],
    });
    const paged = (await api.get(`/api/v1/sessions/${id}/entries?limit=1000`)).body.entries as Array<{
      line: unknown;
    }>;
    const lines = await collect(baton.sessions.downloadEntries(id));
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(paged.map((e) => e.line));
    expect(lines).toEqual(main.map((l) => JSON.stringify(l)));
    expect(await collect(baton.sessions.downloadEntries(id, 'subagents/agent-a1'))).toEqual(['{"sub":1}']);
    // A file with no lines is an empty body, as the JSON route's empty page.
    const none = await rawBody(jsonlPath(id, 'subagents/none'));
    expect([none.status, none.bytes.length]).toEqual([200, 0]);
    expect(await collect(baton.sessions.downloadEntries(id, 'subagents/none'))).toEqual([]);
  });

  test('every line once and in seq order across the read chunks: at, past and well past a chunk boundary', async () => {
    for (const n of [JSONL_ROWS, JSONL_ROWS * 2 + 1]) {
      const id = `jl-chunks-${n}`;
      const texts = Array.from({ length: n }, (_, i) => `{"i":${i}}`);
      await sessionWith(id, { '': texts, 'subagents/agent-z': ['{"other":true}'] });
      const res = await rawBody(jsonlPath(id));
      expect(res.status).toBe(200);
      expect(res.bytes.toString('utf8')).toBe(texts.map((x) => `${x}\n`).join(''));
    }
    // Small chunks, straight from the service: many boundaries, one line short of and one past a multiple.
    const pk = await sessionWith('jl-small', { '': Array.from({ length: 10 }, (_, i) => `{"i":${i}}`) });
    expect(pk).toBeGreaterThan(0);
    const caller = await t.store.db
      .selectFrom('sessions')
      .select('user_id')
      .where('pk', '=', pk)
      .executeTakeFirstOrThrow();
    for (const rows of [1, 3, 5, 9, 10, 11]) {
      const stream = await streamEntries(
        { store: t.store } as Parameters<typeof streamEntries>[0],
        { userId: caller.user_id } as Parameters<typeof streamEntries>[1],
        'jl-small',
        '',
        rows,
      );
      const text = await new Response(stream).text();
      expect({ rows, text }).toEqual({
        rows,
        text: Array.from({ length: 10 }, (_, i) => `{"i":${i}}\n`).join(''),
      });
    }
  });

  test("only the owner reads it: another user's key and an unknown session get 404, no key 401", async () => {
    await sessionWith('jl-private', { '': ['{"secret":"owner only"}'] });
    expect((await rawBody(jsonlPath('jl-private'), otherKey)).status).toBe(404);
    expect((await other.get(jsonlPath('jl-nope'))).status).toBe(404);
    expect((await client(t.url).get(jsonlPath('jl-private'))).status).toBe(401);
    expect((await api.get(jsonlPath('jl-private', '../x'))).status).toBe(400);
    // The client says so with its typed codes, before yielding anything.
    const mallory = createTrackerClient({ baseUrl: t.url, apiKey: otherKey, maxRetries: 0 });
    try {
      const err = await collect(mallory.sessions.downloadEntries('jl-private')).catch((e: unknown) => e);
      expect(isBatonError(err) && err.code).toBe('not_found');
    } finally {
      await mallory.close();
    }
  });

  test('the client stops reading when its caller stops: the rest of a large file is not needed', async () => {
    const texts = Array.from({ length: JSONL_ROWS * 3 }, (_, i) =>
      JSON.stringify({ i, pad: 'p'.repeat(500) }),
    );
    await sessionWith('jl-early', { '': texts });
    const first: string[] = [];
    for await (const line of baton.sessions.downloadEntries('jl-early')) {
      first.push(line);
      if (first.length === 3) break;
    }
    expect(first).toEqual(texts.slice(0, 3));
    // The connection is usable afterwards (nothing left half read in the pool).
    expect((await collect(baton.sessions.downloadEntries('jl-early'))).length).toBe(texts.length);
  });
});

forEachEngine('transcript JSONL download cut short', (engine: EngineName) => {
  test('a tracker that goes away mid-body fails the download with a typed network error, never a short file', async () => {
    const t = await startTracker(engine, { config: { shutdownTimeoutMs: 50 } });
    const baton = createTrackerClient({ baseUrl: t.url, apiKey: t.ownerKey, maxRetries: 0 });
    try {
      const api = client(t.url, t.ownerKey);
      expect((await api.post('/api/v1/sessions/jl-cut/entries', { entries: [] })).status).toBe(200);
      const row = await t.store.db
        .selectFrom('sessions')
        .select('pk')
        .where('id', '=', 'jl-cut')
        .executeTakeFirstOrThrow();
      // ~20 MB: far more than the socket buffers hold, so the body is still being sent when the tracker stops.
      const texts = Array.from({ length: 10_000 }, (_, i) => JSON.stringify({ i, pad: 'p'.repeat(2000) }));
      for (let i = 0; i < texts.length; i += 2500)
        await t.store.transcriptEntries.append(
          Number(row.pk),
          '',
          texts.slice(i, i + 2500).map((text) => ({ uuid: null, text })),
          Date.now(),
        );
      let got = 0;
      let stopping: Promise<void> | null = null;
      const err = await (async () => {
        for await (const line of baton.sessions.downloadEntries('jl-cut')) {
          expect(line).toBe(texts[got]);
          got++;
          // The tracker shuts down (its in-flight requests cut after 50 ms) while this reader waits.
          if (got === 1) {
            stopping = t.close();
            await new Promise((r) => setTimeout(r, 300));
          }
        }
      })().catch((e: unknown) => e);
      await stopping;
      expect(got).toBeLessThan(texts.length);
      expect(isBatonError(err) && err.code).toBe('network');
    } finally {
      await baton.close();
      await t.close();
    }
  });
});
