// Contract: AgentPipe bridge ingest maps conversations onto sessions, caps content, and publishes live events.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { IngestResponse, SessionDetailResponse } from '../../../src/core/api/index.js';
import type { LiveEvent } from '../../../tracker/services/publisher.js';
import { client, forEachEngine, startTracker, type Client, type TestTracker } from '../helpers/harness.js';

forEachEngine('ingest contract', (engine) => {
  let t: TestTracker;
  let api: Client;
  const published: Array<{ sessionId: string; event: LiveEvent }> = [];
  beforeAll(async () => {
    t = await startTracker(engine, {
      config: {
        limits: {
          bodyBytes: 1 << 20,
          sessionBodyBytes: 8 << 20,
          uploadBodyBytes: 8 << 20,
          ingestContentChars: 1000,
        },
      },
      deps: { events: { publish: (sessionId, event) => published.push({ sessionId, event }) } },
    });
    api = client(t.url, t.ownerKey);
  });
  afterAll(async () => t?.close());

  const ts = (s: number) => new Date(Date.UTC(2026, 4, 1, 12, 0, s)).toISOString();

  it('maps a whole AgentPipe conversation onto a session', async () => {
    const started = await api.post('/api/v1/ingest', {
      type: 'conversation.started',
      timestamp: ts(0),
      data: {
        conversation_id: 'conv-1',
        mode: 'round-robin',
        initial_prompt: 'Design a web scraper',
        agents: [
          { agent_type: 'claude', model: 'claude-sonnet-4', name: 'Claude' },
          { agent_type: 'gemini', name: 'Gemini' },
        ],
        system_info: { os: 'linux' },
      },
    });
    expect(started.status).toBe(201);
    expect(IngestResponse.parse(started.body).results[0]).toEqual({
      type: 'conversation.started',
      sessionId: 'conv-1',
      eventsInserted: 1,
      truncated: false,
    });

    const msg = (n: number, extra: object = {}) => ({
      type: 'message.created',
      timestamp: ts(n),
      data: {
        conversation_id: 'conv-1',
        message_id: `m${n}`,
        agent_type: 'claude',
        agent_name: 'Claude',
        content: `answer ${n}`,
        sequence_number: n,
        turn_number: n,
        tokens_used: 10,
        cost: 0.5,
        ...extra,
      },
    });
    // A batch, as an array; the second delivery of m1 is a no-op.
    const batch = await api.post('/api/v1/ingest', [msg(1), msg(2), msg(1)]);
    expect(batch.status).toBe(201);
    expect(IngestResponse.parse(batch.body).results.map((r) => r.eventsInserted)).toEqual([1, 1, 0]);
    const huge = await api.post('/api/v1/ingest', { events: [msg(3, { content: 'y'.repeat(5000) })] });
    expect(huge.body.results[0].truncated).toBe(true);
    const done = await api.post('/api/v1/ingest', {
      type: 'conversation.completed',
      timestamp: ts(30),
      data: {
        conversation_id: 'conv-1',
        status: 'COMPLETED',
        total_messages: 3,
        total_turns: 3,
        total_cost: 1.5,
        duration_seconds: 30,
      },
    });
    expect(done.status).toBe(201);

    const d = SessionDetailResponse.parse((await api.get('/api/v1/sessions/conv-1')).body);
    expect(d.session).toMatchObject({
      status: 'completed',
      source: 'ingest',
      eventCount: 4,
      title: 'Design a web scraper',
    });
    expect(d.session.models).toEqual(['claude-sonnet-4', 'gemini']);
    expect(d.session.totals).toMatchObject({ messages: 3, turns: 3, costUsd: 1.5, durationMs: 30_000 });
    expect(d.session.totals.tokens.output).toBe(30);
    expect(d.session.startedAt).toBe(ts(0));
    expect(d.session.endedAt).toBe(ts(30));
    const cut = d.events.find((e) => e.event.uuid === 'm3')!;
    expect(cut.truncatedFrom).toBe(5000);
    expect(cut.event.kind === 'text' && cut.event.text).toMatch(
      /^y{1000}\n\[truncated: 5000 characters, 1000 kept\]$/,
    );
    expect(d.events[1]!.event).toMatchObject({ kind: 'text', text: 'answer 1', model: 'Claude' });

    const appended = published.filter((p) => p.sessionId === 'conv-1' && p.event.type === 'events.appended');
    expect(appended.length).toBe(4);
    expect(
      published
        .filter((p) => p.event.type === 'ingest')
        .map((p) => (p.event as { ingestType: string }).ingestType),
    ).toEqual([
      'conversation.started',
      'message.created',
      'message.created',
      'message.created',
      'message.created',
      'conversation.completed',
    ]);
  });

  it('records conversation errors and accepts bridge tests', async () => {
    const r = await api.post('/api/v1/ingest', {
      type: 'conversation.error',
      timestamp: ts(40),
      data: {
        conversation_id: 'conv-2',
        error_message: 'API rate limit exceeded',
        error_type: 'rate_limit_error',
      },
    });
    expect(r.status).toBe(201);
    const d = SessionDetailResponse.parse((await api.get('/api/v1/sessions/conv-2')).body);
    expect(d.session.status).toBe('error');
    expect(d.events[0]!.event).toMatchObject({
      kind: 'system',
      subtype: 'rate_limit_error',
      text: 'API rate limit exceeded',
    });
    const test = await api.post('/api/v1/ingest', {
      type: 'bridge.test',
      timestamp: ts(0),
      data: { message: 'ping' },
    });
    expect(test.body.results[0]).toMatchObject({ type: 'bridge.test', sessionId: null });
  });

  it('refuses malformed events with 400 and details', async () => {
    const bad = [
      { type: 'conversation.started', timestamp: 'yesterday', data: { conversation_id: 'c' } },
      { type: 'message.created', timestamp: ts(1), data: { conversation_id: 'c' } },
      { type: 'conversation.completed', timestamp: ts(1), data: { conversation_id: 'c', status: 'DONE' } },
      { type: 'unknown.kind', timestamp: ts(1), data: {} },
      [],
      { events: [] },
      '"just a string"',
    ];
    for (const body of bad) {
      const r = await api.post('/api/v1/ingest', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe('invalid_request');
      expect(Array.isArray(r.body.error.details), r.text).toBe(true);
    }
  });
});
