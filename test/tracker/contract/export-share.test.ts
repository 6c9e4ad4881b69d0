// Contract: exports (single, streamed, every format; bulk zip) of real transcripts, and key-less sharing.
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderSession } from '../../../src/core/export/index.js';
import { loadSession } from '../../../src/core/transcript/index.js';
import type { Session } from '../../../src/core/model/session.js';
import { SharedResponse } from '../../../src/core/api/index.js';
import { client, forEachEngine, startTracker, type Client, type TestTracker } from '../helpers/harness.js';
import { makeSession } from '../helpers/sessions.js';

const FIXTURE =
  'test/fixtures/transcripts/projects/-home-dev-proj/7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11.jsonl';

forEachEngine('export and share contract', (engine) => {
  let t: TestTracker;
  let api: Client;
  let real: Session;
  beforeAll(async () => {
    t = await startTracker(engine);
    api = client(t.url, t.ownerKey);
    real = await loadSession(FIXTURE, { subagents: true });
    expect((await api.post('/api/v1/sessions', { session: real })).status).toBe(200);
  });
  afterAll(async () => t?.close());

  it('exports a real transcript in every format, identical to rendering it locally', async () => {
    for (const format of ['md', 'json', 'html', 'txt'] as const) {
      const res = await fetch(`${t.url}/api/v1/sessions/${real.meta.id}/export?format=${format}`, {
        headers: { authorization: `Bearer ${t.ownerKey}` },
      });
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${real.meta.id}.${format}"`);
      const text = await res.text();
      expect(text.length, format).toBeGreaterThan(100);
      const firstPrompt = real.turns[0]!.events.find((e) => e.kind === 'prompt');
      if (firstPrompt?.kind === 'prompt' && format !== 'html')
        expect(text).toContain(firstPrompt.text.slice(0, 20));
      if (format === 'json') {
        const parsed = JSON.parse(text) as { meta: { id: string } };
        expect(parsed.meta.id).toBe(real.meta.id);
      }
    }
    // The stored-and-rebuilt session renders like the original (modulo fields the tracker recomputes).
    // The reader stats ride along (issue 10): both list the same skipped records.
    const body = (s: string) => s.split('\n').filter((l) => !/duration|started|ended|redact/i.test(l));
    for (const format of ['txt', 'md'] as const) {
      const res = await fetch(`${t.url}/api/v1/sessions/${real.meta.id}/export?format=${format}`, {
        headers: { authorization: `Bearer ${t.ownerKey}` },
      });
      expect(body(await res.text()), format).toEqual(body(renderSession(real, format)));
    }
    // The documents answer as what they are (their bytes are the document exporters' own tests).
    const documents = [
      ['pdf', 'application/pdf', '%PDF-'],
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'PK'],
    ] as const;
    for (const [format, type, magic] of documents) {
      const res = await fetch(`${t.url}/api/v1/sessions/${real.meta.id}/export?format=${format}`, {
        headers: { authorization: `Bearer ${t.ownerKey}` },
      });
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type'), format).toBe(type);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, magic.length).toString('latin1'), format).toBe(magic);
    }
    // A format that does not exist is refused.
    expect((await api.get(`/api/v1/sessions/${real.meta.id}/export?format=rtf`)).status).toBe(400);
    expect((await api.get('/api/v1/sessions/nope/export')).status).toBe(404);
  });

  it("keeps the client's redaction report for exports", async () => {
    const s = {
      ...makeSession({ id: 'redacted-1', cwd: '/w/red' }),
      redaction: { total: 2, byRule: { 'aws-key': 2 } },
    };
    expect((await api.post('/api/v1/sessions', { session: s })).status).toBe(200);
    const res = await fetch(`${t.url}/api/v1/sessions/redacted-1/export?format=json`, {
      headers: { authorization: `Bearer ${t.ownerKey}` },
    });
    expect((JSON.parse(await res.text()) as { redaction: unknown }).redaction).toEqual({
      total: 2,
      byRule: { 'aws-key': 2 },
    });
  });

  it('exports several sessions as one zip', async () => {
    await api.post('/api/v1/sessions', { session: makeSession({ id: 'zip/one', cwd: '/w/zip' }) });
    const res = await fetch(`${t.url}/api/v1/export`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sessionIds: [real.meta.id, 'zip/one'], format: 'md' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([`${real.meta.id}.md`, 'zip_one.md']);
    expect(strFromU8(files['zip_one.md']!)).toContain('prompt 0');
    expect((await api.post('/api/v1/export', { sessionIds: ['zip/one', 'missing'] })).status).toBe(404);
    expect((await api.post('/api/v1/export', { sessionIds: [] })).status).toBe(400);
  });

  it('shares unlisted and public sessions by slug only, and lists public ones', async () => {
    await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'shared-1', cwd: '/w/share' }),
      visibility: 'unlisted',
    });
    const s = (await api.get('/api/v1/sessions/shared-1')).body.session;
    expect(s.visibility).toBe('unlisted');
    const anon = client(t.url);
    const got = await anon.get(`/api/v1/share/${s.shareSlug}?limit=3`);
    expect(got.status).toBe(200);
    const shared = SharedResponse.parse(got.body);
    expect(shared.kind === 'session' && shared.session.id).toBe('shared-1');
    expect(shared.kind === 'session' && shared.events.length).toBe(3);
    const exp = await fetch(`${t.url}/api/v1/share/${s.shareSlug}/export?format=md`);
    expect(exp.status).toBe(200);
    expect(
      (await anon.get('/api/v1/public/sessions')).body.sessions.map((x: { id: string }) => x.id),
    ).not.toContain('shared-1');

    await api.patch('/api/v1/sessions/shared-1', { visibility: 'public' });
    expect(
      (await anon.get('/api/v1/public/sessions')).body.sessions.map((x: { id: string }) => x.id),
    ).toContain('shared-1');
    // Going private kills the old link for good.
    await api.patch('/api/v1/sessions/shared-1', { visibility: 'private' });
    expect((await anon.get(`/api/v1/share/${s.shareSlug}`)).status).toBe(404);
    await api.patch('/api/v1/sessions/shared-1', { visibility: 'unlisted' });
    const again = (await api.get('/api/v1/sessions/shared-1')).body.session;
    expect(again.shareSlug).not.toBe(s.shareSlug);
    expect((await anon.get(`/api/v1/share/${s.shareSlug}`)).status).toBe(404);
  });

  it('shares a post with its sessions', async () => {
    const pushed = await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'post-s', cwd: '/w/share' }),
      createPost: true,
      title: 'Show',
      visibility: 'unlisted',
    });
    const post = (await api.get(`/api/v1/posts/${pushed.body.postId}`)).body.post;
    expect(post.shareSlug).toBeTruthy();
    const shared = SharedResponse.parse((await client(t.url).get(`/api/v1/share/${post.shareSlug}`)).body);
    expect(shared.kind).toBe('post');
    expect(shared.kind === 'post' && shared.sessions.map((x) => x.id)).toEqual(['post-s']);
    const listed = await api.get('/api/v1/posts');
    expect(listed.body.pagination.total).toBeGreaterThan(0);
    expect(
      (await api.patch(`/api/v1/posts/${post.id}`, { visibility: 'private' })).body.post.shareSlug,
    ).toBeNull();
    expect((await client(t.url).get(`/api/v1/share/${post.shareSlug}`)).status).toBe(404);
    expect((await api.del(`/api/v1/posts/${post.id}`)).status).toBe(200);
    expect((await api.get('/api/v1/sessions/post-s')).status).toBe(200);
  });
});
