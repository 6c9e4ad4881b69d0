// issue #9 (3.5, 3.6): returned URLs never come from the Host header, and HSTS is sent when the tracker is https.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSession } from './helpers/sessions.js';
import { client, startTracker, type TestTracker } from './helpers/harness.js';
import { startLiveHarness, type LiveHarness } from './live-harness.js';
import { startWebTracker } from './web-harness.js';

/** node:http, because fetch will not let a test choose the Host header. */
function post(
  url: string,
  path: string,
  key: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{
  status: number;
  json: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
}> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path,
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode!, json: JSON.parse(text), headers: res.headers }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('issue-9: a forged Host header is never reflected into returned URLs', () => {
  let live: LiveHarness;
  let proxied: TestTracker;
  beforeAll(async () => {
    live = await startLiveHarness();
    proxied = await startTracker('sqlite', { config: { trustProxy: true } });
  });
  afterAll(async () => Promise.all([live?.close(), proxied?.close()]));

  it('builds session, live and OpenAPI URLs from the bound address, not Host', async () => {
    const evil = { host: 'evil.example:9999' };
    const pushed = await post(
      live.url,
      '/api/v1/sessions',
      live.ownerKey,
      { session: makeSession({ id: 'h1' }) },
      evil,
    );
    expect(pushed.status).toBe(200);
    expect(pushed.json.url).toBe(`${live.url}/sessions/h1`);
    const stream = await post(live.url, '/api/v1/live', live.ownerKey, {}, evil);
    expect(stream.status).toBe(201);
    expect(stream.json.viewUrl).toBe(`${live.url}/live/${stream.json.viewerToken}`);
    const doc = await new Promise<{ servers: Array<{ url: string }> }>((resolve) =>
      request(`${live.url}/api/v1/openapi.json`, { headers: evil }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve(JSON.parse(text)));
      }).end(),
    );
    expect(doc.servers[0]!.url).toBe(live.url);
  });

  it('behind a trusted proxy uses X-Forwarded-Host, and still not Host when the proxy sends none', async () => {
    const key = proxied.ownerKey;
    const viaProxy = await post(
      proxied.url,
      '/api/v1/sessions',
      key,
      { session: makeSession({ id: 'h2' }) },
      {
        host: 'evil.example',
        'x-forwarded-host': 'baton.example.com',
        'x-forwarded-proto': 'https',
      },
    );
    expect(viaProxy.json.url).toBe('https://baton.example.com/sessions/h2');
    const hostOnly = await post(
      proxied.url,
      '/api/v1/sessions',
      key,
      { session: makeSession({ id: 'h3' }) },
      {
        host: 'evil.example',
      },
    );
    expect(hostOnly.json.url).toBe(`${proxied.url}/sessions/h3`);
  });
});

describe('issue-9: Strict-Transport-Security when the tracker is https', () => {
  const hsts = async (t: TestTracker, headers: Record<string, string> = {}) =>
    (await client(t.url).get('/healthz', headers)).headers.get('strict-transport-security');

  it('is sent when the public URL is https, and not for an http one', async () => {
    const https = await startTracker('sqlite', { config: { publicUrl: 'https://baton.example.com' } });
    const http = await startTracker('sqlite', { config: { publicUrl: 'http://baton.internal' } });
    try {
      expect(await hsts(https)).toBe('max-age=31536000');
      // On API responses too, not only pages.
      const me = await client(https.url, https.ownerKey).get('/api/v1/me');
      expect(me.headers.get('strict-transport-security')).toBe('max-age=31536000');
      expect(await hsts(http)).toBeNull();
    } finally {
      await Promise.all([https.close(), http.close()]);
    }
  });

  it('follows X-Forwarded-Proto only from a trusted proxy', async () => {
    const trusted = await startTracker('sqlite', { config: { trustProxy: true } });
    const untrusted = await startTracker('sqlite');
    try {
      expect(await hsts(trusted, { 'x-forwarded-proto': 'https' })).toBe('max-age=31536000');
      expect(await hsts(trusted)).toBeNull();
      expect(await hsts(untrusted, { 'x-forwarded-proto': 'https' })).toBeNull();
    } finally {
      await Promise.all([trusted.close(), untrusted.close()]);
    }
  });

  it('is on the web pages a browser loads (login, assets), where it matters most', async () => {
    const web = await startWebTracker({ config: { publicUrl: 'https://baton.example.com' } });
    try {
      for (const path of ['/login', '/assets/app.css']) {
        const res = await fetch(`${web.url}${path}`);
        expect(res.headers.get('strict-transport-security'), path).toBe('max-age=31536000');
        await res.body?.cancel();
      }
    } finally {
      await web.close();
    }
  });
});
