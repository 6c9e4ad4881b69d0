// The sender under a rate limit: a 429 with Retry-After makes it wait that long, then send everything pending in one
// coalesced request; nothing is lost or sent twice. Real HTTP server; waits are recorded, not slept.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTrackerClient } from '../../src/client/index.js';
import { appendToOutbox } from '../../src/capture/outbox/writer.js';
import { readAck } from '../../src/capture/delivery/sender/ack.js';
import { runSender } from '../../src/capture/delivery/sender/run-sender.js';
import { json, startFaultServer, type FaultServer, type Reply } from '../helpers/fault-server.js';
import { createTranscriptWriter } from '../helpers/transcript-writer.js';

let root: string;
let server: FaultServer | null = null;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'baton-rl-'));
});
afterEach(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Accepts an append and answers like the tracker would. */
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

describe('sender and the rate limit', () => {
  it('waits for Retry-After, then coalesces everything pending into one request', async () => {
    const dataDir = join(root, 'data');
    const w = createTranscriptWriter(join(root, 't.jsonl'), 's-rl', join(root, 'p'));
    w.turn();
    appendToOutbox(dataDir, 's-rl', [], { sweep: [{ path: w.path }] });
    server = await startFaultServer([
      json(
        429,
        { error: { code: 'rate_limited', message: 'rate limit of 60 requests per minute exceeded' } },
        { 'retry-after': '7' },
      ),
      accept,
    ]);
    const client = createTrackerClient({
      baseUrl: server.url,
      apiKey: 'bt_x',
      maxRetries: 1,
      maxRetryAfterMs: 0,
    });
    const waits: number[] = [];
    // While the sender "waits", the session goes on: 9 more turns arrive.
    const sleep = async (ms: number) => {
      waits.push(ms);
      if (waits.length === 1) {
        for (let i = 0; i < 9; i++) w.turn();
        appendToOutbox(dataDir, 's-rl', [{ k: 'end' }], { sweep: [{ path: w.path }] });
      }
    };
    const exit = await runSender({ dataDir, client, idleMs: 0, pollMs: 0, minIntervalMs: 0, sleep });
    expect(exit).toBe('idle');
    expect(waits[0]).toBe(7000);
    const appends = server.seen.map(
      (r) => JSON.parse(r.body) as { events: Array<{ event: { uuid: string } }>; status: string },
    );
    expect(appends.map((a) => a.events.length)).toEqual([4, 40]);
    expect(appends[1]!.status).toBe('completed');
    expect(new Set(appends[1]!.events.map((e) => e.event.uuid)).size).toBe(40);
    expect(readAck(dataDir, 's-rl').events).toBe(40);
    await client.close();
  });
});
