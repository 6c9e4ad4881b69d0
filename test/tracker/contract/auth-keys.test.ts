// Contract: health, bearer auth, key management, expiry/revocation, last-used tracking and per-key rate limits.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiKeyInfo, CreateKeyResponse, ListKeysResponse, MeResponse } from '../../../src/core/api/index.js';
import { createApp } from '../../../tracker/app.js';
import { openStore } from '../../../tracker/db/store.js';
import { silentLogger } from '../../../tracker/log.js';
import { generateRawKey, keyPrefix } from '../../../tracker/services/keys.js';
import { sha256Hex } from '../../../tracker/services/ids.js';
import { client, forEachEngine, startTracker, type Client, type TestTracker } from '../helpers/harness.js';

forEachEngine('auth and keys contract', (engine) => {
  let t: TestTracker;
  let owner: Client;
  beforeAll(async () => {
    t = await startTracker(engine);
    owner = client(t.url, t.ownerKey);
  });
  afterAll(async () => t?.close());

  it('answers liveness and readiness without a key', async () => {
    const anon = client(t.url);
    expect((await anon.get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await anon.get('/readyz')).body).toEqual({ status: 'ready', engine });
  });

  it('refuses every /api/v1 route without a valid bearer key, with a JSON 401', async () => {
    for (const [headers, why] of [
      [{}, 'missing'],
      [{ authorization: 'Bearer nope' }, 'malformed'],
      [{ authorization: `Bearer ${generateRawKey()}` }, 'unknown'],
      [{ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }, 'wrong scheme'],
      [{ authorization: `Bearer ${t.ownerKey}x` }, 'altered'],
    ] as const) {
      const r = await client(t.url).get('/api/v1/sessions', headers);
      expect(r.status, why).toBe(401);
      expect(r.body.error.code, why).toBe('auth');
      expect(r.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('creates, lists and revokes keys; the raw key is returned exactly once', async () => {
    const created = await owner.post('/api/v1/keys', {
      name: 'laptop',
      expiresIn: '30d',
      rateLimitPerMinute: 120,
    });
    expect(created.status).toBe(201);
    const body = CreateKeyResponse.parse(created.body);
    expect(body.rawKey).toMatch(/^bt_[A-Za-z0-9_-]{43}$/);
    expect(body.key.prefix).toBe(body.rawKey.slice(3, 11));
    expect(body.key.rateLimitPerMinute).toBe(120);
    expect(Date.parse(body.key.expiresAt!) - Date.now()).toBeGreaterThan(29 * 86_400_000);

    const listed = ListKeysResponse.parse((await owner.get('/api/v1/keys')).body);
    const mine = listed.keys.find((k) => k.id === body.key.id)!;
    expect(mine).toBeDefined();
    expect(JSON.stringify(listed)).not.toContain(body.rawKey);
    const stored = await t.store.keys.findById(body.key.id);
    expect(stored!.hash).toBe(sha256Hex(body.rawKey));
    expect(JSON.stringify(stored)).not.toContain(body.rawKey);

    const laptop = client(t.url, body.rawKey);
    expect((await laptop.get('/api/v1/me')).status).toBe(200);
    const revoked = await owner.del(`/api/v1/keys/${body.key.id}`);
    expect(revoked.status).toBe(200);
    expect(ApiKeyInfo.parse(revoked.body.key).revokedAt).not.toBeNull();
    const after = await laptop.get('/api/v1/me');
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(/revoked/);
    expect((await owner.del('/api/v1/keys/key_doesnotexist')).status).toBe(404);
  });

  // issue #9 (3.1): a 2-second or 5/min key could mint a permanent, unlimited key that outlived it.
  it('issue-9: a key cannot create a key stronger than itself, and its children die with it', async () => {
    const parent = CreateKeyResponse.parse(
      (await owner.post('/api/v1/keys', { name: 'parent', expiresIn: '1h', rateLimitPerMinute: 50 })).body,
    );
    const p = client(t.url, parent.rawKey);
    for (const [asked, field] of [
      [{ rateLimitPerMinute: 0 }, 'rateLimitPerMinute'],
      [{ rateLimitPerMinute: 51 }, 'rateLimitPerMinute'],
      [{ expiresIn: '2h' }, 'expiresAt'],
      [{ expiresAt: new Date(Date.now() + 86_400_000).toISOString(), rateLimitPerMinute: 10 }, 'expiresAt'],
    ] as const) {
      const r = await p.post('/api/v1/keys', { name: 'child', ...asked });
      expect(r.status, JSON.stringify(asked)).toBe(403);
      expect(r.body.error.code).toBe('key_escalation');
      expect(Object.keys(r.body.error.details)).toContain(field);
    }
    // Omitted limits are inherited, not the tracker default (which is looser than this parent's expiry).
    const inherited = CreateKeyResponse.parse((await p.post('/api/v1/keys', { name: 'child' })).body);
    expect(inherited.key.expiresAt).toBe(parent.key.expiresAt);
    expect(inherited.key.rateLimitPerMinute).toBe(50);
    const tighter = await p.post('/api/v1/keys', { name: 'tight', expiresIn: '30m', rateLimitPerMinute: 3 });
    expect(tighter.status).toBe(201);
    // A grandchild is bounded by its own parent (the tighter child).
    const grand = await client(t.url, tighter.body.rawKey).post('/api/v1/keys', {
      name: 'grand',
      rateLimitPerMinute: 4,
    });
    expect(grand.body.error.code).toBe('key_escalation');
    const grandOk = CreateKeyResponse.parse(
      (await client(t.url, tighter.body.rawKey).post('/api/v1/keys', { name: 'grand' })).body,
    );

    // An unlimited, non-expiring key (the owner's) still makes what it asks for; omitted means inherited.
    const free = CreateKeyResponse.parse((await owner.post('/api/v1/keys', { name: 'free' })).body);
    expect(free.key.expiresAt).toBeNull();
    expect(free.key.rateLimitPerMinute).toBe(0);

    // Revoking the parent revokes every key it made, transitively.
    expect((await owner.del(`/api/v1/keys/${parent.key.id}`)).status).toBe(200);
    for (const raw of [inherited.rawKey, tighter.body.rawKey as string, grandOk.rawKey]) {
      const r = await client(t.url, raw).get('/api/v1/me');
      expect(r.status).toBe(401);
      expect(r.body.error.message).toMatch(/revoked/);
    }
    expect((await client(t.url, free.rawKey).get('/api/v1/me')).status).toBe(200);
  });

  it('issue-9: a user added with a limited key gets a first key no stronger than that key', async () => {
    const limited = CreateKeyResponse.parse(
      (await owner.post('/api/v1/keys', { name: 'admin-1h', expiresIn: '1h', rateLimitPerMinute: 50 })).body,
    );
    const added = await client(t.url, limited.rawKey).post('/api/v1/users', { name: `bounded-${engine}` });
    expect(added.status).toBe(201);
    expect(added.body.key.expiresAt).toBe(limited.key.expiresAt);
    expect(added.body.key.rateLimitPerMinute).toBe(50);
    // From an unlimited key: the tracker default (60 here) and no expiry, as before.
    const free = await owner.post('/api/v1/users', { name: `free-${engine}` });
    expect(free.body.key.expiresAt).toBeNull();
    expect(free.body.key.rateLimitPerMinute).toBe(60);
  });

  it('validates key creation bodies', async () => {
    for (const bad of [
      {},
      { name: '' },
      { name: 'x', expiresIn: '30 days' },
      { name: 'x', rateLimitPerMinute: -1 },
      { name: 'x', extra: 1 },
      { name: 'x', expiresAt: '2000-01-01T00:00:00Z' },
    ]) {
      const r = await owner.post('/api/v1/keys', bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.error.code).toBe('invalid_request');
    }
    expect((await owner.post('/api/v1/keys', '{not json')).status).toBe(400);
  });

  it('refuses an expired key', async () => {
    const me = MeResponse.parse((await owner.get('/api/v1/me')).body);
    const raw = generateRawKey();
    await t.store.keys.create({
      id: 'key_expired_test',
      user_id: me.user.id,
      name: 'old',
      prefix: keyPrefix(raw),
      hash: sha256Hex(raw),
      rate_limit_per_minute: 60,
      created_at: Date.now() - 10_000,
      last_used_at: null,
      expires_at: Date.now() - 1,
      revoked_at: null,
    });
    const r = await client(t.url, raw).get('/api/v1/sessions');
    expect(r.status).toBe(401);
    expect(r.body.error.message).toMatch(/expired/);
  });

  it('records last use at most once a minute', async () => {
    let now = Date.parse('2030-01-01T00:00:00Z');
    const store = await openStore(t.target);
    const app = createApp({ store, config: t.config, logger: silentLogger, now: () => now });
    try {
      const key = CreateKeyResponse.parse((await owner.post('/api/v1/keys', { name: 'touch' })).body);
      const hit = () => app.request('/api/v1/me', { headers: { authorization: `Bearer ${key.rawKey}` } });
      await hit();
      const first = (await store.keys.findById(key.key.id))!.last_used_at;
      expect(first).toBe(now);
      now += 30_000;
      await hit();
      expect((await store.keys.findById(key.key.id))!.last_used_at).toBe(first);
      now += 31_000;
      await hit();
      expect((await store.keys.findById(key.key.id))!.last_used_at).toBe(now);
    } finally {
      await store.close();
    }
  });

  it('rate limits per key with 429 and Retry-After, shared across tracker instances', async () => {
    const key = CreateKeyResponse.parse(
      (await owner.post('/api/v1/keys', { name: 'limited', rateLimitPerMinute: 3 })).body,
    );
    const now = Date.parse('2031-01-01T00:00:10Z');
    // Two app instances over the same database, like two tracker processes behind a load balancer.
    const storeA = await openStore(t.target);
    const storeB = await openStore(t.target);
    const a = createApp({ store: storeA, config: t.config, logger: silentLogger, now: () => now });
    const b = createApp({ store: storeB, config: t.config, logger: silentLogger, now: () => now });
    try {
      const hit = (app: typeof a) =>
        app.request('/api/v1/me', { headers: { authorization: `Bearer ${key.rawKey}` } });
      expect((await hit(a)).status).toBe(200);
      expect((await hit(b)).status).toBe(200);
      const third = await hit(a);
      expect(third.status).toBe(200);
      expect(third.headers.get('x-ratelimit-remaining')).toBe('0');
      const limited = await hit(b);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('50');
      expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
      // Other keys are unaffected.
      expect(
        (await a.request('/api/v1/me', { headers: { authorization: `Bearer ${t.ownerKey}` } })).status,
      ).toBe(200);
    } finally {
      await storeA.close();
      await storeB.close();
    }
  });

  it('lets only the owner manage users (403 for members)', async () => {
    const added = await owner.post('/api/v1/users', { name: `member-${engine}` });
    expect(added.status).toBe(201);
    const member = client(t.url, added.body.rawKey);
    expect((await member.get('/api/v1/me')).body.user.role).toBe('member');
    expect((await member.get('/api/v1/users')).status).toBe(403);
    expect((await member.post('/api/v1/users', { name: 'sneaky' })).status).toBe(403);
    expect((await owner.post('/api/v1/users', { name: `member-${engine}` })).status).toBe(409);
    const names = (await owner.get('/api/v1/users')).body.users.map((u: { name: string }) => u.name);
    expect(names.filter((n: string) => n === `member-${engine}`)).toHaveLength(1);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const r = await owner.get('/api/v1/nope');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
    expect((await client(t.url).get('/nope')).body.error.code).toBe('not_found');
  });
});
