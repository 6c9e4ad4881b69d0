// issue #9 (3.4): login CSRF from a sibling origin / sandboxed iframe, and an unlimited /login, on a real tracker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebTracker, type WebTracker } from './web-harness.js';

/** A cookie jar of one browser profile, sending whatever extra headers a page would make it send. */
class Jar {
  cookies = new Map<string, string>();
  constructor(private base: string) {}
  async req(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(this.base + path, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  }
  /** GET /login: the csrf field of its form (and the nonce cookie, now in the jar). */
  async loginForm(headers: Record<string, string> = {}): Promise<string> {
    const html = await (await this.req('/login', { headers })).text();
    return /name="csrf" value="([^"]+)"/.exec(html)![1]!;
  }
  login(form: Record<string, string>, headers: Record<string, string> = {}) {
    return this.req('/login', { method: 'POST', headers, body: new URLSearchParams(form) });
  }
}

describe('issue-9: login CSRF cannot sign a victim in as the attacker', () => {
  let t: WebTracker;
  let attackerKey: string;
  beforeAll(async () => {
    t = await startWebTracker();
    const r = await fetch(`${t.url}/api/v1/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'attacker' }),
    });
    attackerKey = ((await r.json()) as { rawKey: string }).rawKey;
  });
  afterAll(async () => t?.close());

  it('refuses the planted-pair POST from a sandboxed iframe (Origin: null) and from a sibling origin', async () => {
    // The attacker mints a valid pair on its own visit, then plants the cookie in the victim's browser (a sibling
    // host can set cookies for the tracker's host) and posts the token with its own key.
    const attacker = new Jar(t.url);
    const csrf = await attacker.loginForm();
    const victim = new Jar(t.url);
    victim.cookies.set('baton_csrf', attacker.cookies.get('baton_csrf')!);
    const form = { csrf, apiKey: attackerKey, next: '/' };
    for (const headers of [
      { origin: 'null' },
      { origin: 'http://evil.127.0.0.1.example' },
      { origin: t.url.replace('127.0.0.1', '127.0.0.2') },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ] as Array<Record<string, string>>) {
      const res = await victim.login(form, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.text()).toContain('Cross-site form submission refused');
      expect(victim.cookies.has('baton_session')).toBe(false);
    }
  });

  it('refuses a double-submit pair the attacker simply chose (the token must be signed by the tracker)', async () => {
    const victim = new Jar(t.url);
    const chosen = 'A'.repeat(40);
    victim.cookies.set('baton_csrf', chosen);
    const res = await victim.login({ csrf: chosen, apiKey: attackerKey, next: '/' });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('The form expired');
    expect(victim.cookies.has('baton_session')).toBe(false);
  });

  it('a token minted without the victim session does not fit a signed-in victim (logout, key creation)', async () => {
    const victim = new Jar(t.url);
    const csrf = await victim.loginForm();
    expect((await victim.login({ csrf, apiKey: t.ownerKey, next: '/' }, { origin: t.url })).status).toBe(303);
    const attacker = new Jar(t.url);
    const minted = await attacker.loginForm();
    victim.cookies.set('baton_csrf', attacker.cookies.get('baton_csrf')!);
    const res = await victim.req('/settings/keys', {
      method: 'POST',
      body: new URLSearchParams({ csrf: minted, name: 'planted' }),
    });
    expect(res.status).toBe(403);
  });

  it('still signs in a same-origin form POST (and one from the localhost spelling of this loopback tracker)', async () => {
    for (const origin of [t.url, t.url.replace('127.0.0.1', 'localhost')]) {
      const b = new Jar(t.url);
      const csrf = await b.loginForm();
      const res = await b.login(
        { csrf, apiKey: t.ownerKey, next: '/' },
        { origin, 'sec-fetch-site': 'same-origin' },
      );
      expect(res.status, origin).toBe(303);
      expect(b.cookies.has('baton_session')).toBe(true);
    }
  });
});

describe('issue-9: the CSRF cookie cannot be planted over https, and /login is rate limited per address', () => {
  let t: WebTracker;
  beforeAll(async () => {
    t = await startWebTracker({ config: { trustProxy: true, loginAttemptsPerMinute: 3 } });
  });
  afterAll(async () => t?.close());
  const https = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'baton.example.com' };

  it('uses a __Host- prefixed, Secure cookie under https and ignores a plain one a sibling planted', async () => {
    const b = new Jar(t.url);
    const res = await b.req('/login', { headers: { ...https, 'x-forwarded-for': '198.51.100.1' } });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('__Host-baton_csrf='))!;
    expect(set).toMatch(/; Secure/i);
    expect(set).toMatch(/; Path=\//i);
    expect(set).not.toMatch(/Domain=/i);
    // A planted non-prefixed cookie with a token minted for it over http is not what the https form checks.
    const planter = new Jar(t.url);
    const planted = await planter.loginForm({ 'x-forwarded-for': '198.51.100.2' });
    const victim = new Jar(t.url);
    victim.cookies.set('baton_csrf', planter.cookies.get('baton_csrf')!);
    const post = await victim.login(
      { csrf: planted, apiKey: t.ownerKey, next: '/' },
      { ...https, origin: 'https://baton.example.com', 'x-forwarded-for': '198.51.100.3' },
    );
    expect(post.status).toBe(403);
  });

  it('answers 429 with Retry-After past the per-address login limit; other addresses are unaffected', async () => {
    const b = new Jar(t.url);
    const from = { 'x-forwarded-for': '203.0.113.50' };
    const csrf = await b.loginForm(from);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await b.login({ csrf, apiKey: 'bt_wrong', next: '/' }, from)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const limited = await b.login({ csrf, apiKey: t.ownerKey, next: '/' }, from);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const other = new Jar(t.url);
    const csrf2 = await other.loginForm({ 'x-forwarded-for': '203.0.113.51' });
    const ok = await other.login(
      { csrf: csrf2, apiKey: t.ownerKey, next: '/' },
      { 'x-forwarded-for': '203.0.113.51' },
    );
    expect(ok.status).toBe(303);
  });
});
