// Fault: the API key is revoked mid-session. The real hook (dist/hook.cjs) keeps capturing locally, the user sees one
// clear message once, and with a new key the real sender (dist/sender.cjs) delivers everything, nothing lost.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopSender } from '../helpers/sender-proc.js';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { senderPaths } from '../../src/capture/delivery/sender/paths.js';
import { createTranscriptWriter } from '../helpers/transcript-writer.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { hookEnv, requireBuiltHook, runHookSync } from './hook-harness.js';

const SID = 'revoked-key-session';
let tracker: WebTracker;
let owner: TrackerClient;
let root: string;

beforeAll(async () => {
  requireBuiltHook();
  tracker = await startWebTracker();
  owner = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
  root = mkdtempSync(join(tmpdir(), 'baton-revoke-'));
  mkdirSync(join(root, 'tmp'));
});
afterAll(async () => {
  if (root) await stopSender(join(root, 'data'));
  await owner?.close();
  await tracker?.close();
  // A hook's detached sender may still be writing its log as it exits: retry on ENOTEMPTY.
  rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false>,
  ms = 20_000,
): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
    const v = await fn();
    if (v) return v;
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('fault: API key revoked mid-session', () => {
  it('keeps capturing, tells the user once, and loses nothing once a new key is set', async () => {
    const k1 = await owner.account.keys.create({ name: 'first key' });
    const dataDir = join(root, 'data');
    const w = createTranscriptWriter(join(root, 'projects', `${SID}.jsonl`), SID, join(root, 'proj'));
    const base = hookEnv(root, {
      BATON_URL: tracker.url,
      BATON_CONFIG: join(root, 'none.json'),
      BATON_SENDER_IDLE_MS: '1500',
      BATON_SENDER_MIN_INTERVAL_MS: '50',
    });
    const stop = (key: string) =>
      runHookSync(
        'Stop',
        { session_id: SID, transcript_path: w.path, cwd: join(root, 'proj'), hook_event_name: 'Stop' },
        { ...base, BATON_API_KEY: key },
      );
    const stored = async () =>
      (await owner.sessions.get(SID, { limit: 0 }).catch(() => null))?.session.eventCount ?? 0;

    w.turn('turn one');
    expect(stop(k1.rawKey)).toEqual({ status: 0, stdout: '', stderr: '' });
    await until('turn one on the tracker', async () => (await stored()) === 4);

    await owner.account.keys.revoke(k1.key.id);
    w.turn('turn two');
    expect(stop(k1.rawKey).stdout).toBe('');
    await until('the sender to report the rejected key', async () =>
      existsSync(senderPaths(dataDir).authError),
    );

    const messages: string[] = [];
    for (const text of ['turn three', 'turn four', 'turn five']) {
      w.turn(text);
      const r = stop(k1.rawKey);
      expect(r.status).toBe(0);
      if (r.stdout) messages.push(JSON.parse(r.stdout).systemMessage as string);
    }
    expect(messages).toEqual([
      `Baton: API key revoked — create a new one at ${tracker.url}/settings, then run \`baton login\`. Sessions are still saved locally and upload once a working key is set.`,
    ]);
    // Capture never stopped: the outbox holds every turn.
    const outbox = readFileSync(join(dataDir, 'outbox', `${SID}.jsonl`), 'utf8');
    for (const text of ['turn one', 'turn two', 'turn three', 'turn four', 'turn five'])
      expect(outbox).toContain(text);
    expect(await stored()).toBe(4);

    const k2 = await owner.account.keys.create({ name: 'second key' });
    w.turn('turn six');
    expect(stop(k2.rawKey)).toEqual({ status: 0, stdout: '', stderr: '' });
    runHookSync(
      'SessionEnd',
      { session_id: SID, transcript_path: w.path, hook_event_name: 'SessionEnd', reason: 'other' },
      { ...base, BATON_API_KEY: k2.rawKey },
    );
    await until('everything on the tracker', async () => {
      const d = await owner.sessions.get(SID, { limit: 100 }).catch(() => null);
      return d && d.session.eventCount === 24 && d.session.status === 'completed' ? d : null;
    });
    const events = (await owner.sessions.get(SID, { limit: 100 })).events;
    expect(new Set(events.map((e) => e.event.uuid)).size).toBe(24);
  }, 60_000);
});
