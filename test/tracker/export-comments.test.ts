// Issue 14 point 2 on the tracker: `comments=true` on the session export, the share export (an anonymous reader),
// the bulk zip and the web download writes each event's comments next to it, redacted; another user gets 404.
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportedSession } from '../../src/core/model/export-comments.js';
import { fake, upper } from '../helpers/fake-secrets.js';
import { client, forEachEngine, startTracker, type Client, type TestTracker } from './helpers/harness.js';
import { makeSession } from './helpers/sessions.js';
import { startWebTracker, type WebTracker } from './web-harness.js';

const AWS = `AKIA${upper(16, 21)}`;
const GITHUB = fake('ghp_', 36, 22);
const TOP = 'the retry loop looks wrong';
const REPLY = 'agreed, fixing it';

/** Pushes `id` and puts a comment with a secret, a reply with another and a reaction on its first answer. */
async function seed(owner: Client, bob: Client, id: string, visibility: 'private' | 'unlisted') {
  expect((await owner.post('/api/v1/sessions', { session: makeSession({ id }), visibility })).status).toBe(
    200,
  );
  const commenter = visibility === 'private' ? owner : bob;
  const top = await commenter.post(`/api/v1/sessions/${id}/comments`, {
    eventUuid: `${id}-a0`,
    text: `${TOP}; key ${AWS}`,
  });
  expect(top.status).toBe(201);
  const reply = await owner.post(`/api/v1/sessions/${id}/comments`, {
    eventUuid: `${id}-a0`,
    text: `${REPLY} (token ${GITHUB})`,
    parentId: top.body.comment.id,
  });
  expect(reply.status).toBe(201);
  const r = await commenter.post(`/api/v1/sessions/${id}/reactions`, { eventUuid: `${id}-a0`, emoji: '👍' });
  expect(r.status).toBe(200);
  return (await owner.get(`/api/v1/sessions/${id}`)).body.session.shareSlug as string;
}

function expectComments(text: string) {
  expect(text).toContain(TOP);
  expect(text).toContain(REPLY);
  expect(text).not.toContain(AWS);
  expect(text).not.toContain(GITHUB);
  expect(text).toMatch(/REDACTED/);
}

forEachEngine('tracker export with comments', (engine) => {
  let t: TestTracker;
  let owner: Client;
  let bob: Client;
  let carol: Client;
  let slug: string;

  beforeAll(async () => {
    t = await startTracker(engine);
    owner = client(t.url, t.ownerKey);
    bob = client(t.url, (await owner.post('/api/v1/users', { name: 'bob', role: 'member' })).body.rawKey);
    carol = client(t.url, (await owner.post('/api/v1/users', { name: 'carol', role: 'member' })).body.rawKey);
    slug = await seed(owner, bob, 'xc-1', 'unlisted');
    await seed(owner, bob, 'xc-priv', 'private');
  });
  afterAll(async () => t?.close());

  it('GET /sessions/{id}/export?comments=true: md puts the thread under its event, redacted and counted', async () => {
    const on = await owner.get('/api/v1/sessions/xc-1/export?format=md&comments=true');
    expect(on.status).toBe(200);
    expectComments(on.text);
    const event = on.text.indexOf('reply 0 sure thing');
    const top = on.text.indexOf(`> **bob** · `);
    const reply = on.text.indexOf('> > **owner** (reply)');
    expect(event).toBeGreaterThan(-1);
    expect(top).toBeGreaterThan(event);
    expect(reply).toBeGreaterThan(top);
    expect(on.text.indexOf('Bash', reply)).toBeGreaterThan(reply); // the next event comes after the thread
    expect(on.text).toContain('reactions: 👍 1');
    expect(on.text).toMatch(/\*\*Redaction:\*\* 2 secret\(s\) replaced/);
    const off = await owner.get('/api/v1/sessions/xc-1/export?format=md');
    expect(off.text).not.toContain(TOP);
    expect(off.text).not.toContain(REPLY);
    expect(off.text).not.toContain(AWS);
  });

  it('json: the comments list names the right event and nests the reply', async () => {
    const res = await owner.get('/api/v1/sessions/xc-1/export?format=json&comments=true');
    const doc = ExportedSession.parse(JSON.parse(res.text));
    expect(doc.comments!.map((c) => c.eventUuid)).toEqual(['xc-1-a0']);
    expect(doc.comments![0]!.comments[0]!.author).toBe('bob');
    expect(doc.comments![0]!.comments[0]!.replies[0]!.text).toMatch(/^agreed, fixing it \(token \[REDACTED/);
    expect(doc.redaction!.total).toBe(2);
  });

  it('the share export gives an anonymous link reader the comments; another user gets 404', async () => {
    const anon = client(t.url);
    const shared = await anon.get(`/api/v1/share/${slug}/export?format=txt&comments=true`);
    expect(shared.status).toBe(200);
    expectComments(shared.text);
    expect((await anon.get(`/api/v1/share/${slug}/export?format=txt`)).text).not.toContain(TOP);
    expect((await carol.get('/api/v1/sessions/xc-priv/export?format=md&comments=true')).status).toBe(404);
    expect((await bob.get('/api/v1/sessions/xc-priv/export?format=md&comments=true')).status).toBe(404);
    expect((await carol.get('/api/v1/sessions/xc-1/export?format=md&comments=true')).status).toBe(404);
  });

  it('POST /api/v1/export with comments: true zips each session with its comments', async () => {
    const res = await fetch(`${t.url}/api/v1/export`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sessionIds: ['xc-1', 'xc-priv'], format: 'html', comments: true }),
    });
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['xc-1.html', 'xc-priv.html']);
    for (const f of Object.values(files)) expectComments(strFromU8(f));
    const plain = await owner.post('/api/v1/export', { sessionIds: ['xc-1'], format: 'md' });
    expect(plain.status).toBe(200);
  });

  it('an unparseable comments flag is refused', async () => {
    expect((await owner.get('/api/v1/sessions/xc-1/export?format=md&comments=maybe')).status).toBe(400);
  });
});

describe('web download /sessions/{id}/export?comments=true [sqlite]', () => {
  let t: WebTracker;
  beforeAll(async () => {
    t = await startWebTracker();
  });
  afterAll(async () => t?.close());

  it('the signed-in owner downloads the session with its comments, redacted', async () => {
    const owner = client(t.url, t.ownerKey);
    const bob = client(
      t.url,
      (await owner.post('/api/v1/users', { name: 'bob', role: 'member' })).body.rawKey,
    );
    await seed(owner, bob, 'xw-1', 'unlisted');
    const jar = new Map<string, string>();
    const page = async (path: string, form?: Record<string, string>) => {
      const res = await fetch(`${t.url}${path}`, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(form ? { body: new URLSearchParams(form).toString() } : {}),
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const i = pair!.indexOf('=');
        jar.set(pair!.slice(0, i), pair!.slice(i + 1));
      }
      return { status: res.status, text: await res.text() };
    };
    const login = await page('/login');
    const csrf = /name="csrf" value="([^"]+)"/.exec(login.text)![1]!;
    expect((await page('/login', { csrf, apiKey: t.ownerKey, next: '/' })).status).toBe(303);
    const on = await page('/sessions/xw-1/export?format=md&comments=true');
    expect(on.status).toBe(200);
    expectComments(on.text);
    const off = await page('/sessions/xw-1/export?format=md');
    expect(off.status).toBe(200);
    expect(off.text).not.toContain(TOP);
  });
});
