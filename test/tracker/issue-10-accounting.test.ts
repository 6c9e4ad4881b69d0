// issue #10 (tracker side): a project sums each session's OWN part (a fork's inherited history counts once), the
// reader's skip counts reach the session API and page, and appended sessions keep their subagents' spawn order.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListProjectsResponse, SessionDetailResponse } from '../../src/core/api/index.js';
import type { Session } from '../../src/core/model/session.js';
import { loadSession } from '../../src/core/transcript/index.js';
import { client, forEachEngine, startTracker, type Client, type TestTracker } from './helpers/harness.js';
import { startWebTracker, type WebTracker } from './web-harness.js';

const FIX = join(import.meta.dirname, '../fixtures/transcripts/issue-10');
const PARENT = 'd4000000-0000-4000-8000-000000000004';
const FORK = 'd5000000-0000-4000-8000-000000000005';

forEachEngine('issue-10 accounting', (engine) => {
  let t: TestTracker;
  let api: Client;
  let parent: Session;
  let fork: Session;
  beforeAll(async () => {
    t = await startTracker(engine);
    api = client(t.url, t.ownerKey);
    parent = await loadSession(join(FIX, 'fork', `${PARENT}.jsonl`));
    fork = await loadSession(join(FIX, 'fork', `${FORK}.jsonl`));
    for (const session of [parent, fork])
      expect((await api.post('/api/v1/sessions', { session })).status).toBe(200);
  });
  afterAll(async () => t?.close());

  it('a project page sums parent + fork without counting the inherited history twice', async () => {
    const p = ListProjectsResponse.parse((await api.get('/api/v1/projects')).body).projects.find(
      (x) => x.slug === 'app',
    )!;
    expect(p.stats.sessions).toBe(2);
    // The fork's file holds the parent's history and its own turn: its total is what was served in all.
    expect(p.stats.tokens).toEqual(fork.totals.tokens);
    expect(p.stats.costUsd).toBeCloseTo(fork.totals.costUsd!, 9);
    const detail = async (id: string) =>
      SessionDetailResponse.parse((await api.get(`/api/v1/sessions/${id}`)).body);
    const [pd, fd] = [await detail(PARENT), await detail(FORK)];
    expect(fd.session.totals.inherited).toEqual(fork.totals.inherited);
    const own = fd.session.durationMs - fork.totals.inherited!.durationMs;
    expect(own).toBe(1000);
    expect(p.stats.totalDurationMs).toBe(pd.session.durationMs + own);
  });

  it('keeps the reader stats of a pushed session and returns them', async () => {
    const session = await loadSession(join(FIX, 'queued.jsonl'));
    expect((await api.post('/api/v1/sessions', { session })).status).toBe(200);
    const d = SessionDetailResponse.parse((await api.get(`/api/v1/sessions/${session.meta.id}`)).body);
    expect(d.stats?.skippedTypes).toEqual(session.stats!.skippedTypes);
  });

  it('an appended session takes stats and its subagents (spawn order, calls) and exports them in that order', async () => {
    const s = await loadSession(join(FIX, 'parallel', 'd3000000-0000-4000-8000-000000000003.jsonl'));
    const seq = new Map<string, number>();
    const events = [
      ...s.turns.flatMap((turn) => turn.events.map((event) => ({ turnIndex: turn.index, event }))),
      // Stored in the reverse order on purpose: the client's list decides, not the storage order.
      ...[...s.sidechains].reverse().flatMap((sc) => sc.events.map((event) => ({ turnIndex: 0, event }))),
    ].map((it) => {
      const key = it.event.agentId ?? '';
      const n = seq.get(key) ?? 0;
      seq.set(key, n + 1);
      return { seq: n, ...it };
    });
    const res = await api.post(`/api/v1/sessions/${s.meta.id}/events`, {
      events,
      meta: s.meta,
      totals: s.totals,
      stats: { ...s.stats!, malformedLines: 2 },
      sidechains: s.sidechains.map((sc) => ({ agentId: sc.agentId, toolUseId: sc.toolUseId })),
    });
    expect(res.status).toBe(200);
    const d = SessionDetailResponse.parse((await api.get(`/api/v1/sessions/${s.meta.id}`)).body);
    expect(d.stats?.malformedLines).toBe(2);
    const md = (await api.get(`/api/v1/sessions/${s.meta.id}/export?format=md`)).text;
    const a = md.indexOf('spawned by Agent: review API');
    expect(a).toBeGreaterThan(-1);
    expect(md.indexOf('spawned by Agent: review UI')).toBeGreaterThan(a);
    expect(md).toContain('Malformed (not JSON) | 2 lines');
  });
});

describe('issue-10: the session page shows skipped lines', () => {
  let t: WebTracker;
  beforeAll(async () => {
    t = await startWebTracker();
  });
  afterAll(async () => t?.close());

  it('a shared session page lists what the reader skipped and why', async () => {
    const session = await loadSession(join(FIX, 'queued.jsonl'));
    session.stats = { ...session.stats!, malformedLines: 3 };
    const api = client(t.url, t.ownerKey);
    expect((await api.post('/api/v1/sessions', { session, visibility: 'public' })).status).toBe(200);
    const d = SessionDetailResponse.parse((await api.get(`/api/v1/sessions/${session.meta.id}`)).body);
    const html = await (await fetch(`${t.url}/share/${d.session.shareSlug}`)).text();
    expect(html).toContain('Skipped while reading the transcript');
    expect(html).toContain('Malformed (not JSON)');
    expect(html).toContain('3 lines');
    expect(html).toContain('cost-state: 1');
  });

  it("a shared session page shows each subagent's usage against its spawning call", async () => {
    const session = await loadSession(join(FIX, 'parallel', 'd3000000-0000-4000-8000-000000000003.jsonl'));
    expect(session.totals.subagents?.length).toBe(2);
    const api = client(t.url, t.ownerKey);
    expect((await api.post('/api/v1/sessions', { session, visibility: 'public' })).status).toBe(200);
    const d = SessionDetailResponse.parse((await api.get(`/api/v1/sessions/${session.meta.id}`)).body);
    expect(d.session.totals.subagents).toEqual(session.totals.subagents);
    const html = await (await fetch(`${t.url}/share/${d.session.shareSlug}`)).text();
    for (const u of session.totals.subagents!)
      expect(html).toContain(`call ${u.toolUseId} (agent ${u.agentId})`);
  });
});
