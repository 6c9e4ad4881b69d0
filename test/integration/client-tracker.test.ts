// The tracker client against a real tracker (port 0, temp SQLite, live module mounted): every endpoint group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { BatonError } from '../../src/core/errors.js';
import { makeSession } from '../tracker/helpers/sessions.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { gated } from '../helpers/gated.js';

let tracker: WebTracker;
let client: TrackerClient;

beforeAll(async () => {
  tracker = await startWebTracker();
  client = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
});
afterAll(async () => {
  await client?.close();
  await tracker?.close();
});

async function rejection(p: Promise<unknown>): Promise<BatonError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BatonError);
  return err as BatonError;
}

describe('tracker client against a real tracker', () => {
  it('checks health, readiness, version and the key', async () => {
    expect(await client.health.health()).toEqual({ status: 'ok' });
    expect((await client.health.ready()).status).toBe('ready');
    expect(await client.health.version()).toMatch(/\S/);
    expect((await client.account.me()).user.role).toBe('owner');
  });

  it('pushes a session into a new post, lists, searches, reads and exports it', async () => {
    const session = makeSession({ id: 'client-s1', turns: 3, promptWords: 'zebra quantum' });
    const pushed = await client.sessions.push(
      gated({ session, createPost: true, title: 'Client push', visibility: 'unlisted' }),
    );
    expect(pushed.sessionId).toBe('client-s1');
    expect(pushed.postUrl).toMatch(/^http/);
    expect(pushed.eventCount).toBe(12);
    // Pushing again never duplicates.
    const again = await client.sessions.push(gated({ session }));
    expect(again.eventsInserted).toBe(0);
    expect(again.eventCount).toBe(12);

    const found = await client.sessions.list({ search: 'zebra' });
    expect(found.sessions.map((s) => s.id)).toEqual(['client-s1']);
    const detail = await client.sessions.get('client-s1', { limit: 5 });
    expect(detail.events).toHaveLength(5);
    expect(detail.eventsPage.nextOffset).toBe(5);
    const md = await client.sessions.export('client-s1', 'md');
    expect(md).toContain('zebra quantum');
    const patched = await client.sessions.patch('client-s1', gated({ tags: ['x'] }));
    expect(patched.session.tags).toEqual(['x']);
  });

  it('appends events idempotently by uuid and moves the project pointer', async () => {
    const s = makeSession({ id: 'client-s2', turns: 2, cwd: '/home/dev/client-proj' });
    const events = s.turns.flatMap((t) =>
      t.events.map((event, i) => ({ seq: t.index * 4 + i, turnIndex: t.index, event })),
    );
    const first = await client.sessions.appendEvents(
      'client-s2',
      gated({ events: events.slice(0, 5), meta: s.meta, source: 'cli-stream' }),
    );
    expect(first.inserted).toBe(5);
    const second = await client.sessions.appendEvents(
      'client-s2',
      gated({ events, meta: s.meta, totals: s.totals }),
    );
    expect(second).toMatchObject({ inserted: 3, duplicates: 5, eventCount: 8 });
    const resume = await client.projects.resume('client-proj');
    expect(resume.sessionId).toBe('client-s2');
    expect(resume.resumeCommand).toBe('claude --resume client-s2');
    expect((await client.projects.list()).projects.some((p) => p.slug === 'client-proj')).toBe(true);
  });

  it('uploads sessions in bulk', async () => {
    const res = await client.sessions.upload(
      gated({ sessions: [makeSession({ id: 'client-u1' }), makeSession({ id: 'client-u2' })] }),
    );
    expect(res.sessions.map((s) => s.sessionId)).toEqual(['client-u1', 'client-u2']);
  });

  it('creates, lists and reads handoffs', async () => {
    const created = await client.handoffs.create(
      gated({ sessionId: 'client-s2', markdown: '# Handoff\n\nNext: finish the tests.', title: 'H1' }),
    );
    expect(created.url).toMatch(/^http/);
    expect((await client.handoffs.list()).handoffs.map((h) => h.id)).toContain(created.id);
    expect((await client.handoffs.get(created.id)).handoff.body).toContain('finish the tests');
  });

  it('drives a live stream: create, append (dedup), pause, resume, complete into a post', async () => {
    const live = await client.live.create(gated({ sessionId: 'client-live', title: 'Live one' }));
    const w = { producerToken: live.producerToken };
    const ev = (n: number) => ({
      seq: n,
      turnIndex: 0,
      event: { kind: 'text' as const, uuid: `lv-${n}`, text: `hello ${n}` },
    });
    expect(await client.live.append(live.liveId, gated({ events: [ev(1), ev(2)] }), w)).toMatchObject({
      accepted: 2,
      duplicates: 0,
      lastSeq: 2,
    });
    expect(await client.live.append(live.liveId, gated({ events: [ev(2), ev(3)] }), w)).toMatchObject({
      accepted: 1,
      duplicates: 1,
      lastSeq: 3,
    });
    expect((await client.live.pause(live.liveId, w)).status).toBe('paused');
    expect((await client.live.resume(live.liveId, w)).status).toBe('active');
    // A producer token alone (no API key) is enough to write.
    const producerOnly = createTrackerClient({ baseUrl: tracker.url });
    expect((await producerOnly.live.append(live.liveId, gated({ events: [ev(4)] }), w)).lastSeq).toBe(4);
    await producerOnly.close();
    const done = await client.live.complete(live.liveId, gated({ createPost: true }), w);
    expect(done.status).toBe('completed');
    expect(done.postUrl).toMatch(/^http/);
    expect((await client.live.list()).streams.some((s) => s.liveId === live.liveId)).toBe(true);
  });

  it('maps 4xx to typed errors without retrying them', async () => {
    const retries: number[] = [];
    const c = createTrackerClient({
      baseUrl: tracker.url,
      apiKey: tracker.ownerKey,
      onRetry: (i) => retries.push(i.attempt),
    });
    const missing = await rejection(c.sessions.get('no-such-session'));
    expect(missing.code).toBe('not_found');
    expect((missing.details as { status: number }).status).toBe(404);
    const bad = await rejection(c.sessions.list({ limit: 1000 }));
    expect(bad.code).toBe('invalid_request');
    expect(bad.message).toMatch(/refusing to send/);
    expect(retries).toEqual([]);
    await c.close();
  });

  it('says "API key revoked" with the settings URL once a key is revoked', async () => {
    const made = await client.account.keys.create({ name: 'to revoke' });
    const c = createTrackerClient({ baseUrl: tracker.url, apiKey: made.rawKey });
    expect((await c.account.me()).key.id).toBe(made.key.id);
    await client.account.keys.revoke(made.key.id);
    const err = await rejection(c.account.me());
    expect(err.code).toBe('auth');
    expect(err.message).toBe(
      `API key revoked — create a new one at ${tracker.url}/settings, then run \`baton login\``,
    );
    const none = await rejection(
      createTrackerClient({ baseUrl: tracker.url, apiKey: 'bt_nope' }).account.me(),
    );
    expect(none.code).toBe('auth');
    await c.close();
  });
});
