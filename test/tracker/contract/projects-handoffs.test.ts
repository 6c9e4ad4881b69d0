// Contract: projects (stats, lookup by id/slug/name, resume pointer) and handoff documents.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  CreateHandoffResponse,
  HandoffResponse,
  ListHandoffsResponse,
  ListProjectsResponse,
  ProjectResponse,
  ResumeResponse,
  projectSlug,
} from '../../../src/core/api/index.js';
import { client, forEachEngine, startTracker, type Client, type TestTracker } from '../helpers/harness.js';
import { makeSession } from '../helpers/sessions.js';

forEachEngine('projects and handoffs contract', (engine) => {
  let t: TestTracker;
  let api: Client;
  beforeAll(async () => {
    t = await startTracker(engine);
    api = client(t.url, t.ownerKey);
    await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'a-old', cwd: '/src/My Repo', start: '2026-03-01T10:00:00Z' }),
    });
    await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'a-new', cwd: '/src/My Repo', start: '2026-03-02T10:00:00Z', turns: 3 }),
    });
    await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'b-1', project: 'Other', cwd: '/elsewhere' }),
    });
  });
  afterAll(async () => t?.close());

  it('derives a stable project slug from the cwd and lists projects with stats', async () => {
    expect(projectSlug({ cwd: '/src/My Repo' })).toBe('my-repo');
    const res = ListProjectsResponse.parse((await api.get('/api/v1/projects')).body);
    const p = res.projects.find((x) => x.slug === 'my-repo')!;
    expect(p).toMatchObject({ name: 'My Repo', cwd: '/src/My Repo' });
    expect(p.stats.sessions).toBe(2);
    expect(p.stats.totalDurationMs).toBe(7_000 + 11_000);
    expect(p.stats.avgDurationMs).toBe(9_000);
    expect(p.stats.lastSessionAt).toBe('2026-03-02T10:00:11.000Z');
    expect(p.lastSession).toMatchObject({ sessionId: 'a-new', source: 'cli-upload' });
    expect(res.projects.find((x) => x.slug === 'other')?.name).toBe('Other');
  });

  it('finds a project by id, slug or name and answers resume', async () => {
    const bySlug = ProjectResponse.parse((await api.get('/api/v1/projects/my-repo')).body).project;
    expect(ProjectResponse.parse((await api.get(`/api/v1/projects/${bySlug.id}`)).body).project.id).toBe(
      bySlug.id,
    );
    expect(
      ProjectResponse.parse((await api.get(`/api/v1/projects/${encodeURIComponent('my repo')}`)).body).project
        .id,
    ).toBe(bySlug.id);
    const resume = ResumeResponse.parse((await api.get('/api/v1/projects/my-repo/resume')).body);
    expect(resume).toMatchObject({
      projectId: bySlug.id,
      sessionId: 'a-new',
      resumeCommand: 'claude --resume a-new',
      source: 'cli-upload',
    });
    expect((await api.get('/api/v1/projects/nope')).status).toBe(404);
    expect((await api.get('/api/v1/projects/nope/resume')).status).toBe(404);
  });

  it('keeps the pointer on the most recent activity: an old upload does not move it, a live append does', async () => {
    await api.post('/api/v1/sessions', {
      session: makeSession({ id: 'a-ancient', cwd: '/src/My Repo', start: '2025-01-01T00:00:00Z' }),
    });
    expect((await api.get('/api/v1/projects/my-repo/resume')).body.sessionId).toBe('a-new');
    const now = new Date().toISOString();
    const r = await api.post('/api/v1/sessions/a-live/events', {
      events: [
        { seq: 0, turnIndex: 0, event: { kind: 'prompt', uuid: 'live-1', timestamp: now, text: 'go' } },
      ],
      meta: { cwd: '/src/My Repo' },
    });
    expect(r.body.projectId).toBeTruthy();
    const resume = ResumeResponse.parse((await api.get('/api/v1/projects/my-repo/resume')).body);
    expect(resume).toMatchObject({ sessionId: 'a-live', source: 'cli-stream' });
    // Deleting the pointed-at session points the project at the next most recent one.
    await api.del('/api/v1/sessions/a-live');
    expect((await api.get('/api/v1/projects/my-repo/resume')).body.sessionId).toBe('a-new');
  });

  it('stores handoffs with frontmatter, lists them per project, and moves the pointer (source handoff)', async () => {
    const markdown = `---\ntitle: Continue the parser work\nproject: My Repo\nbranch: main\nopen_tasks: [tests, docs]\nurgent: true\n---\n# Handoff\n\nNext: finish the tokenizer.\n`;
    const created = await api.post('/api/v1/handoffs', { sessionId: 'a-old', markdown });
    expect(created.status).toBe(201);
    const h = CreateHandoffResponse.parse(created.body);
    expect(h.sessionId).toBe('a-old');
    const resume = ResumeResponse.parse((await api.get('/api/v1/projects/my-repo/resume')).body);
    expect(resume).toMatchObject({ sessionId: 'a-old', source: 'handoff' });

    const got = HandoffResponse.parse((await api.get(`/api/v1/handoffs/${h.id}`)).body).handoff;
    expect(got.title).toBe('Continue the parser work');
    expect(got.frontmatter).toMatchObject({ branch: 'main', open_tasks: ['tests', 'docs'], urgent: true });
    expect(got.body).toBe('# Handoff\n\nNext: finish the tokenizer.\n');
    expect(got.project.slug).toBe('my-repo');

    await api.post('/api/v1/handoffs', {
      sessionId: 'b-1',
      markdown: '# For other\n',
      frontmatter: { note: 1 },
    });
    await api.post('/api/v1/handoffs', { sessionId: 'brand-new', cwd: '/tmp/fresh-proj', markdown: 'plain' });
    const all = ListHandoffsResponse.parse((await api.get('/api/v1/handoffs')).body).handoffs;
    expect(all.map((x) => x.sessionId)).toEqual(['brand-new', 'b-1', 'a-old']);
    const mine = ListHandoffsResponse.parse(
      (await api.get('/api/v1/handoffs?project=my-repo&limit=5')).body,
    ).handoffs;
    expect(mine.map((x) => x.id)).toEqual([h.id]);
    expect(
      ListHandoffsResponse.parse((await api.get('/api/v1/handoffs?limit=1')).body).handoffs,
    ).toHaveLength(1);
    expect((await api.get('/api/v1/handoffs?project=unknown')).body.handoffs).toEqual([]);
    expect((await api.get('/api/v1/projects/fresh-proj/resume')).body).toMatchObject({
      sessionId: 'brand-new',
      source: 'handoff',
    });
  });

  it('validates handoff bodies', async () => {
    expect(
      (await api.post('/api/v1/handoffs', { sessionId: 'zz', markdown: 'no project known' })).status,
    ).toBe(400);
    expect((await api.post('/api/v1/handoffs', { markdown: 'x', project: 'p' })).status).toBe(400);
    expect((await api.post('/api/v1/handoffs', { sessionId: 'a', project: 'p', markdown: '' })).status).toBe(
      400,
    );
    expect((await api.get('/api/v1/handoffs?limit=0')).status).toBe(400);
    expect((await api.get('/api/v1/handoffs/ho_nope')).status).toBe(404);
  });
});
