// Who sees what over HTTP: CSRF on forms, private vs unlisted pages, security headers, and the ingest → live hook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../tracker/web/security.js';
import { makeSession, pushSession } from '../browser/fixtures.js';
import { openSse } from '../helpers/sse-client.js';
import { startWebTracker, type WebTracker } from './web-harness.js';

let t: WebTracker;
let memberKey: string;

/** A cookie jar of one: enough for a login session plus the CSRF cookie. */
class Browserish {
  jar = new Map<string, string>();
  constructor(private base: string) {}
  async req(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(this.base + path, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      if (/Max-Age=0|expires=Thu, 01 Jan 1970/i.test(c)) this.jar.delete(k!);
      else this.jar.set(k!, v ?? '');
    }
    return res;
  }
  async csrf(path = '/login'): Promise<string> {
    const html = await (await this.req(path)).text();
    return /name="csrf" value="([^"]+)"/.exec(html)![1]!;
  }
  async login(key: string): Promise<void> {
    const csrf = await this.csrf();
    const res = await this.req('/login', {
      method: 'POST',
      body: new URLSearchParams({ csrf, apiKey: key, next: '/' }),
    });
    expect(res.status).toBe(303);
  }
}

beforeAll(async () => {
  t = await startWebTracker();
  const r = await fetch(`${t.url}/api/v1/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.ownerKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'member' }),
  });
  memberKey = ((await r.json()) as { rawKey: string }).rawKey;
});
afterAll(async () => {
  await t?.close();
});

describe('forms are CSRF-safe', () => {
  it('refuses a login POST without the token, with a wrong token, or from another origin', async () => {
    const b = new Browserish(t.url);
    const csrf = await b.csrf();
    expect(
      (await b.req('/login', { method: 'POST', body: new URLSearchParams({ apiKey: t.ownerKey }) })).status,
    ).toBe(403);
    expect(
      (
        await b.req('/login', {
          method: 'POST',
          body: new URLSearchParams({ csrf: csrf + 'x', apiKey: t.ownerKey }),
        })
      ).status,
    ).toBe(403);
    const foreign = await b.req('/login', {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: new URLSearchParams({ csrf, apiKey: t.ownerKey }),
    });
    expect(foreign.status).toBe(403);
    expect(b.jar.has('baton_session')).toBe(false);
    const ok = await b.req('/login', {
      method: 'POST',
      headers: { origin: t.url },
      body: new URLSearchParams({ csrf, apiKey: t.ownerKey }),
    });
    expect(ok.status).toBe(303);
    expect(b.jar.has('baton_session')).toBe(true);
  });

  it('refuses key creation and revocation without the token, and never redirects off-site after login', async () => {
    const b = new Browserish(t.url);
    await b.login(t.ownerKey);
    expect(
      (await b.req('/settings/keys', { method: 'POST', body: new URLSearchParams({ name: 'sneaky' }) }))
        .status,
    ).toBe(403);
    const keys = (await (
      await fetch(`${t.url}/api/v1/keys`, { headers: { authorization: `Bearer ${t.ownerKey}` } })
    ).json()) as { keys: Array<{ name: string }> };
    expect(keys.keys.map((k) => k.name)).not.toContain('sneaky');
    const c2 = new Browserish(t.url);
    const csrf = await c2.csrf();
    const res = await c2.req('/login', {
      method: 'POST',
      body: new URLSearchParams({ csrf, apiKey: t.ownerKey, next: '//evil.example/x' }),
    });
    expect(res.headers.get('location')).toBe('/');
  });
});

describe('visibility', () => {
  it('private sessions need the owner cookie; unlisted ones are reachable only by their slug', async () => {
    const priv = await pushSession(t.url, t.ownerKey, makeSession({ title: 'secret plans' }), {
      visibility: 'private',
    });
    const unl = await pushSession(t.url, t.ownerKey, makeSession({ title: 'shared notes' }), {
      visibility: 'unlisted',
    });
    const anon = new Browserish(t.url);
    const a = await anon.req(`/sessions/${priv.sessionId}`);
    expect(a.status).toBe(303);
    expect(a.headers.get('location')).toMatch(/^\/login\?next=/);
    expect((await anon.req(`/sessions/${unl.sessionId}`)).status).toBe(303);
    const shared = await anon.req(new URL(unl.url).pathname);
    expect(shared.status).toBe(200);
    expect(await shared.text()).toContain('shared notes');
    const member = new Browserish(t.url);
    await member.login(memberKey);
    const m = await member.req(`/sessions/${priv.sessionId}`);
    expect(m.status).toBe(404);
    expect(await m.text()).not.toContain('secret plans');
    expect((await member.req(`/sessions/${priv.sessionId}/export?format=md`)).status).toBe(404);
    // The private session's own slug does not open it either.
    const row = await t.store.sessions.findByUserAndId(
      (await t.store.users.findByName('owner'))!.id,
      priv.sessionId,
    );
    const bySlug = await anon.req(`/share/${row!.share_slug}`);
    expect(bySlug.status).toBe(404);
    expect(await bySlug.text()).not.toContain('secret plans');
    const owner = new Browserish(t.url);
    await owner.login(t.ownerKey);
    expect(await (await owner.req(`/sessions/${priv.sessionId}`)).text()).toContain('secret plans');
  });

  it('every page carries the strict CSP and frame denial; HTML exports are sandboxed', async () => {
    const s = await pushSession(t.url, t.ownerKey, makeSession({ title: 'headers' }), {
      visibility: 'unlisted',
    });
    const b = new Browserish(t.url);
    await b.login(t.ownerKey);
    for (const path of [
      '/',
      `/sessions/${s.sessionId}`,
      '/projects',
      '/settings',
      '/diagnostics',
      new URL(s.url).pathname,
      '/login',
      '/nope-404',
    ]) {
      const r = await b.req(path);
      expect(r.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers.get('x-frame-options'), path).toBe('DENY');
    }
    const exp = await b.req(`/sessions/${s.sessionId}/export?format=html`);
    expect(exp.headers.get('content-security-policy')).toMatch(/^sandbox/);
    expect(exp.headers.get('content-disposition')).toMatch(/^attachment/);
  });
});

describe('the ingest publish hook', () => {
  it('events appended to a session (sync API and AgentPipe ingest) reach viewers of its live stream', async () => {
    const sessionId = 'hooked-session-1';
    const created = await fetch(`${t.url}/api/v1/live`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId }),
    });
    const s = (await created.json()) as { viewerToken: string };
    const v = openSse(`${t.url}/live/${s.viewerToken}/events`);
    await v.waitFor((m) => m.event === 'hello');
    const append = await fetch(`${t.url}/api/v1/sessions/${sessionId}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        events: [{ seq: 0, turnIndex: 0, event: { kind: 'prompt', uuid: 'hook-p1', text: 'synced prompt' } }],
      }),
    });
    expect(append.status).toBeLessThan(300);
    const first = await v.waitFor((m) => m.event === 'event');
    expect(JSON.parse(first.data).event.text).toBe('synced prompt');
    const ingest = await fetch(`${t.url}/api/v1/ingest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message.created',
        timestamp: new Date().toISOString(),
        data: {
          conversation_id: sessionId,
          message_id: 'm-1',
          role: 'assistant',
          agent_name: 'claude',
          content: 'from AgentPipe',
        },
      }),
    });
    expect(ingest.status).toBeLessThan(300);
    const second = await v.waitFor((m) => m.event === 'event' && m.data.includes('from AgentPipe'));
    expect(JSON.parse(second.data).seq).toBe(2);
    // Another user's session with the same id never feeds this owner's stream.
    await fetch(`${t.url}/api/v1/sessions/${sessionId}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${memberKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        events: [{ seq: 0, turnIndex: 0, event: { kind: 'prompt', uuid: 'foreign-1', text: 'not yours' } }],
      }),
    });
    await fetch(`${t.url}/api/v1/sessions/${sessionId}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        events: [{ seq: 1, turnIndex: 0, event: { kind: 'text', uuid: 'hook-t2', text: 'third' } }],
      }),
    });
    await v.waitFor((m) => m.event === 'event' && m.data.includes('third'));
    expect(v.messages.filter((m) => m.event === 'event').map((m) => JSON.parse(m.data).event.uuid)).toEqual([
      'hook-p1',
      'm-1',
      'hook-t2',
    ]);
    v.close();
  });
});
