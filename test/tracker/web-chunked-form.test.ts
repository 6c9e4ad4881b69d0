// A signed-in form posted without Content-Length (chunked, as some proxies and clients send it) works like any other:
// the body limit swaps the raw Request then, and the signed-in user and the matched route must not be lost with it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeSession, pushSession } from '../browser/fixtures.js';
import { startWebTracker, type WebTracker } from './web-harness.js';

let t: WebTracker;
const cookies = new Map<string, string>();

async function req(path: string, init: RequestInit & { duplex?: 'half' } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('origin', t.url);
  if (cookies.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
  const res = await fetch(t.url + path, { ...init, headers, redirect: 'manual' });
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair!.indexOf('=');
    cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
  return res;
}
const csrfOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)![1]!;

/** A body the client cannot size up front: fetch sends it with Transfer-Encoding: chunked. */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(ctl) {
      ctl.enqueue(bytes.slice(0, 5));
      ctl.enqueue(bytes.slice(5));
      ctl.close();
    },
  });
}

beforeAll(async () => {
  t = await startWebTracker();
  const csrf = csrfOf(await (await req('/login')).text());
  const res = await req('/login', {
    method: 'POST',
    body: new URLSearchParams({ csrf, apiKey: t.ownerKey, next: '/' }),
  });
  expect(res.status).toBe(303);
});
afterAll(async () => t?.close());

it('renames a session from a form sent without Content-Length', async () => {
  const s = await pushSession(t.url, t.ownerKey, makeSession({ title: 'before' }));
  const page = await req(`/sessions/${s.sessionId}`);
  expect(page.status).toBe(200);
  const form = new URLSearchParams({ csrf: csrfOf(await page.text()), title: 'after' }).toString();
  const res = await req(`/sessions/${s.sessionId}/manage`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: chunked(form),
    duplex: 'half',
  });
  expect(res.status, await res.clone().text()).toBe(303);
  expect(res.headers.get('location')).toBe(`/sessions/${s.sessionId}`);
  const row = await t.store.sessions.findByUserAndId((await t.store.users.list())[0]!.id, s.sessionId);
  expect(row?.title).toBe('after');
});
