// Issue #10: auto-sync attaches each subagent to the Agent call that spawned it, in spawn order, and carries the
// reader's skip counts, so the tracker shows what `baton export` shows. Two parallel Agent calls, answered in
// reverse order, are the case where "which answered which" is otherwise lost.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendToOutbox } from '../../src/capture/outbox/writer.js';
import { runSender } from '../../src/capture/delivery/sender/run-sender.js';
import { subagentTargets } from '../../src/capture/session/end.js';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { Session } from '../../src/core/model/session.js';
import { loadSession } from '../../src/core/transcript/index.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';

const SID = 'd3000000-0000-4000-8000-000000000003';
const FIXTURE = join(import.meta.dirname, '../fixtures/transcripts/issue-10/parallel');

let tracker: WebTracker;
let client: TrackerClient;
let root: string;

beforeAll(async () => {
  tracker = await startWebTracker();
  client = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
  root = mkdtempSync(join(tmpdir(), 'baton-links-'));
});
afterAll(async () => {
  await client?.close();
  await tracker?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('auto-sync of subagents', () => {
  it('links each subagent to its spawning call, in spawn order, with the skip counts, as the local export does', async () => {
    const dir = join(root, 'proj');
    cpSync(FIXTURE, dir, { recursive: true });
    const transcript = join(dir, `${SID}.jsonl`);
    const dataDir = join(root, 'data');
    appendToOutbox(dataDir, SID, [{ k: 'start', cwd: dir }], {
      sweep: [{ path: transcript }, ...subagentTargets(transcript, SID)],
    });
    appendToOutbox(dataDir, SID, [{ k: 'end', reason: 'other' }]);
    await runSender({ dataDir, client, apiKey: tracker.ownerKey, idleMs: 0, pollMs: 10, minIntervalMs: 0 });

    const local = await loadSession(transcript);
    const links = (s: Session) => s.sidechains.map((sc) => [sc.agentId, sc.toolUseId, sc.events.length]);
    expect(local.sidechains.length).toBe(2);
    expect(local.sidechains.every((sc) => sc.toolUseId)).toBe(true);
    const remote = Session.parse(JSON.parse(await client.sessions.export(SID, 'json')));
    expect(links(remote)).toEqual(links(local));
    expect(remote.stats?.records).toBe(local.stats?.records);
    expect(remote.stats?.skippedTypes).toEqual(local.stats?.skippedTypes);
    // Each subagent's usage, attributed to its spawning call, survives the trip.
    expect(local.totals.subagents?.map((u) => u.toolUseId)).toEqual(local.sidechains.map((c) => c.toolUseId));
    expect(remote.totals.subagents).toEqual(local.totals.subagents);
  });
});
