// The Agent SDK SessionStore adapter (src/session-store) against a real tracker on SQLite and PostgreSQL, no SDK:
// what it stores is what it loads, appends are idempotent, a tracker outage queues instead of failing, no secret leaves.
import { createServer, connect as netConnect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrackerClient } from '../../src/client/index.js';
import { BatonError } from '../../src/core/errors.js';
import { createTrackerSessionStore } from '../../src/session-store/index.js';
import type {
  SessionStoreEntry,
  TrackerSessionStore,
  TrackerSessionStoreError,
} from '../../src/session-store/types.js';
import { fake } from '../helpers/fake-secrets.js';
import {
  client as rawClient,
  forEachEngine,
  startTracker,
  type TestTracker,
} from '../tracker/helpers/harness.js';

const PK = '-work-app';
let n = 0;
const sid = () => `5e55104e-0000-4000-8000-${String(++n).padStart(12, '0')}`;

/** Lines shaped like Claude Code's (user, assistant, a uuid-less title), chained by parentUuid. */
function lines(session: string, count: number, from = 0): SessionStoreEntry[] {
  const out: SessionStoreEntry[] = [];
  for (let i = from; i < from + count; i++) {
    const uuid = `${session.slice(0, 8)}-1111-4111-8111-${String(i).padStart(12, '0')}`;
    out.push({
      type: i % 2 === 0 ? 'user' : 'assistant',
      uuid,
      parentUuid: i === 0 ? null : `${session.slice(0, 8)}-1111-4111-8111-${String(i - 1).padStart(12, '0')}`,
      sessionId: session,
      timestamp: new Date(Date.UTC(2026, 11, 6, 10, 0, i)).toISOString(),
      message: { role: i % 2 === 0 ? 'user' : 'assistant', content: [{ type: 'text', text: `line ${i}` }] },
      nested: { keys: { z: 1, a: [1, 'two', null, { deep: true }] } },
    });
  }
  return out;
}

async function rejection(p: Promise<unknown>): Promise<BatonError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BatonError);
  return err as BatonError;
}

/** A TCP proxy in front of the tracker that can go down (connections refused) and come back on the same port. */
async function startProxy(target: string) {
  const { hostname, port: targetPort } = new URL(target);
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((inbound) => {
        const outbound = netConnect(Number(targetPort), hostname);
        for (const s of [inbound, outbound]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {});
        }
        inbound.pipe(outbound).pipe(inbound);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    async down() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server!.close(() => r()));
    },
    up: listen,
  };
}

forEachEngine('SessionStore on the tracker', (engine) => {
  let tracker: TestTracker;
  let store: TrackerSessionStore;
  const dropped: Array<{ err: TrackerSessionStoreError; key: unknown }> = [];

  beforeAll(async () => {
    tracker = await startTracker(engine);
    store = createTrackerSessionStore({
      url: tracker.url,
      key: tracker.ownerKey,
      onError: (err, key) => dropped.push({ err, key }),
    });
  });
  afterAll(async () => {
    await store?.close();
    await tracker?.close();
  });

  it('loads what it appended, deep-equal, main file and subagent file apart; lists subkeys without the main one', async () => {
    const id = sid();
    const main = lines(id, 7);
    const title: SessionStoreEntry = { type: 'custom-title', customTitle: 'Resume me', sessionId: id };
    const sub = lines(id, 3, 100).map((l) => ({ ...l, isSidechain: true, agentId: 'a1b2' }));
    // In call order, as the SDK mirrors: several batches per file, interleaved between files.
    await store.append({ projectKey: PK, sessionId: id }, main.slice(0, 3));
    await store.append({ projectKey: PK, sessionId: id, subpath: 'subagents/agent-a1b2' }, sub);
    await store.append({ projectKey: PK, sessionId: id }, [...main.slice(3), title]);

    expect(await store.load({ projectKey: PK, sessionId: id })).toEqual([...main, title]);
    expect(await store.load({ projectKey: PK, sessionId: id, subpath: 'subagents/agent-a1b2' })).toEqual(sub);
    expect(await store.listSubkeys({ projectKey: PK, sessionId: id })).toEqual(['subagents/agent-a1b2']);
    expect(store.pending()).toBe(0);
  });

  it('returns null for a session never written and for a file the session does not have', async () => {
    expect(await store.load({ projectKey: PK, sessionId: sid() })).toBeNull();
    const id = sid();
    await store.append({ projectKey: PK, sessionId: id }, lines(id, 1));
    expect(await store.load({ projectKey: PK, sessionId: id, subpath: 'subagents/agent-none' })).toBeNull();
    expect(await store.listSubkeys({ projectKey: PK, sessionId: sid() })).toEqual([]);
  });

  it('appending the same lines again is a no-op (uuid is the idempotency key); uuid-less lines repeat', async () => {
    const id = sid();
    const batch = lines(id, 4);
    const mode: SessionStoreEntry = { type: 'mode', mode: 'plan', sessionId: id };
    await store.append({ projectKey: PK, sessionId: id }, [...batch, mode]);
    await store.append({ projectKey: PK, sessionId: id }, [...batch, mode]);
    await store.append({ projectKey: PK, sessionId: id }, batch.slice(1, 3));
    expect(await store.load({ projectKey: PK, sessionId: id })).toEqual([...batch, mode, mode]);
  });

  it('lists the sessions of a projectKey (and only those) with their tracker mtime', async () => {
    const pk = `-srv-tenant-${engine}`;
    const a = sid();
    const b = sid();
    const before = Date.now() - 1000;
    await store.append({ projectKey: pk, sessionId: a }, lines(a, 2));
    await store.append({ projectKey: pk, sessionId: b }, lines(b, 2));
    await store.append({ projectKey: `${pk}-other`, sessionId: sid() }, lines(sid(), 1));
    const listed = await store.listSessions(pk);
    expect(listed.map((s) => s.sessionId).sort()).toEqual([a, b].sort());
    for (const s of listed) {
      expect(Number.isInteger(s.mtime)).toBe(true);
      expect(s.mtime).toBeGreaterThan(before);
    }
  });

  it('no secret and no <private> span leaves: the tracker holds the redacted line, load returns it', async () => {
    const id = sid();
    const token = fake('ghp_', 36, 3);
    const [line] = lines(id, 1);
    line!.message = {
      role: 'user',
      content: `deploy with ${token} <private>my home address</private> please`,
    };
    await store.append({ projectKey: PK, sessionId: id }, [line!]);
    const raw = await rawClient(tracker.url, tracker.ownerKey).get(`/api/v1/sessions/${id}/entries`);
    expect(raw.status).toBe(200);
    expect(raw.text).not.toContain(token);
    expect(raw.text).not.toContain('home address');
    const [loaded] = (await store.load({ projectKey: PK, sessionId: id }))!;
    expect(JSON.stringify(loaded)).toContain('deploy with');
    expect(JSON.stringify(loaded)).not.toContain(token);
    expect(loaded!.uuid).toBe(line!.uuid);
  });

  it('tracker down: append still resolves, the lines wait in order, flush delivers them when it is back', async () => {
    const proxy = await startProxy(tracker.url);
    const viaProxy = createTrackerSessionStore({ url: proxy.url, key: tracker.ownerKey });
    try {
      const id = sid();
      const all = lines(id, 9);
      await viaProxy.append({ projectKey: PK, sessionId: id }, all.slice(0, 3));
      await proxy.down();
      await viaProxy.append({ projectKey: PK, sessionId: id }, all.slice(3, 6));
      await viaProxy.append({ projectKey: PK, sessionId: id }, all.slice(6));
      expect(viaProxy.pending()).toBe(6);
      // Down for good: flush says so in time, and keeps the lines.
      const late = await rejection(viaProxy.flush({ timeoutMs: 300 }));
      expect(late.code).toBe('timeout');
      expect(viaProxy.pending()).toBe(6);
      await proxy.up();
      await viaProxy.flush();
      expect(viaProxy.pending()).toBe(0);
      expect(await store.load({ projectKey: PK, sessionId: id })).toEqual(all);
    } finally {
      await viaProxy.close();
      await proxy.down().catch(() => {});
    }
  });

  it('the queue is bounded: past maxPendingEntries an append rejects with the outage as its code', async () => {
    const proxy = await startProxy(tracker.url);
    const small = createTrackerSessionStore({ url: proxy.url, key: tracker.ownerKey, maxPendingEntries: 4 });
    try {
      const id = sid();
      const all = lines(id, 6);
      await proxy.down();
      await small.append({ projectKey: PK, sessionId: id }, all.slice(0, 3));
      const full = await rejection(small.append({ projectKey: PK, sessionId: id }, all.slice(3, 5)));
      expect(full.code).toBe('network');
      expect(small.pending()).toBe(3);
      await proxy.up();
      await small.flush();
      expect(await store.load({ projectKey: PK, sessionId: id })).toEqual(all.slice(0, 3));
    } finally {
      await small.close();
      await proxy.down().catch(() => {});
    }
  });

  it('a permanent refusal rejects append with a typed error (bad key: auth) and is not queued', async () => {
    const bad = createTrackerSessionStore({ url: tracker.url, key: 'bt_not_a_key' });
    try {
      const id = sid();
      const err = await rejection(bad.append({ projectKey: PK, sessionId: id }, lines(id, 2)));
      expect(err.code).toBe('auth');
      expect(bad.pending()).toBe(0);
    } finally {
      await bad.close();
    }
  });

  it('a session resumed under another projectKey still stores its new lines, and stays listed where it began', async () => {
    const id = sid();
    const all = lines(id, 4);
    await store.append({ projectKey: PK, sessionId: id }, all.slice(0, 2));
    await store.append({ projectKey: '-elsewhere', sessionId: id }, all.slice(2));
    expect(await store.load({ projectKey: '-elsewhere', sessionId: id })).toEqual(all);
    expect((await store.listSessions(PK)).map((s) => s.sessionId)).toContain(id);
    expect(dropped).toEqual([]);
  });

  it('delete removes the whole session; a subpath alone is refused; keys the SDK calls invalid are refused', async () => {
    const id = sid();
    await store.append({ projectKey: PK, sessionId: id }, lines(id, 2));
    await store.append({ projectKey: PK, sessionId: id, subpath: 'subagents/agent-x' }, lines(id, 1, 50));
    expect(
      (await rejection(store.delete({ projectKey: PK, sessionId: id, subpath: 'subagents/agent-x' }))).code,
    ).toBe('invalid_input');
    await store.delete({ projectKey: PK, sessionId: id });
    expect(await store.load({ projectKey: PK, sessionId: id })).toBeNull();
    expect(await store.listSubkeys({ projectKey: PK, sessionId: id })).toEqual([]);
    await store.delete({ projectKey: PK, sessionId: id }); // deleting twice is fine
    // Deleted for good, not trashed: the same key written again reads back (a trashed session would hide it).
    const again = lines(id, 1, 90);
    await store.append({ projectKey: PK, sessionId: id }, again);
    expect(await store.load({ projectKey: PK, sessionId: id })).toEqual(again);
    await store.delete({ projectKey: PK, sessionId: id });
    for (const subpath of ['', '../escape', '/abs']) {
      const err = await rejection(store.append({ projectKey: PK, sessionId: id, subpath }, lines(id, 1)));
      expect(err.code).toBe('invalid_input');
    }
  });
});

describe('SessionStore configuration', () => {
  it('reads the tracker from Baton config when url/key are omitted, and says what to set when there is none', async () => {
    const saved = {
      url: process.env.BATON_URL,
      key: process.env.BATON_API_KEY,
      cfg: process.env.BATON_CONFIG,
    };
    process.env.BATON_CONFIG = '/nonexistent/baton-config.json';
    delete process.env.BATON_URL;
    delete process.env.BATON_API_KEY;
    try {
      expect(() => createTrackerSessionStore()).toThrow(expect.objectContaining({ code: 'config' }));
    } finally {
      for (const [k, v] of [
        ['BATON_URL', saved.url],
        ['BATON_API_KEY', saved.key],
        ['BATON_CONFIG', saved.cfg],
      ] as const)
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  });

  it('the tracker client satisfies the port the store calls (a caller may pass one)', async () => {
    const c = createTrackerClient({ baseUrl: 'http://127.0.0.1:9' });
    const store = createTrackerSessionStore({ client: c });
    expect(store.pending()).toBe(0);
    await store.close();
    await c.close();
  });
});
