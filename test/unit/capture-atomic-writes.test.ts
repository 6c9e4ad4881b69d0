// Every state file capture and sync write goes through writeFileAtomic: whole or absent for a reader, 0600 in a
// 0700 directory created on demand, and no temp file left behind.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ackPath, senderPaths } from '../../src/capture/delivery/sender/paths.js';
import { emptyAck, readAck, writeAck } from '../../src/capture/delivery/sender/ack.js';
import { readStatus, writeStatus } from '../../src/capture/delivery/sender/status.js';
import { writeRelayProgress } from '../../src/capture/delivery/live/relay-progress.js';
import {
  currentSessionPath,
  readCurrentSession,
  writeCurrentSession,
} from '../../src/capture/session/current-session.js';
import { listSpills, spillDir, writeSpill } from '../../src/capture/outbox/spill.js';
import { loadSyncState, saveSyncState, syncStatePath } from '../../src/cli/sync/sync-state.js';

let dataDir: string;
beforeEach(() => {
  dataDir = join(mkdtempSync(join(tmpdir(), 'baton-atomic-')), 'data');
});
afterEach(() => rmSync(dirname(dataDir), { recursive: true, force: true }));

function expectPrivateAndClean(path: string): void {
  expect(statSync(path).mode & 0o777).toBe(0o600);
  expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
  expect(readdirSync(dirname(path)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
}

describe('capture state files are written atomically', () => {
  it('sender ack and status', () => {
    writeAck(dataDir, 's1', { ...emptyAck(), seq: 7 });
    writeAck(dataDir, 's1', { ...emptyAck(), seq: 9 });
    expect(readAck(dataDir, 's1').seq).toBe(9);
    expectPrivateAndClean(ackPath(dataDir, 's1'));
    writeStatus(dataDir, { state: 'idle', pid: 1, startedAt: 'x', updatedAt: 'y', delivered: 3, pending: 0 });
    expect(readStatus(dataDir)?.delivered).toBe(3);
    expectPrivateAndClean(senderPaths(dataDir).status);
  });

  it('relay progress and the current-session pointer', () => {
    const progress = join(dataDir, 'live', 's1', 'progress.json');
    const p = {
      v: 1,
      liveId: 'l1',
      transcriptPath: '/t',
      transcript: {},
      outboxByte: 5,
      inboxByte: 0,
      nextSeq: 2,
    };
    writeRelayProgress(progress, p as Parameters<typeof writeRelayProgress>[1]);
    expect((JSON.parse(readFileSync(progress, 'utf8')) as { outboxByte: number }).outboxByte).toBe(5);
    expectPrivateAndClean(progress);
    writeCurrentSession(dataDir, 4242, { sessionId: 's1', at: '2026-01-01T00:00:00.000Z' });
    expect(readCurrentSession(dataDir, 4242)?.sessionId).toBe('s1');
    expectPrivateAndClean(currentSessionPath(dataDir, 4242));
  });

  it('spill files (the reader lists only complete ones) and the sync state', () => {
    const name = writeSpill(dataDir, 's1', [{ k: 'prompt', prompt: 'hi' }] as never, [], new Date());
    expect(listSpills(dataDir, 's1')).toEqual([name]);
    expectPrivateAndClean(join(spillDir(dataDir), name));
    saveSyncState(dataDir, { v: 1, url: 'http://t', sessions: {} });
    expect(loadSyncState(dataDir, 'http://t').url).toBe('http://t');
    expect(statSync(syncStatePath(dataDir)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dirname(syncStatePath(dataDir))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
