// E2E (issue #9): live on, capture paused, a secret prompt, capture resumed, session ended: no trace of the paused span anywhere.
// The bug it pins: with live mode on, a prompt typed while paused (and its answer) showed on the /share/… post that
// the stream became after a plain exit. Every outbound path must drop it: live relay, live finalize, auto-sync, export.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { lockHolderPid } from '../../src/capture/session/lock.js';
import { outboxPaths } from '../../src/capture/outbox/paths.js';
import { ackPath, senderPaths } from '../../src/capture/delivery/sender/paths.js';
import { livePaths } from '../../src/capture/delivery/live/paths.js';
import { readEndedState, type LiveState } from '../../src/capture/delivery/live/state.js';
import { fake as fakeSecret, mix, upper } from '../helpers/fake-secrets.js';
import { stopSender } from '../helpers/sender-proc.js';
import { openSse, type SseConnection } from '../helpers/sse-client.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { nonce } from './helpers/assertions.js';
import { startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import {
  createSandbox,
  runBatonCli,
  runClaudeOk,
  transcriptFor,
  type ClaudeSandbox,
} from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Each -p run ends with SessionEnd(other): the stream waits this long for the next --resume before it is kept. */
const END_GRACE_MS = 40_000;

async function until<T>(
  what: string,
  ms: number,
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(250);
  }
}

describeClaude('e2e: a span paused during a live session leaves no trace anywhere (issue #9)', () => {
  const n = nonce();
  const PAUSED = 'PAUSED-7d1e';
  const AFTER = 'AFTER-9c2b';
  const pausedMarker = `${PAUSED}-${n}`;
  const afterMarker = `${AFTER}-${n}`;
  // Secret-shaped strings built at run time (see fake-secrets.ts): a GitHub token and an AWS key pair.
  const ghToken = fakeSecret('ghp_', 36, 3);
  const awsKeyId = `AKIA${upper(16, 5)}`;
  const awsSecret = `${mix(20, 11)}/${mix(19, 13)}`;
  const secrets = { ghToken, awsKeyId, awsSecret };
  /** What must not appear in any output: the marker stem (any suffix) and every secret. */
  const forbidden = [PAUSED, ghToken, awsKeyId, awsSecret];

  let fake: FakeAnthropic;
  let sb: ClaudeSandbox;
  let tracker: WebTracker;
  let sse: SseConnection | null = null;
  let sessionId = '';
  let viewUrl = '';
  let ended: LiveState;
  const outputs = new Map<string, string>();

  const auth = () => ({ authorization: `Bearer ${tracker.ownerKey}` });
  async function get(path: string, withKey = true): Promise<string> {
    const url = path.startsWith('http') ? path : `${tracker.url}${path}`;
    const res = await fetch(url, { headers: withKey ? auth() : {} });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`GET ${url} → ${res.status}: ${text.slice(0, 500)}`);
    return text;
  }
  /** A completed stream replays its whole history to a late viewer, then `end`, then the server closes. */
  async function replay(url: string, headers: Record<string, string> = {}): Promise<string> {
    const c = openSse(url, { headers });
    try {
      expect(await c.status, url).toBe(200);
      await c.waitFor((m) => m.event === 'end', 30_000);
      return c.body();
    } finally {
      c.close();
    }
  }

  beforeAll(async () => {
    requireDist('hook.cjs', 'cli.js', 'live-relay.cjs', 'sender.cjs');
    tracker = await startWebTracker();
    fake = await startFakeAnthropic();
    sb = createSandbox('baton-e2e-pause-live-');
    const env = {
      BATON_URL: tracker.url,
      BATON_API_KEY: tracker.ownerKey,
      BATON_LIVE_END_GRACE_MS: String(END_GRACE_MS),
    };
    const base = { bin: claudeBin, sandbox: sb, fake, env, timeoutMs: 180_000 };
    const lastCommandOutput = (re: RegExp) =>
      fake.requests
        .filter((r) => r.path === '/v1/messages')
        .map((r) => r.lastUserText ?? '')
        .reverse()
        .find((t) => re.test(t)) ?? '';

    // 1. A normal first prompt, then live mode on from inside the session.
    const first = await runClaudeOk({ ...base, prompt: `BEFORE-${n} first prompt, nothing secret` });
    sessionId = first.sessionId;
    await runClaudeOk({
      ...base,
      prompt: '/baton:export-session --live',
      resume: sessionId,
      allowedTools: [],
    });
    const live = /^BATON_LIVE_OK: Live at (\S+) /m.exec(lastCommandOutput(/^BATON_LIVE_OK: /m));
    if (!live)
      throw new Error(
        `no viewer URL in the --live output:\n${fake.requests
          .map((r) => r.lastUserText)
          .join('\n---\n')
          .slice(0, 3000)}`,
      );
    viewUrl = live[1]!;
    sse = openSse(`${viewUrl}/events`);
    expect(await sse.status).toBe(200);

    // 2. Pause capture.
    await runClaudeOk({
      ...base,
      prompt: '/baton:export-session --pause',
      resume: sessionId,
      allowedTools: [],
    });
    expect(lastCommandOutput(/^BATON_CAPTURE_OK: /m)).toMatch(/^BATON_CAPTURE_OK: capture is paused/m);

    // 3. While paused: a tool call whose command, output and answer hold the marker and the secrets, then a plain
    //    prompt the fake model echoes back (ECHO: …) with the marker and a token in it.
    await runClaudeOk({
      ...base,
      prompt: `RUN_BASH: echo ${pausedMarker}-tool GITHUB_TOKEN=${ghToken} AWS_ACCESS_KEY_ID=${awsKeyId} AWS_SECRET_ACCESS_KEY='${awsSecret}'`,
      resume: sessionId,
    });
    await runClaudeOk({
      ...base,
      prompt: `${pausedMarker}-echo my deploy token is ${ghToken} and aws_secret_access_key=${awsSecret}`,
      resume: sessionId,
    });

    // 4. Resume capture.
    await runClaudeOk({
      ...base,
      prompt: '/baton:export-session --resume-capture',
      resume: sessionId,
      allowedTools: [],
    });
    expect(lastCommandOutput(/^BATON_CAPTURE_OK: /m)).toMatch(/^BATON_CAPTURE_OK: capture resumed/m);

    // 5. A normal prompt with a tool call after resuming: this one must show everywhere (the checks are not vacuous).
    await runClaudeOk({ ...base, prompt: `RUN_BASH: echo ${afterMarker}`, resume: sessionId });

    // 6. The run ends (SessionEnd reason "other", as a plain exit after a -p run): after the grace the relay keeps
    //    the stream as a post, then kicks the sender, which auto-syncs the rest of the session.
    const dataDir = sb.dataDir;
    ended = await until('the live stream to be finalised', END_GRACE_MS + 180_000, () => {
      const s = readEndedState(dataDir, sessionId);
      return s?.outcome ? s : null;
    });
    await until(
      'the live relay to exit',
      60_000,
      () => lockHolderPid(livePaths(dataDir, sessionId).relayLock) === null,
    );
    const outbox = outboxPaths(dataDir, sessionId).outbox;
    await until('the sender to deliver the whole session', 120_000, () => {
      try {
        const ack = JSON.parse(readFileSync(ackPath(dataDir, sessionId), 'utf8')) as { doneBytes?: number };
        return ack.doneBytes === statSync(outbox).size;
      } catch {
        return false;
      }
    });
    await until(
      'the sender to go idle and exit',
      120_000,
      () => lockHolderPid(senderPaths(dataDir).lock) === null,
    );
    await sse.waitFor((m) => m.event === 'end', 30_000);

    // 7. Everything the outside world (or a later export) can see of this session.
    const detail = await get(`/api/v1/sessions/${encodeURIComponent(sessionId)}?limit=5000`);
    outputs.set('tracker session API', detail);
    const shareSlug = (JSON.parse(detail) as { session: { shareSlug: string | null } }).session.shareSlug;
    outputs.set(
      'tracker export md',
      await get(`/api/v1/sessions/${encodeURIComponent(sessionId)}/export?format=md`),
    );
    outputs.set(
      'tracker export html',
      await get(`/api/v1/sessions/${encodeURIComponent(sessionId)}/export?format=html`),
    );
    if (ended.postUrl) outputs.set('post page (live finalize)', await get(ended.postUrl, false));
    if (shareSlug) {
      outputs.set('session share page', await get(`/share/${shareSlug}`, false));
      outputs.set('share export md', await get(`/api/v1/share/${shareSlug}/export?format=md`, false));
    }
    outputs.set('live SSE (watched while streaming)', sse.body());
    outputs.set('live SSE replay (viewer URL)', await replay(`${viewUrl}/events`));
    outputs.set(
      'live SSE replay (owner API)',
      await replay(`${tracker.url}/api/v1/live/${ended.liveId}/events`, auth()),
    );
    const exported = await runBatonCli(sb, ['export', sessionId, '--format', 'md', '--out', '-'], { env });
    if (exported.exitCode !== 0)
      throw new Error(`baton export failed (${exported.exitCode}): ${exported.stderr}`);
    outputs.set('local baton export md', exported.stdout);
    // Raw database bytes, WAL included (recent writes live there until a checkpoint).
    const dbFiles = readdirSync(tracker.dir).filter((f) => f.startsWith('tracker.db'));
    outputs.set(
      'tracker SQLite files',
      dbFiles.map((f) => readFileSync(join(tracker.dir, f)).toString('latin1')).join('\n'),
    );
  }, 900_000);

  afterAll(async () => {
    sse?.close();
    if (sb) {
      // Detached helpers first (by their lock's pid), so nothing writes into the sandbox while it is removed.
      const relayPid = lockHolderPid(livePaths(sb.dataDir, sessionId || 'none').relayLock);
      if (relayPid) process.kill(relayPid, 'SIGTERM');
      await stopSender(sb.dataDir);
      if (relayPid)
        for (let i = 0; i < 50 && lockHolderPid(livePaths(sb.dataDir, sessionId).relayLock); i++)
          await sleep(100);
    }
    await fake?.close();
    await tracker?.close();
    sb?.cleanup();
  });

  it('the scenario really happened: the transcript holds the paused span, and the stream was kept as a post', () => {
    const transcript = readFileSync(transcriptFor(sb, sessionId), 'utf8');
    for (const s of [
      `${pausedMarker}-tool`,
      `${pausedMarker}-echo`,
      `BASH_DONE: ${pausedMarker}-tool`,
      `ECHO: ${pausedMarker}-echo`,
      ...Object.values(secrets),
      `BASH_DONE: ${afterMarker}`,
    ])
      expect(transcript, s).toContain(s);
    expect(ended.outcome).toBe('kept');
    expect(ended.postUrl).toMatch(/^http.*\/share\//);
    expect(existsSync(join(sb.dataDir, 'pauses', `${sessionId}.jsonl`))).toBe(true);
  });

  const names = [
    'tracker session API',
    'tracker export md',
    'tracker export html',
    'post page (live finalize)',
    'session share page',
    'share export md',
    'live SSE (watched while streaming)',
    'live SSE replay (viewer URL)',
    'live SSE replay (owner API)',
    'local baton export md',
    'tracker SQLite files',
  ];
  for (const name of names) {
    it(`${name}: holds the prompt after resuming, and nothing of the paused span`, () => {
      const text = outputs.get(name);
      expect(text, `${name} was not collected`).toBeTypeOf('string');
      expect(text!.includes(afterMarker), `${name} lacks ${afterMarker} (the check would be vacuous)`).toBe(
        true,
      );
      const leaks = forbidden
        .map((f) => ({ f, at: text!.indexOf(f) }))
        .filter((x) => x.at !== -1)
        .map(
          (x) =>
            `${x.f === PAUSED ? 'marker' : 'secret'} ${JSON.stringify(x.f)} at ${x.at}: …${JSON.stringify(text!.slice(Math.max(0, x.at - 200), x.at + 200))}…`,
        );
      expect(leaks, `${name} leaks the paused span`).toEqual([]);
    });
  }
});
