// The live streams API over a real HTTP port and a temp SQLite database: capabilities, appends, SSE, limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateLiveResponse } from '../../src/core/api/live.js';
import type { SessionEvent } from '../../src/core/model/session.js';
import { openSse } from '../helpers/sse-client.js';
import { startLiveHarness, type LiveHarness } from './live-harness.js';

let t: LiveHarness;

beforeAll(async () => {
  t = await startLiveHarness({
    live: { limits: { eventsPerSecond: 50, burst: 100, maxEventBytes: 10_000, maxBatchBytes: 200_000 } },
  });
});
afterAll(async () => {
  await t?.close();
});

const text = (uuid: string, body = `text ${uuid}`): SessionEvent => ({ kind: 'text', uuid, text: body });

/**
 * A parsed JSON body as the assertions read it: each assertion checks the value it reads. The named fields are the
 * ones read here (named so that noUncheckedIndexedAccess lets a chain like `json.error.code` through).
 */
interface JsonBody {
  readonly [field: string]: JsonBody | undefined;
  readonly error: JsonBody;
  readonly code: JsonBody;
  readonly message: JsonBody;
  readonly status: JsonBody;
}

async function api(
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  extra: Record<string, string> = {},
) {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...extra,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as JsonBody;
  return { status: res.status, json, headers: res.headers };
}

async function createStream(body: Record<string, unknown> = {}) {
  const r = await api('POST', '/api/v1/live', t.ownerKey, body);
  expect(r.status).toBe(201);
  return CreateLiveResponse.parse(r.json);
}

describe('POST /api/v1/live', () => {
  it('creates a stream with two distinct capabilities and a 24 h default expiry', async () => {
    const s = await createStream({ title: 'demo' });
    expect(s.producerToken).toMatch(/^btp_[A-Za-z0-9_-]{43}$/);
    expect(s.viewUrl).toBe(`${t.url}/live/${s.viewerToken}`);
    expect(s.viewerToken).toMatch(/^btv_/);
    const hours = (Date.parse(s.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
  });

  it('requires an API key, and refuses live tokens in its place', async () => {
    expect((await api('POST', '/api/v1/live', null, {})).status).toBe(401);
    expect((await api('POST', '/api/v1/live', 'bt_' + 'x'.repeat(43), {})).json.error.code).toBe('auth');
    const s = await createStream();
    expect((await api('POST', '/api/v1/live', s.producerToken, {})).status).toBe(403);
  });
});

describe('PATCH /api/v1/live/:id', () => {
  it('is idempotent, ordered by seq, and reports gaps', async () => {
    const s = await createStream();
    const p = `/api/v1/live/${s.liveId}`;
    const first = await api('PATCH', p, s.producerToken, {
      events: [
        { seq: 2, event: text('b') },
        { seq: 1, event: text('a') },
      ],
    });
    expect(first.json).toEqual({ accepted: 2, duplicates: 0, lastSeq: 2, gaps: [] });
    const again = await api('PATCH', p, s.producerToken, {
      events: [
        { seq: 1, event: text('a') },
        { seq: 2, event: text('b') },
      ],
    });
    expect(again.json).toEqual({ accepted: 0, duplicates: 2, lastSeq: 2, gaps: [] });
    const gap = await api('PATCH', p, s.producerToken, {
      events: [
        { seq: 5, event: text('e') },
        { seq: 8, event: text('h') },
      ],
    });
    expect(gap.json).toEqual({
      accepted: 2,
      duplicates: 0,
      lastSeq: 8,
      gaps: [
        { from: 3, to: 4 },
        { from: 6, to: 7 },
      ],
    });
    const fill = await api('PATCH', p, s.producerToken, {
      events: [
        { seq: 3, event: text('c') },
        { seq: 4, event: text('d') },
      ],
    });
    expect(fill.json.gaps).toEqual([{ from: 6, to: 7 }]);
    // The same transcript record under another seq is a duplicate, not a second copy.
    const sameUuid = await api('PATCH', p, s.producerToken, { events: [{ seq: 6, event: text('a') }] });
    expect(sameUuid.json.duplicates).toBe(1);
  });

  it('accepts the producer token in X-Baton-Producer-Token next to the API key, and the owner key alone', async () => {
    const s = await createStream();
    const p = `/api/v1/live/${s.liveId}`;
    const viaHeader = await api(
      'PATCH',
      p,
      t.ownerKey,
      { events: [{ seq: 1, event: text('h1') }] },
      { 'x-baton-producer-token': s.producerToken },
    );
    expect(viaHeader.status).toBe(200);
    const asOwner = await api('PATCH', p, t.ownerKey, { events: [{ seq: 2, event: text('h2') }] });
    expect(asOwner.json.lastSeq).toBe(2);
    const wrongHeader = await api(
      'PATCH',
      p,
      t.ownerKey,
      { events: [] },
      { 'x-baton-producer-token': 'btp_' + 'A'.repeat(43) },
    );
    expect(wrongHeader.status).toBe(403);
  });

  it('never lets a viewer token write', async () => {
    const s = await createStream();
    const p = `/api/v1/live/${s.liveId}`;
    const ev = { events: [{ seq: 1, event: text('v1') }] };
    expect((await api('PATCH', p, s.viewerToken, ev)).status).toBe(403);
    expect((await api('PATCH', p, null, ev, { 'x-baton-producer-token': s.viewerToken })).status).toBe(403);
    expect((await api('POST', `${p}/complete`, s.viewerToken, {})).status).toBe(403);
    expect((await api('DELETE', p, s.viewerToken)).status).toBe(403);
    expect((await api('PATCH', `/live/${s.viewerToken}`, null, ev)).status).toBe(404);
    const other = await createStream();
    expect((await api('PATCH', p, other.producerToken, ev)).status).toBe(403);
    const info = await api('GET', p, t.ownerKey);
    expect(info.json.eventCount).toBe(0);
  });

  it('rejects bad bodies, oversize events and batches (413) and bursts (429 with Retry-After)', async () => {
    const s = await createStream();
    const p = `/api/v1/live/${s.liveId}`;
    expect((await api('PATCH', p, s.producerToken, '{nope')).json.error.code).toBe('invalid_request');
    expect((await api('PATCH', p, s.producerToken, { events: [{ seq: 0, event: text('z') }] })).status).toBe(
      400,
    );
    const big = await api('PATCH', p, s.producerToken, {
      events: [{ seq: 1, event: text('big', 'x'.repeat(20_000)) }],
    });
    expect(big.status).toBe(413);
    expect(big.json.error.code).toBe('too_large');
    const huge = await api('PATCH', p, s.producerToken, {
      events: Array.from({ length: 30 }, (_, i) => ({ seq: i + 1, event: text(`h${i}`, 'y'.repeat(9000)) })),
    });
    expect(huge.status).toBe(413);
    const batch = (from: number) => ({
      events: Array.from({ length: 100 }, (_, i) => ({ seq: from + i, event: text(`r${from + i}`) })),
    });
    expect((await api('PATCH', p, s.producerToken, batch(1))).status).toBe(200);
    const limited = await api('PATCH', p, s.producerToken, batch(101));
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

describe('SSE', () => {
  it('replays history to a late joiner, then streams live events with seq ids', async () => {
    const s = await createStream({ title: 'late' });
    const p = `/api/v1/live/${s.liveId}`;
    await api('PATCH', p, s.producerToken, {
      events: [1, 2, 3].map((n) => ({ seq: n, event: text(`l${n}`) })),
    });
    const sse = openSse(`${t.url}/live/${s.viewerToken}/events`);
    expect(await sse.status).toBe(200);
    const hello = await sse.waitFor((m) => m.event === 'hello');
    expect(JSON.parse(hello.data)).toMatchObject({
      liveId: s.liveId,
      title: 'late',
      status: 'active',
      lastSeq: 3,
    });
    await sse.waitFor((m) => m.id === '3');
    await api('PATCH', p, s.producerToken, { events: [{ seq: 4, event: text('l4') }] });
    const fourth = await sse.waitFor((m) => m.id === '4');
    expect(JSON.parse(fourth.data)).toEqual({ seq: 4, turnIndex: null, event: text('l4') });
    expect(sse.messages.filter((m) => m.event === 'event').map((m) => m.id)).toEqual(['1', '2', '3', '4']);
    sse.close();
  });

  it('resumes exactly after Last-Event-ID', async () => {
    const s = await createStream();
    await api('PATCH', `/api/v1/live/${s.liveId}`, s.producerToken, {
      events: [1, 2, 3, 4, 5].map((n) => ({ seq: n, event: text(`r${n}`) })),
    });
    const sse = openSse(`${t.url}/live/${s.viewerToken}/events`, { lastEventId: 3 });
    await sse.waitFor((m) => m.id === '5');
    expect(sse.messages.filter((m) => m.event === 'event').map((m) => m.id)).toEqual(['4', '5']);
    sse.close();
  });

  it('delivers a late gap fill to connected viewers once', async () => {
    const s = await createStream();
    const p = `/api/v1/live/${s.liveId}`;
    const sse = openSse(`${t.url}/live/${s.viewerToken}/events`);
    await sse.waitFor((m) => m.event === 'hello');
    await api('PATCH', p, s.producerToken, {
      events: [
        { seq: 1, event: text('g1') },
        { seq: 3, event: text('g3') },
      ],
    });
    await sse.waitFor((m) => m.id === '3');
    await api('PATCH', p, s.producerToken, {
      events: [
        { seq: 2, event: text('g2') },
        { seq: 3, event: text('g3') },
      ],
    });
    await sse.waitFor((m) => m.id === '2');
    await api('PATCH', p, s.producerToken, { events: [{ seq: 4, event: text('g4') }] });
    await sse.waitFor((m) => m.id === '4');
    expect(sse.messages.filter((m) => m.event === 'event').map((m) => m.id)).toEqual(['1', '3', '2', '4']);
    sse.close();
  });

  it('publishes viewer counts, pause/resume, and completion with a final end event', async () => {
    const s = await createStream();
    const p = `/api/v1/live/${s.liveId}`;
    const a = openSse(`${t.url}/live/${s.viewerToken}/events`);
    const b = openSse(`${t.url}/live/${s.viewerToken}/events`);
    await a.waitFor((m) => m.event === 'viewers' && JSON.parse(m.data).count === 2);
    b.close();
    await a.waitFor((m) => m.event === 'viewers' && JSON.parse(m.data).count === 1);
    await api('POST', `${p}/pause`, s.producerToken);
    await a.waitFor((m) => m.event === 'status' && JSON.parse(m.data).status === 'paused');
    expect((await api('GET', p, s.producerToken)).json.status).toBe('paused');
    await api('POST', `${p}/resume`, s.producerToken, {});
    await a.waitFor((m) => m.event === 'status' && JSON.parse(m.data).status === 'active');
    await api('PATCH', p, s.producerToken, { events: [{ seq: 1, event: text('c1') }] });
    const done = await api('POST', `${p}/complete`, s.producerToken, {});
    expect(done.json.status).toBe('completed');
    const end = await a.waitFor((m) => m.event === 'end');
    expect(JSON.parse(end.data).status).toBe('completed');
    await a.closed;
    expect((await api('PATCH', p, s.producerToken, { events: [{ seq: 2, event: text('c2') }] })).status).toBe(
      410,
    );
    const again = await api('POST', `${p}/complete`, s.producerToken, {});
    expect(again.status).toBe(200);
    expect(again.json.status).toBe('completed');
    // A completed stream stays replayable: history, then end.
    const late = openSse(`${t.url}/live/${s.viewerToken}/events`);
    await late.waitFor((m) => m.event === 'end');
    expect(late.messages.filter((m) => m.event === 'event').map((m) => m.id)).toEqual(['1']);
  });

  it('DELETE revokes at once: open viewers get "ended by owner", new ones a 410', async () => {
    const s = await createStream();
    const v = openSse(`${t.url}/live/${s.viewerToken}/events`);
    await v.waitFor((m) => m.event === 'hello');
    expect((await api('DELETE', `/api/v1/live/${s.liveId}`, s.producerToken)).json.status).toBe('revoked');
    const end = await v.waitFor((m) => m.event === 'end');
    expect(JSON.parse(end.data)).toMatchObject({ status: 'revoked', reason: 'ended by owner' });
    const again = await fetch(`${t.url}/live/${s.viewerToken}/events`);
    expect(again.status).toBe(410);
    expect(((await again.json()) as JsonBody).error.code).toBe('gone');
    expect((await fetch(`${t.url}/live/btv_${'Q'.repeat(43)}/events`)).status).toBe(404);
  });

  it("DELETE ?purge=true (discard on end) also deletes the stream's events; a plain DELETE keeps them", async () => {
    const kept = await createStream();
    const purged = await createStream();
    for (const s of [kept, purged]) {
      const r = await api('PATCH', `/api/v1/live/${s.liveId}`, s.producerToken, {
        events: [{ seq: 1, event: text(`p-${s.liveId}`) }],
      });
      expect(r.json.accepted).toBe(1);
    }
    expect((await api('DELETE', `/api/v1/live/${kept.liveId}`, kept.producerToken)).json.status).toBe(
      'revoked',
    );
    expect(
      (await api('DELETE', `/api/v1/live/${purged.liveId}?purge=true`, purged.producerToken)).json.status,
    ).toBe('revoked');
    expect(await t.live.store.readAfter(kept.liveId, 0, 10)).toHaveLength(1);
    expect(await t.live.store.readAfter(purged.liveId, 0, 10)).toEqual([]);
    expect((await fetch(`${t.url}/live/${purged.viewerToken}/events`)).status).toBe(410);
  });

  it('lets the owner (API key) and the producer read the stream; strangers get 401', async () => {
    const s = await createStream();
    const owner = openSse(`${t.url}/api/v1/live/${s.liveId}/events`, {
      headers: { authorization: `Bearer ${t.ownerKey}` },
    });
    expect(await owner.status).toBe(200);
    owner.close();
    const prod = openSse(`${t.url}/api/v1/live/${s.liveId}/events`, {
      headers: { authorization: `Bearer ${s.producerToken}` },
    });
    expect(await prod.status).toBe(200);
    prod.close();
    expect((await fetch(`${t.url}/api/v1/live/${s.liveId}/events`)).status).toBe(401);
  });
});

describe('expiry', () => {
  it('an expired stream refuses writes with 410 and its viewer link with 410', async () => {
    const s = await createStream({ expiresIn: 60 });
    await t.store.db
      .updateTable('live_streams')
      .set({ expires_at: Date.now() - 1 })
      .where('id', '=', s.liveId)
      .execute();
    const w = await api('PATCH', `/api/v1/live/${s.liveId}`, s.producerToken, {
      events: [{ seq: 1, event: text('x1') }],
    });
    expect(w.status).toBe(410);
    expect(w.json.error.message).toMatch(/expired/);
    expect((await fetch(`${t.url}/live/${s.viewerToken}/events`)).status).toBe(410);
    expect(await t.live.service.sweepExpired()).toBeGreaterThanOrEqual(1);
    expect((await api('GET', `/api/v1/live/${s.liveId}`, t.ownerKey)).json.status).toBe('expired');
  });
});

describe('ingest hook', () => {
  it('forwards session events to open streams of that session, deduplicated by uuid', async () => {
    const s = await createStream({ sessionId: 'sess-ingest-1' });
    const owner = (await t.live.store.getById(s.liveId))!.owner_id;
    expect(
      await t.live.publishSessionEvents('someone-else', 'sess-ingest-1', [{ event: text('foreign') }]),
    ).toBe(0);
    const v = openSse(`${t.url}/live/${s.viewerToken}/events`);
    await v.waitFor((m) => m.event === 'hello');
    expect(await t.live.publishSessionEvents(owner, 'sess-ingest-1', [{ event: text('ing-1') }])).toBe(1);
    expect(await t.live.publishSessionEvents(owner, 'sess-ingest-1', [{ event: text('ing-1') }])).toBe(0);
    expect(await t.live.publishSessionEvents(owner, 'sess-ingest-1', [{ event: text('ing-2') }])).toBe(1);
    await v.waitFor((m) => m.id === '2');
    expect(v.messages.filter((m) => m.event === 'event').map((m) => JSON.parse(m.data).event.uuid)).toEqual([
      'ing-1',
      'ing-2',
    ]);
    v.close();
  });
});

describe('heartbeats', () => {
  it('sends a comment heartbeat at the configured interval', async () => {
    const h = await startLiveHarness({ live: { heartbeatMs: 40 } });
    try {
      const r = await fetch(`${h.url}/api/v1/live`, {
        method: 'POST',
        headers: { authorization: `Bearer ${h.ownerKey}`, 'content-type': 'application/json' },
        body: '{}',
      });
      const s = (await r.json()) as { viewerToken: string };
      const sse = openSse(`${h.url}/live/${s.viewerToken}/events`);
      await sse.waitFor((m) => m.event === 'hello');
      await expect.poll(() => sse.comments, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
      expect(sse.body()).toMatch(/^: heartbeat \d+$/m);
      sse.close();
    } finally {
      await h.close();
    }
  });
});
