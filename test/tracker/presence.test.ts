// Presence: one entry per signed-in user, a count of the rest, summed across instances, dead instances expire; and
// the SSE routes that carry it (live feed, session and share pages) with their access rules.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createMemoryNotifier,
  decodeSignal,
  type LiveNotifier,
  type LiveSignal,
} from '../../tracker/live/notifier.js';
import { createLivePresence, watcherOf, type PresenceSnapshot } from '../../tracker/live/presence.js';
import { openSse } from '../helpers/sse-client.js';
import { makeSession, pushSession } from '../browser/fixtures.js';
import { startLiveHarness, type LiveHarness } from './live-harness.js';

/** A bus instance B can be cut off from, as a killed process would be (no goodbye, no heartbeats). */
function cuttable(bus: LiveNotifier): LiveNotifier & { cut(): void } {
  let dead = false;
  return {
    publish: (s: LiveSignal) => (dead ? Promise.resolve() : bus.publish(s)),
    listen: (fn) => bus.listen((s) => dead || fn(s)),
    close: async () => undefined,
    cut: () => {
      dead = true;
    },
  };
}

describe('presence registry', () => {
  afterEach(() => vi.useRealTimers());

  it('names each signed-in user once, counts anonymous viewers, sums two instances, and drops a dead one', async () => {
    vi.useFakeTimers();
    const bus = createMemoryNotifier();
    const nb = cuttable(bus);
    const a = createLivePresence({ instanceId: 'A', notifier: bus, heartbeatMs: 1000, now: Date.now });
    const b = createLivePresence({ instanceId: 'B', notifier: nb, heartbeatMs: 1000, now: Date.now });
    await a.start();
    await b.start();
    const seen: PresenceSnapshot[] = [];
    const alice = watcherOf({ userId: 'usr_a', name: 'Alice' });
    const bob = watcherOf({ userId: 'usr_b', name: 'Bob' });
    a.join('s:1', { who: alice, onPresence: (p) => seen.push(p) });
    const onB: PresenceSnapshot[] = [];
    b.join('s:1', { who: bob, onPresence: (p) => onB.push(p) });
    b.join('s:1', { who: bob, onPresence: () => undefined }); // a second tab
    b.join('s:1', { who: null, onPresence: () => undefined });
    await vi.advanceTimersByTimeAsync(500);
    expect(seen.at(-1)).toEqual({ users: [alice, bob], anonymous: 1 });
    expect(onB.at(-1)).toEqual({ users: [alice, bob], anonymous: 1 });
    expect(JSON.stringify(seen.at(-1))).not.toContain('usr_');

    nb.cut();
    await vi.advanceTimersByTimeAsync(2500);
    expect(seen.at(-1)).toEqual({ users: [alice, bob], anonymous: 1 }); // within 3 heartbeats: kept
    await vi.advanceTimersByTimeAsync(2000);
    expect(seen.at(-1)).toEqual({ users: [alice], anonymous: 0 });
    await a.close();
  });

  it('a clean shutdown withdraws at once, and a late starter learns the others without waiting a heartbeat', async () => {
    vi.useFakeTimers();
    const bus = createMemoryNotifier();
    const a = createLivePresence({ instanceId: 'A', notifier: bus, heartbeatMs: 60_000 });
    await a.start();
    a.join('s:2', { who: null, onPresence: () => undefined });
    await vi.advanceTimersByTimeAsync(300);
    const b = createLivePresence({ instanceId: 'B', notifier: bus, heartbeatMs: 60_000 });
    await b.start();
    const seen: PresenceSnapshot[] = [];
    b.join('s:2', { who: null, onPresence: (p) => seen.push(p) });
    await vi.advanceTimersByTimeAsync(300);
    expect(seen.at(-1)).toEqual({ users: [], anonymous: 2 });
    await a.close();
    await vi.advanceTimersByTimeAsync(300);
    expect(seen.at(-1)).toEqual({ users: [], anonymous: 1 });
  });

  it('refuses malformed presence signals from the wire', () => {
    const ok = {
      type: 'presence',
      instance: 'x',
      room: 's:1',
      users: [{ id: 'k', name: 'n' }],
      anonymous: 0,
    };
    expect(decodeSignal(JSON.stringify(ok))).toEqual(ok);
    expect(decodeSignal(JSON.stringify({ ...ok, anonymous: -1 }))).toBeNull();
    expect(decodeSignal(JSON.stringify({ ...ok, users: [{ id: 1, name: 'n' }] }))).toBeNull();
    expect(decodeSignal(JSON.stringify({ ...ok, users: 'x' }))).toBeNull();
  });
});

describe('presence feeds over HTTP', () => {
  let h: LiveHarness;
  beforeAll(async () => {
    h = await startLiveHarness();
  });
  afterAll(async () => h?.close());
  const key = () => ({ authorization: `Bearer ${h.ownerKey}` });
  const last = (c: ReturnType<typeof openSse>) =>
    JSON.parse(c.messages.filter((m) => m.event === 'presence').at(-1)?.data ?? 'null') as PresenceSnapshot;

  it("a live stream of a session and that session's share page share one room; leaving is seen", async () => {
    const pushed = await pushSession(h.url, h.ownerKey, makeSession(), { visibility: 'unlisted' });
    const r = await fetch(`${h.url}/api/v1/live`, {
      method: 'POST',
      headers: { ...key(), 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId: pushed.sessionId }),
    });
    const s = (await r.json()) as { liveId: string; viewUrl: string };
    const ownerFeed = openSse(`${h.url}/api/v1/live/${s.liveId}/events`, { headers: key() });
    const share = openSse(`${pushed.url}/presence`);
    expect(await share.status).toBe(200);
    const both = (p: PresenceSnapshot | null) =>
      p?.anonymous === 1 && p.users.map((u) => u.name).join() === 'owner';
    await ownerFeed.waitFor((m) => m.event === 'presence' && both(JSON.parse(m.data)), 5000);
    await share.waitFor((m) => m.event === 'presence' && both(JSON.parse(m.data)), 5000);
    share.close();
    await ownerFeed.waitFor((m) => m.event === 'presence' && JSON.parse(m.data).anonymous === 0, 5000);
    expect(last(ownerFeed).users.map((u) => u.name)).toEqual(['owner']);
    ownerFeed.close();
  });

  it('the owner feed needs the owner; a private session has no share feed', async () => {
    const mine = await pushSession(h.url, h.ownerKey, makeSession(), { visibility: 'private' });
    const anon = await fetch(`${h.url}/sessions/${mine.sessionId}/presence`, { redirect: 'manual' });
    expect(anon.status).toBe(303);
    const row = await h.store.db
      .selectFrom('sessions')
      .select('share_slug')
      .where('id', '=', mine.sessionId)
      .executeTakeFirstOrThrow();
    // The slug of a private session opens nothing, as its page does not.
    expect((await fetch(`${h.url}/share/${row.share_slug}/presence`)).status).toBe(404);
    expect((await fetch(`${h.url}/share/not-a-real-slug-123/presence`)).status).toBe(404);
  });
});

describe('presence feeds keep the live connection caps', () => {
  let h: LiveHarness;
  beforeAll(async () => {
    h = await startLiveHarness({ config: { live: { maxViewersPerStream: 1, maxConnectionsPerAddress: 5 } } });
  });
  afterAll(async () => h?.close());

  it('a session room past its cap answers 503 stream_full, and admits again once a watcher leaves', async () => {
    const pushed = await pushSession(h.url, h.ownerKey, makeSession(), { visibility: 'unlisted' });
    const first = openSse(`${pushed.url}/presence`);
    expect(await first.status).toBe(200);
    const full = await fetch(`${pushed.url}/presence`);
    expect(full.status).toBe(503);
    first.close();
    const status = async () => {
      const r = await fetch(`${pushed.url}/presence`);
      await r.body?.cancel();
      return r.status;
    };
    await expect.poll(status, { timeout: 5000 }).toBe(200);
  });
});
