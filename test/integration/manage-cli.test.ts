// `baton sessions …` and `baton posts …` end to end against a real tracker (port 0): every manage action goes CLI →
// client → API route → service, and a delete never happens unasked.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBaton } from '../helpers/cli-run.js';
import { client, type Client } from '../tracker/helpers/harness.js';
import { makeSession } from '../tracker/helpers/sessions.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';

let tracker: WebTracker;
let api: Client;
let root: string;
let env: Record<string, string | undefined>;

beforeAll(async () => {
  tracker = await startWebTracker();
  api = client(tracker.url, tracker.ownerKey);
  root = mkdtempSync(join(tmpdir(), 'baton-manage-'));
  mkdirSync(join(root, 'home'));
  env = {
    PATH: process.env.PATH,
    HOME: join(root, 'home'),
    BATON_DATA_DIR: join(root, 'data'),
    BATON_CONFIG: join(root, 'config', 'config.json'),
    BATON_URL: tracker.url,
    BATON_API_KEY: tracker.ownerKey,
    NO_COLOR: '1',
  };
});
afterAll(async () => {
  await tracker?.close();
  rmSync(root, { recursive: true, force: true });
});

/** No stdin given: a terminal (that answers nothing). stdin given: a pipe, i.e. no terminal to ask. */
const baton = (argv: string[], stdin?: string) =>
  runBaton(argv, { env, cwd: root, home: join(root, 'home'), ...(stdin !== undefined ? { stdin } : {}) });
const session = async (id: string) => (await api.get(`/api/v1/sessions/${id}`)).body.session;

describe('baton sessions: manage', () => {
  it('star, tag, untag, rename, archive and visibility change the session; list shows how it is shared', async () => {
    const pushed = await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'cli-a' }),
      createPost: true,
      visibility: 'public',
      title: 'cli post',
    });
    expect(pushed.status).toBe(200);
    await api.post('/api/v1/sessions', { session: makeSession({ id: 'cli-quiet' }) });

    const table = await baton(['sessions', 'list']);
    expect(table.code).toBe(0);
    const lines = table.out.split('\n');
    expect(lines[0]).toMatch(/^ID\s+WHEN\s+PROJECT\s+STATUS\s+TURNS\s+TIME\s+SHARED\s+TITLE/);
    expect(lines.find((l) => l.startsWith('cli-a '))).toMatch(/\spublic\+post\s/);
    expect(lines.find((l) => l.startsWith('cli-quiet '))).toMatch(/\s-(\s|$)/);

    for (const argv of [
      ['star', 'cli-a'],
      ['tag', 'cli-a', 'alpha', 'beta', 'gamma'],
      ['untag', 'cli-a', 'beta'],
      ['rename', 'cli-a', 'A', 'better', 'title'],
      ['archive', 'cli-a'],
      ['visibility', 'cli-a', 'unlisted'],
    ]) {
      const r = await baton(['sessions', ...argv]);
      expect({ argv, code: r.code, err: r.err }).toEqual({ argv, code: 0, err: '' });
    }
    expect(await session('cli-a')).toMatchObject({
      starred: true,
      archived: true,
      tags: ['alpha', 'gamma'],
      title: 'A better title',
      visibility: 'unlisted',
    });
    await baton(['sessions', 'unstar', 'cli-a']);
    await baton(['sessions', 'unarchive', 'cli-a']);
    expect(await session('cli-a')).toMatchObject({ starred: false, archived: false });
    const bad = await baton(['sessions', 'visibility', 'cli-a', 'everyone']);
    expect(bad.code).not.toBe(0);
  });

  it('unshare makes it private and the old link dead', async () => {
    await api.post('/api/v1/sessions', { session: makeSession({ id: 'cli-u' }), visibility: 'public' });
    const slug = (await session('cli-u')).shareSlug as string;
    const r = await baton(['sessions', 'unshare', 'cli-u', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).session.sharing.link).toBeNull();
    expect((await fetch(`${tracker.url}/share/${slug}`)).status).toBe(404);
  });

  it('delete refuses without --yes when nobody can answer, and asks on a terminal', async () => {
    await api.post('/api/v1/sessions', { session: makeSession({ id: 'cli-d' }) });
    const piped = await baton(['sessions', 'delete', 'cli-d'], '');
    expect(piped.code).not.toBe(0);
    expect(piped.err).toContain('--yes');
    // A terminal that answers nothing (not "y") deletes nothing.
    const unanswered = await baton(['sessions', 'delete', 'cli-d']);
    expect(unanswered.code).toBe(1);
    expect(unanswered.err).toContain('[y/N]');
    expect((await api.get('/api/v1/sessions/cli-d')).status).toBe(200);

    const del = await baton(['sessions', 'delete', 'cli-d', '--yes']);
    expect(del.code).toBe(0);
    expect(del.out).toContain('baton sessions restore cli-d');
    expect((await api.get('/api/v1/sessions/cli-d')).status).toBe(404);
    const trash = await baton(['sessions', 'trash']);
    expect(trash.out).toMatch(/^session\s+cli-d\s/m);
    expect((await baton(['sessions', 'restore', 'cli-d'])).code).toBe(0);
    expect((await api.get('/api/v1/sessions/cli-d')).status).toBe(200);
    expect((await baton(['sessions', 'trash'])).out).toBe('The trash is empty.\n');

    expect((await baton(['sessions', 'delete', 'cli-d', '--purge'], '')).code).not.toBe(0);
    const purge = await baton(['sessions', 'delete', 'cli-d', '--purge', '--yes']);
    expect(purge.out).toBe('Deleted cli-d for good.\n');
    expect((await baton(['sessions', 'restore', 'cli-d'])).code).not.toBe(0);
  });
});

describe('baton posts', () => {
  it('lists, renames, shares, trashes and restores a post', async () => {
    const pushed = await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'cli-p' }),
      createPost: true,
      title: 'first',
    });
    const id = pushed.body.postId as string;
    expect((await baton(['posts'])).out).toMatch(new RegExp(`^${id}\\s+private\\s+1\\s+first`, 'm'));
    expect((await baton(['posts', 'rename', id, 'second', 'title'])).code).toBe(0);
    expect((await baton(['posts', 'visibility', id, 'public'])).code).toBe(0);
    const post = (await api.get(`/api/v1/posts/${id}`)).body.post;
    expect(post).toMatchObject({ title: 'second title', visibility: 'public' });

    expect((await baton(['posts', 'delete', id], '')).code).not.toBe(0);
    expect((await baton(['posts', 'delete', id, '--yes'])).code).toBe(0);
    expect((await api.get(`/api/v1/posts/${id}`)).status).toBe(404);
    expect((await fetch(`${tracker.url}/share/${post.shareSlug}`)).status).toBe(404);
    expect((await baton(['sessions', 'trash'])).out).toMatch(new RegExp(`^post\\s+${id}\\s`, 'm'));
    expect((await baton(['posts', 'restore', id])).code).toBe(0);
    expect((await fetch(`${tracker.url}/share/${post.shareSlug}`)).status).toBe(200);
  });
});
