// One backoff on the delivery paths: the sender and the live sink wait what the tracker asked (Retry-After), else
// src/client/backoff.ts's full-jitter backoff with their own base and cap; their clients never retry underneath them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTrackerClient } from '../../src/client/index.js';
import { BatonError } from '../../src/core/errors.js';
import { retryWait } from '../../src/capture/delivery/retry-wait.js';
import { LiveSink } from '../../src/capture/delivery/live/sink.js';
import { appendToOutbox } from '../../src/capture/outbox/writer.js';
import { runSender } from '../../src/capture/delivery/sender/run-sender.js';
import type { AppendLiveResponse } from '../../src/core/api/live.js';
import type { SessionEvent } from '../../src/core/model/session.js';
import { json, startFaultServer, type FaultServer, type Reply } from '../helpers/fault-server.js';
import { createTranscriptWriter } from '../helpers/transcript-writer.js';

const down = () => new BatonError('network', 'connect ECONNREFUSED');
const asked = (ms: number) => new BatonError('rate_limited', 'slow down', { details: { retryAfterMs: ms } });

describe('retryWait', () => {
  it('waits exactly what the tracker asked, whatever the attempt', () => {
    expect(retryWait(asked(7000), 0, { baseMs: 500, maxMs: 4000 })).toBe(7000);
    expect(retryWait(asked(0), 9, { baseMs: 500, maxMs: 4000 })).toBe(0);
  });

  it('otherwise backs off with full jitter: caps double from base up to max, never below 10% of the cap', () => {
    const b = { baseMs: 500, maxMs: 4000 };
    expect([0, 1, 2, 3, 4].map((a) => retryWait(down(), a, b, () => 1))).toEqual([
      500, 1000, 2000, 4000, 4000,
    ]);
    expect([0, 1, 2, 3, 4].map((a) => retryWait(down(), a, b, () => 0))).toEqual([50, 100, 200, 400, 400]);
  });
});

describe('LiveSink retries', () => {
  const event = (uuid: string): SessionEvent =>
    ({ uuid, kind: 'text', timestamp: '2026-01-01T00:00:00.000Z', text: 'hi' }) as unknown as SessionEvent;
  const ok = (n: number): AppendLiveResponse => ({ accepted: n, duplicates: 0, lastSeq: n, gaps: [] });

  it('waits out failures with the backoff (caps 200, 400 ms …) and Retry-After, then delivers once', async () => {
    const failures = [down(), down(), asked(1234)];
    let calls = 0;
    const waits: number[] = [];
    const sink = new LiveSink({
      nextSeq: 1,
      append: async (events) => {
        calls++;
        const f = failures.shift();
        if (f) throw f;
        return ok(events.length);
      },
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    sink.push([{ event: event('u1'), turnIndex: 0 }]);
    await sink.flush();
    expect(calls).toBe(4);
    expect(sink.pending).toBe(0);
    expect(waits).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(20);
    expect(waits[0]).toBeLessThanOrEqual(200);
    expect(waits[1]).toBeGreaterThanOrEqual(40);
    expect(waits[1]).toBeLessThanOrEqual(400);
    expect(waits[2]).toBe(1234);
  });
});

describe('sender retries', () => {
  let root: string;
  let server: FaultServer | null = null;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'baton-retry-'));
  });
  afterEach(async () => {
    await server?.close();
    server = null;
    rmSync(root, { recursive: true, force: true });
  });

  const accept: Reply = (req, res) => {
    const body = JSON.parse(req.body) as { events: unknown[] };
    json(200, {
      sessionId: 's',
      projectId: null,
      url: 'http://x/s',
      inserted: body.events.length,
      duplicates: 0,
      eventCount: body.events.length,
    })(req, res, 0);
  };
  const unavailable = json(503, { error: { code: 'internal', message: 'down for a moment' } });

  it('owns its retries: one request per attempt, backoff waits in between, Retry-After on a 503 honoured', async () => {
    const dataDir = join(root, 'data');
    const w = createTranscriptWriter(join(root, 't.jsonl'), 's-retry', join(root, 'p'));
    w.turn();
    appendToOutbox(dataDir, 's-retry', [{ k: 'end' }], { sweep: [{ path: w.path }] });
    server = await startFaultServer([
      unavailable,
      unavailable,
      json(503, { error: { code: 'internal', message: 'maintenance' } }, { 'retry-after': '3' }),
      accept,
    ]);
    // As sender-main makes it: the client tries each request once.
    const client = createTrackerClient({ baseUrl: server.url, apiKey: 'bt_x', maxRetries: 0 });
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    const exit = await runSender({ dataDir, client, idleMs: 0, pollMs: 0, minIntervalMs: 0, sleep });
    expect(exit).toBe('idle');
    expect(server.seen).toHaveLength(4);
    expect(waits).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThanOrEqual(500);
    expect(waits[1]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeLessThanOrEqual(1000);
    expect(waits[2]).toBe(3000);
    await client.close();
  });
});
