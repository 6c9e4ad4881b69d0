// E2E: real `claude -p` sessions with the plugin and a real tracker process: auto-sync at session end, and a tracker
// that is down for the whole session and started afterwards (everything arrives within 10 s, no user action).
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stopSender } from '../helpers/sender-proc.js';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { projectSlug as trackerProjectSlug } from '../../src/core/api/index.js';
import { loadSession } from '../../src/core/transcript/index.js';
import { lockHolderPid } from '../../src/capture/session/lock.js';
import { senderPaths } from '../../src/capture/delivery/sender/paths.js';
import { startTrackerProcess, type TrackerProcess } from '../helpers/tracker-process.js';
import { nonce } from './helpers/assertions.js';
import { startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import { createSandbox, findTranscript, runClaudeOk, type ClaudeSandbox } from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeClaude('e2e: sessions reach the tracker by themselves', () => {
  let fake: FakeAnthropic;
  let tracker: TrackerProcess;
  let client: TrackerClient;
  const sandboxes: ClaudeSandbox[] = [];
  let trackerRoot: ClaudeSandbox;

  beforeAll(async () => {
    requireDist('hook.cjs', 'sender.cjs', 'cli.js', 'tracker.js');
    fake = await startFakeAnthropic();
    trackerRoot = createSandbox('baton-e2e-tracker-');
    tracker = await startTrackerProcess({
      db: join(trackerRoot.root, 'tracker.db'),
      env: { BATON_TRACKER_DEFAULT_RATE: '0' },
    });
    client = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
  });
  afterAll(async () => {
    for (const sb of sandboxes) {
      await stopSender(sb.dataDir);
      sb.cleanup();
    }
    await client?.close();
    await tracker?.stop();
    trackerRoot?.cleanup();
    await fake?.close();
  });

  /** Two turns (one with a Bash call) in one session, with the plugin and the tracker configured. */
  async function session(sb: ClaudeSandbox, tag: string): Promise<{ sessionId: string; events: number }> {
    const env = { BATON_URL: tracker.url, BATON_API_KEY: tracker.ownerKey };
    const first = await runClaudeOk({
      bin: claudeBin,
      sandbox: sb,
      fake,
      prompt: `RUN_BASH: echo ${tag}`,
      env,
    });
    await runClaudeOk({
      bin: claudeBin,
      sandbox: sb,
      fake,
      prompt: `second prompt ${tag}`,
      resume: first.sessionId,
      env,
    });
    const transcript = findTranscript(sb.configDir, first.sessionId)!;
    const s = await loadSession(transcript);
    const events =
      s.turns.reduce((n, t) => n + t.events.length, 0) +
      s.sidechains.reduce((n, c) => n + c.events.length, 0);
    return { sessionId: first.sessionId, events };
  }

  async function arrived(sessionId: string, events: number, ms: number) {
    const end = Date.now() + ms;
    for (;;) {
      const d = await client.sessions.get(sessionId, { limit: 1000 }).catch(() => null);
      if (d && d.session.eventCount === events && d.session.status === 'completed') return d;
      if (Date.now() > end) return d;
      await sleep(100);
    }
  }

  it('auto-syncs a finished session with its summary and moves the project pointer', async () => {
    const sb = createSandbox();
    sandboxes.push(sb);
    const tag = nonce();
    const { sessionId, events } = await session(sb, tag);
    const d = await arrived(sessionId, events, 20_000);
    expect(d?.session.eventCount).toBe(events);
    expect(d?.session.status).toBe('completed');
    expect(d?.meta.firstPrompt).toBe(`RUN_BASH: echo ${tag}`);
    expect(d?.session.totals.tools).toMatchObject({ Bash: 1 });
    expect(d?.session.totals.tokens.output).toBeGreaterThan(0);
    expect(d?.session.durationMs).toBeGreaterThan(0);
    expect(new Set(d!.events.map((e) => e.event.uuid)).size).toBe(events);
    const slug = trackerProjectSlug({ cwd: sb.projectDir })!;
    expect((await client.projects.resume(slug)).sessionId).toBe(sessionId);
  }, 180_000);

  it('/baton:export-session --push publishes the current session and hands the model its URL', async () => {
    const sb = createSandbox();
    sandboxes.push(sb);
    const env = { BATON_URL: tracker.url, BATON_API_KEY: tracker.ownerKey };
    const first = await runClaudeOk({
      bin: claudeBin,
      sandbox: sb,
      fake,
      prompt: `RUN_BASH: echo ${nonce()}`,
      env,
    });
    await runClaudeOk({
      bin: claudeBin,
      sandbox: sb,
      fake,
      prompt: '/baton:export-session --push --visibility unlisted --title "E2E push"',
      resume: first.sessionId,
      env,
    });
    const last = fake.requests.filter((r) => r.path === '/v1/messages').at(-1);
    const m = /^BATON_PUSH_OK: Pushed session (\S+) \((\d+) events\) to (http\S+)/m.exec(
      last?.lastUserText ?? '',
    );
    expect(m, last?.lastUserText).not.toBeNull();
    expect(m![1]).toBe(first.sessionId);
    const postUrl = m![3]!;
    expect(postUrl.startsWith(tracker.url)).toBe(true);
    // The URL is a real page: unlisted means it opens without a key.
    expect((await fetch(postUrl)).status).toBe(200);
    const posts = await client.posts.list();
    expect(posts.posts.find((p) => p.title === 'E2E push')?.sessionIds).toEqual([first.sessionId]);
  }, 180_000);

  it('delivers a session recorded while the tracker was down within 10 s of it coming up', async () => {
    const sb = createSandbox();
    sandboxes.push(sb);
    await tracker.stop();
    const { sessionId, events } = await session(sb, nonce());
    // The session is over and nothing reached the (stopped) tracker; the sender is still retrying in the background.
    expect(lockHolderPid(senderPaths(sb.dataDir).lock)).not.toBeNull();
    await tracker.start();
    const up = Date.now();
    const d = await arrived(sessionId, events, 10_000);
    const took = Date.now() - up;
    expect(d?.session.eventCount).toBe(events);
    expect(d?.session.status).toBe('completed');
    expect(took).toBeLessThanOrEqual(10_000);
    console.log(`tracker-down session: ${events} events arrived ${took} ms after the tracker came up`);
  }, 180_000);
});
