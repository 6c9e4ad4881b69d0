// The server around the app: HTTPS with a certificate, URLs behind a trusted proxy, and readiness when the DB is gone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { afterAll, expect, it } from 'vitest';
import { createApp } from '../../tracker/app.js';
import { testConfig } from '../../tracker/config.js';
import { openStore } from '../../tracker/db/store.js';
import { silentLogger } from '../../tracker/log.js';
import { startServer } from '../../tracker/server.js';
import { ensureOwner } from '../../tracker/services/users.js';
import { client, startTracker } from './helpers/harness.js';
import { makeSession } from './helpers/sessions.js';

const dir = mkdtempSync(join(tmpdir(), 'baton-tls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('serves HTTPS directly with --tls-cert/--tls-key', async () => {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const store = await openStore({ engine: 'sqlite', file: join(dir, 't.db') });
  const owner = await ensureOwner(store, { now: Date.now(), defaultRate: 0 });
  const config = testConfig({
    db: { engine: 'sqlite', file: join(dir, 't.db') },
    tls: { certFile: cert, keyFile: key },
  });
  const server = await startServer({
    app: createApp({ store, config }),
    config,
    logger: silentLogger,
    onClosed: () => store.close(),
  });
  try {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const dispatcher = new Agent({ connect: { rejectUnauthorized: false } });
    const res = await fetch(`${server.url}/api/v1/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner!.key.rawKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ session: makeSession({ id: 'tls-1' }) }),
      dispatcher,
    } as RequestInit);
    expect(res.status).toBe(200);
    // issue #9: served over TLS directly, the tracker pins https with HSTS.
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(((await res.json()) as { url: string }).url).toBe(`${server.url}/sessions/tls-1`);
    await dispatcher.close();
  } finally {
    await server.close();
  }
});

it('lets X-Forwarded-* decide returned URLs only when trustProxy is on', async () => {
  const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'baton.example.com' };
  const trusted = await startTracker('sqlite', { config: { trustProxy: true } });
  const untrusted = await startTracker('sqlite');
  const fixed = await startTracker('sqlite', { config: { publicUrl: 'https://fixed.example.org' } });
  try {
    const push = (t: typeof trusted) =>
      client(t.url, t.ownerKey).post('/api/v1/sessions', { session: makeSession({ id: 'px' }) }, headers);
    expect((await push(trusted)).body.url).toBe('https://baton.example.com/sessions/px');
    expect((await push(untrusted)).body.url).toBe(`${untrusted.url}/sessions/px`);
    expect((await push(fixed)).body.url).toBe('https://fixed.example.org/sessions/px');
    const spoofed = await client(trusted.url, trusted.ownerKey).post(
      '/api/v1/sessions',
      { session: makeSession({ id: 'px' }) },
      { 'x-forwarded-host': 'evil.com/<script>' },
    );
    expect(spoofed.body.url).toBe(`${trusted.url}/sessions/px`);
  } finally {
    await Promise.all([trusted.close(), untrusted.close(), fixed.close()]);
  }
});

it('reports not ready (503) once the database is closed, while liveness stays up', async () => {
  const store = await openStore({ engine: 'sqlite', file: join(dir, 'ready.db') });
  const app = createApp({
    store,
    config: testConfig({ db: { engine: 'sqlite', file: join(dir, 'ready.db') } }),
  });
  expect((await app.request('/readyz')).status).toBe(200);
  await store.close();
  const res = await app.request('/readyz');
  expect(res.status).toBe(503);
  expect(await res.json()).toEqual({ status: 'unavailable', engine: 'sqlite' });
  expect((await app.request('/healthz')).status).toBe(200);
});
