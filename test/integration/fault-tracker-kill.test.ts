// Fault: the tracker is SIGKILLed ten times at random points while a 2,000-event session streams through the real
// hook-side outbox and the real detached sender (dist/sender.cjs). Afterwards every event is stored exactly once.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopSender } from '../helpers/sender-proc.js';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { appendToOutbox } from '../../src/capture/outbox/writer.js';
import { kickSender } from '../../src/capture/delivery/sender/kick.js';
import { lockHolderPid } from '../../src/capture/session/lock.js';
import { senderPaths } from '../../src/capture/delivery/sender/paths.js';
import { createTranscriptWriter } from '../helpers/transcript-writer.js';
import { CLI, startTrackerProcess, type TrackerProcess } from '../helpers/tracker-process.js';

const SID = 'kill-test-session';
let root: string;
let tracker: TrackerProcess;
let client: TrackerClient;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'baton-kill-'));
  tracker = await startTrackerProcess({ db: join(root, 'tracker.db') });
  client = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey, maxRetries: 5 });
});
afterAll(async () => {
  await client?.close();
  await tracker?.stop();
  await stopSender(join(root, 'data'));
  rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A seeded PRNG: the kill points are random but reproducible from the printed seed. */
function rng(seed: number) {
  return () => (seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

describe('fault: tracker SIGKILLed ten times during a 2,000-event session', () => {
  it('ends with every event on the tracker exactly once', async () => {
    const seed = Number(process.env.BATON_FAULT_SEED ?? Date.now() % 1_000_000);
    console.log(`fault-tracker-kill seed=${seed}`);
    const random = rng(seed);
    const dataDir = join(root, 'data');
    const env = {
      HOME: root,
      BATON_DATA_DIR: dataDir,
      BATON_URL: tracker.url,
      BATON_API_KEY: tracker.ownerKey,
      BATON_CONFIG: join(root, 'none.json'),
      BATON_SENDER_MIN_INTERVAL_MS: '100',
      BATON_SENDER_RETRY_MAX_MS: '1000',
      BATON_SENDER_IDLE_MS: '3000',
    };
    const hookScript = join(CLI, '..', 'hook.cjs');
    const w = createTranscriptWriter(join(root, 'projects', `${SID}.jsonl`), SID, join(root, 'proj'));
    appendToOutbox(dataDir, SID, [{ k: 'start', cwd: join(root, 'proj') }], {});
    const turns = 500;
    const killAt = new Set<number>();
    while (killAt.size < 10) killAt.add(1 + Math.floor(random() * (turns - 2)));
    const expected: string[] = [];
    let kills = 0;
    let senderKills = 0;
    for (let i = 0; i < turns; i++) {
      expected.push(...w.turn());
      // A Stop hook every few turns: copy the new transcript lines, then make sure a sender runs.
      if (i % 5 === 4 || killAt.has(i)) {
        appendToOutbox(dataDir, SID, [{ k: 'stop' }], { sweep: [{ path: w.path }] });
        await kickSender({ hookScript, env, dataDir });
      }
      if (killAt.has(i)) {
        await sleep(random() * 400); // somewhere in the middle of a request, or between two
        await tracker.kill();
        kills++;
        await sleep(100 + random() * 900);
        await tracker.start();
      }
      // The sender itself dies twice too: the next hook restarts it from its acknowledged position.
      if (i === 150 || i === 350) {
        const pid = lockHolderPid(senderPaths(dataDir).lock);
        if (pid) {
          process.kill(pid, 'SIGKILL');
          senderKills++;
        }
      }
      if (i % 25 === 0) await sleep(20);
    }
    appendToOutbox(dataDir, SID, [{ k: 'end', reason: 'other' }], { sweep: [{ path: w.path }] });
    await kickSender({ hookScript, env, dataDir });
    expect(kills).toBe(10);
    expect(expected.length).toBe(2000);

    // Wait (bounded) for the sender to finish, restarting it the way the next hook would if it died.
    const deadline = Date.now() + 90_000;
    let count = -1;
    let status = '';
    while (Date.now() < deadline) {
      const d = await client.sessions.get(SID, { limit: 0 }).catch(() => null);
      count = d?.session.eventCount ?? -1;
      status = d?.session.status ?? '';
      if (count === 2000 && status === 'completed') break;
      await kickSender({ hookScript, env, dataDir });
      await sleep(500);
    }
    expect({ count, status }).toEqual({ count: 2000, status: 'completed' });
    const uuids: string[] = [];
    for (let offset = 0; ;) {
      const page = await client.sessions.get(SID, { offset, limit: 5000 });
      uuids.push(...page.events.map((e) => e.event.uuid));
      if (page.eventsPage.nextOffset === null) break;
      offset = page.eventsPage.nextOffset;
    }
    expect(uuids.length).toBe(2000);
    expect(new Set(uuids).size).toBe(2000);
    expect([...uuids].sort()).toEqual([...expected].sort());
    // The outages were real for the sender: it logged failed deliveries and kept going.
    const log = readFileSync(senderPaths(dataDir).log, 'utf8');
    expect(log).toContain('tracker unreachable');
    console.log(
      `sender runs: ${log.split('\n').filter((l) => l.includes('"msg":"start"')).length}, sender kills: ${senderKills}`,
    );
  }, 240_000);
});
