// issue #9 (3.2, 3.3): live routes run on the tracker's one auth + per-key rate limit, and live feeds are capped
// per stream and per client address, on a real tracker over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSse, type SseConnection } from '../helpers/sse-client.js';
import { client } from './helpers/harness.js';
import { startLiveHarness, type LiveHarness } from './live-harness.js';
import { ReasonedError } from '../../src/core/api/common.js';

describe('issue-9: key-authenticated live routes share the per-key rate limit', () => {
  let t: LiveHarness;
  beforeAll(async () => {
    t = await startLiveHarness();
  });
  afterAll(async () => t?.close());

  it('a 5/min key creates 5 streams, not 200; its producer tokens are their own credential', async () => {
    const made = await client(t.url, t.ownerKey).post('/api/v1/keys', {
      name: 'five',
      rateLimitPerMinute: 5,
    });
    const limited = client(t.url, made.body.rawKey as string);
    const statuses: number[] = [];
    let first: { liveId: string; producerToken: string } | null = null;
    for (let i = 0; i < 8; i++) {
      const r = await limited.post('/api/v1/live', { title: `s${i}` });
      statuses.push(r.status);
      first ??= r.body;
      if (r.status === 429) {
        expect(r.body.error.code).toBe('rate_limited');
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      }
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    // Per-stream routes presenting the key are counted too (the same window is spent).
    expect((await limited.get(`/api/v1/live/${first!.liveId}`)).status).toBe(429);
    // The producer token is not an API key: the stream's own event bucket limits it, not the key's window.
    const producer = client(t.url, first!.producerToken);
    const append = await producer.patch(`/api/v1/live/${first!.liveId}`, {
      events: [{ seq: 1, event: { kind: 'text', uuid: 'u1', text: 'hi' } }],
    });
    expect(append.status).toBe(200);
    // Same error body and handler as every route: a revoked key is the shared 401.
    await client(t.url, t.ownerKey).del(`/api/v1/keys/${made.body.key.id}`);
    const revoked = await limited.get('/api/v1/live');
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('auth');
    expect(revoked.headers.get('www-authenticate')).toBe('Bearer');
  });
});

describe('issue-9: live viewers are capped per stream and per client address', () => {
  let t: LiveHarness;
  const open: SseConnection[] = [];
  beforeAll(async () => {
    t = await startLiveHarness({
      config: { trustProxy: true, live: { maxViewersPerStream: 3, maxConnectionsPerAddress: 4 } },
    });
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await t?.close();
  });
  const owner = () => client(t.url, t.ownerKey);
  const stream = async () =>
    (await owner().post('/api/v1/live', {})).body as { viewerToken: string; liveId: string };
  const view = (token: string, from: string) => {
    const s = openSse(`${t.url}/live/${token}/events`, { headers: { 'x-forwarded-for': from } });
    open.push(s);
    return s;
  };

  it('answers 503 stream_full past the per-stream cap, and admits again once a viewer leaves', async () => {
    const s = await stream();
    const viewers = ['10.0.0.1', '10.0.0.2', '10.0.0.3'].map((ip) => view(s.viewerToken, ip));
    for (const v of viewers) expect(await v.status).toBe(200);
    const refused = view(s.viewerToken, '10.0.0.4');
    expect(await refused.status).toBe(503);
    await refused.closed;
    const body = JSON.parse(refused.body()) as { error: { code: string; details: { limit: number } } };
    expect(body.error.code).toBe('stream_full');
    expect(body.error.details.limit).toBe(3);
    // The stable reason and its typed details (issue #11): what a client branches on.
    expect(ReasonedError.parse(body.error)).toEqual({
      reason: 'stream_full',
      details: { limit: 3, retryAfterSeconds: 30 },
    });
    viewers[0]!.close();
    // The server notices the closed socket asynchronously: the seat frees up within moments.
    let again = 0;
    for (let i = 0; i < 50 && again !== 200; i++) {
      const v = view(s.viewerToken, '10.0.0.5');
      again = await v.status;
      if (again !== 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(again).toBe(200);
  });

  it('answers 429 too_many_connections with Retry-After past the per-address cap, across streams', async () => {
    const streams = [await stream(), await stream()];
    const ok = [0, 1, 2, 3].map((i) => view(streams[i % 2]!.viewerToken, '192.0.2.7'));
    for (const v of ok) expect(await v.status).toBe(200);
    const res = await fetch(`${t.url}/live/${streams[0]!.viewerToken}/events`, {
      headers: { 'x-forwarded-for': '192.0.2.7' },
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('30');
    const refused = (await res.json()) as { error: { code: string } };
    expect(refused.error.code).toBe('too_many_connections');
    expect(ReasonedError.parse(refused.error).reason).toBe('too_many_connections');
    // Only the trusted proxy's last entry counts: a client-written first entry does not dodge the cap.
    const spoof = await fetch(`${t.url}/live/${streams[1]!.viewerToken}/events`, {
      headers: { 'x-forwarded-for': '203.0.113.9, 192.0.2.7' },
    });
    expect(spoof.status).toBe(429);
    await spoof.body?.cancel();
    // Another address is unaffected, and the owner's API calls keep working.
    expect(await view(streams[1]!.viewerToken, '192.0.2.8').status).toBe(200);
    expect((await owner().get('/api/v1/live')).status).toBe(200);
  });
});

describe('issue-9: without a trusted proxy the socket address counts, not X-Forwarded-For', () => {
  let t: LiveHarness;
  const open: SseConnection[] = [];
  beforeAll(async () => {
    t = await startLiveHarness({
      config: { live: { maxViewersPerStream: 50, maxConnectionsPerAddress: 2 } },
    });
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await t?.close();
  });

  it('ignores a forged X-Forwarded-For', async () => {
    const s = (await client(t.url, t.ownerKey).post('/api/v1/live', {})).body as { viewerToken: string };
    for (const ip of ['10.1.0.1', '10.1.0.2']) {
      const v = openSse(`${t.url}/live/${s.viewerToken}/events`, { headers: { 'x-forwarded-for': ip } });
      open.push(v);
      expect(await v.status).toBe(200);
    }
    const res = await fetch(`${t.url}/live/${s.viewerToken}/events`, {
      headers: { 'x-forwarded-for': '10.1.0.3' },
    });
    expect(res.status).toBe(429);
    await res.body?.cancel();
  });
});
