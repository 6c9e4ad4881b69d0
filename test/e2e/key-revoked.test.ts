// E2E fault: the API key is revoked in the middle of a real `claude -p` session. Capture goes on locally, the user
// sees one clear message (a hook systemMessage), and once a new key is configured everything reaches the tracker.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { senderPaths } from '../../src/capture/delivery/sender/paths.js';
import { loadSession } from '../../src/core/transcript/index.js';
import { startTrackerProcess, type TrackerProcess } from '../helpers/tracker-process.js';
import { nonce } from './helpers/assertions.js';
import { stopDetached } from './helpers/stop-detached.js';
import { startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import {
  createSandbox,
  findTranscript,
  runClaudeOk,
  type ClaudeOkRun,
  type ClaudeSandbox,
} from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';

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

/** The systemMessage lines the plugin's hooks printed during one stream-json run. */
function systemMessages(run: ClaudeOkRun): string[] {
  return run.messages.flatMap((m) => {
    if (
      m.type !== 'system' ||
      m.subtype !== 'hook_response' ||
      typeof m.stdout !== 'string' ||
      !m.stdout.trim()
    )
      return [];
    try {
      const out = JSON.parse(m.stdout) as { systemMessage?: string };
      return out.systemMessage ? [out.systemMessage] : [];
    } catch {
      return [];
    }
  });
}

describeClaude('e2e fault: API key revoked mid-session', () => {
  let fake: FakeAnthropic;
  let tracker: TrackerProcess;
  let owner: TrackerClient;
  let sb: ClaudeSandbox;
  let trackerRoot: ClaudeSandbox;

  beforeAll(async () => {
    requireDist('hook.cjs', 'sender.cjs', 'cli.js', 'tracker.js');
    fake = await startFakeAnthropic();
    trackerRoot = createSandbox('baton-e2e-revoke-tracker-');
    tracker = await startTrackerProcess({
      db: join(trackerRoot.root, 'tracker.db'),
      env: { BATON_TRACKER_DEFAULT_RATE: '0' },
    });
    owner = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
    sb = createSandbox('baton-e2e-revoke-');
  });
  afterAll(async () => {
    // Detached helpers first (a sender the last SessionEnd started may still be booting), and the tracker is
    // stopped even when a cleanup step throws: before, ENOTEMPTY here left a tracker process running.
    try {
      if (sb) await stopDetached(sb.dataDir);
      sb?.cleanup();
    } finally {
      await owner?.close();
      await tracker?.stop();
      trackerRoot?.cleanup();
      await fake?.close();
    }
  });

  it('keeps capturing, says so once, and delivers everything with a new key', async () => {
    const tag = nonce();
    const k1 = await owner.account.keys.create({ name: 'e2e first key' });
    const run = (prompt: string, key: string, resume?: string) =>
      runClaudeOk({
        bin: claudeBin,
        sandbox: sb,
        fake,
        prompt,
        resume,
        outputFormat: 'stream-json',
        env: { BATON_URL: tracker.url, BATON_API_KEY: key, BATON_SENDER_IDLE_MS: '1500' },
      });

    const first = await run(`turn one ${tag}`, k1.rawKey);
    const sid = first.sessionId;
    await until(
      'turn one on the tracker',
      async () => (await owner.sessions.get(sid, { limit: 0 }).catch(() => null))?.session.eventCount,
    );

    await owner.account.keys.revoke(k1.key.id);
    const runs = [await run(`turn two ${tag}`, k1.rawKey, sid)];
    await until('the sender to record the rejected key', async () =>
      existsSync(senderPaths(sb.dataDir).authError),
    );
    runs.push(await run(`turn three ${tag}`, k1.rawKey, sid), await run(`turn four ${tag}`, k1.rawKey, sid));
    const messages = runs.flatMap(systemMessages).filter((m) => m.includes('API key'));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('API key revoked');
    expect(messages[0]).toContain(`${tracker.url}/settings`);

    // Capture never stopped: the outbox holds every prompt.
    const outbox = readFileSync(join(sb.dataDir, 'outbox', `${sid}.jsonl`), 'utf8');
    for (const t of ['one', 'two', 'three', 'four']) expect(outbox).toContain(`turn ${t} ${tag}`);

    const k2 = await owner.account.keys.create({ name: 'e2e second key' });
    await run(`turn five ${tag}`, k2.rawKey, sid);
    const transcript = findTranscript(sb.configDir, sid)!;
    const local = await loadSession(transcript);
    const total = local.turns.reduce((n, t) => n + t.events.length, 0);
    const stored = await until('every event on the tracker', async () => {
      const d = await owner.sessions.get(sid, { limit: 1000 }).catch(() => null);
      return d && d.session.eventCount === total ? d : null;
    });
    expect(new Set(stored.events.map((e) => e.event.uuid)).size).toBe(total);
    const prompts = stored.events
      .filter((e) => e.event.kind === 'prompt')
      .map((e) => (e.event as { text: string }).text);
    expect(prompts).toEqual(['one', 'two', 'three', 'four', 'five'].map((t) => `turn ${t} ${tag}`));
  }, 180_000);
});
