// The bundled hook's live duties: the current-session pointer, and restarting a live session's relay when it is gone.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentSessionPath } from '../../src/capture/session/current-session.js';
import { startLive, stopLive } from '../../src/capture/delivery/live/control.js';
import { livePaths } from '../../src/capture/delivery/live/paths.js';
import { lockHolderPid as liveRelayPid } from '../../src/capture/session/lock.js';
import { openSse } from '../helpers/sse-client.js';
import { createLiveSandbox, type LiveSandbox } from '../helpers/live-sandbox.js';
import { REPO, requireBuiltHook, runHookAsync, runHookSync } from './hook-harness.js';

const RELAY = join(REPO, 'dist', 'live-relay.cjs');
const CLAUDE_PID = '987654';
let sb: LiveSandbox;

beforeAll(async () => {
  requireBuiltHook();
  if (!existsSync(RELAY)) throw new Error('dist/live-relay.cjs missing: run `npm run build` first');
  sb = await createLiveSandbox();
});
afterAll(async () => {
  await sb?.close();
});

const payload = (event: string, extra: Record<string, unknown> = {}) => ({
  session_id: sb.sessionId,
  transcript_path: sb.transcriptPath,
  cwd: sb.cwd,
  hook_event_name: event,
  ...extra,
});

describe('hooks and live mode', () => {
  it('SessionStart records which session this Claude Code process runs; SessionEnd removes it', () => {
    const env = { ...sb.env, CLAUDE_PID };
    expect(runHookSync('SessionStart', payload('SessionStart', { source: 'startup' }), env).status).toBe(0);
    const pointer = JSON.parse(
      readFileSync(currentSessionPath(sb.config.dataDir, Number(CLAUDE_PID)), 'utf8'),
    );
    expect(pointer).toMatchObject({
      sessionId: sb.sessionId,
      transcriptPath: sb.transcriptPath,
      cwd: sb.cwd,
    });
    expect(runHookSync('SessionEnd', payload('SessionEnd', { reason: 'clear' }), env).status).toBe(0);
    expect(existsSync(currentSessionPath(sb.config.dataDir, Number(CLAUDE_PID)))).toBe(false);
  });

  it('a hook of a live session whose relay is gone starts one (only one), and the prompt reaches the viewer', async () => {
    // Started with no relay script: as if the relay had crashed right after the stream began.
    const { state, relay } = await startLive(sb.control(null), { sessionId: sb.sessionId, cwd: sb.cwd });
    expect(relay).toBe('no-relay');
    const lock = livePaths(sb.config.dataDir, sb.sessionId).relayLock;
    expect(liveRelayPid(lock)).toBeNull();
    const sse = openSse(`${state.viewUrl}/events`);
    expect(await sse.status).toBe(200);

    const r = await runHookAsync(
      'UserPromptSubmit',
      payload('UserPromptSubmit', { prompt: 'restart me', prompt_id: 'pid-restart' }),
      sb.env,
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const got = await sse.waitFor(
      (m) => m.event === 'event' && JSON.parse(m.data).event.text === 'restart me',
      15_000,
    );
    expect(JSON.parse(got.data).event.uuid).toBe('live-prompt-pid-restart');
    const pid = liveRelayPid(lock);
    expect(pid).not.toBeNull();

    await runHookAsync(
      'PreToolUse',
      payload('PreToolUse', { tool_name: 'Bash', tool_input: { command: 'ls' }, tool_use_id: 'toolu_h1' }),
      sb.env,
    );
    await sse.waitFor(
      (m) => m.event === 'event' && JSON.parse(m.data).event.toolUseId === 'toolu_h1',
      15_000,
    );
    expect(liveRelayPid(lock)).toBe(pid);

    const stopped = await stopLive(sb.control(RELAY), { sessionId: sb.sessionId, keep: false });
    expect(stopped).toMatchObject({ endedBy: 'relay', state: { outcome: 'discarded' } });
    await sse.waitFor((m) => m.event === 'end', 10_000);
    sse.close();
    for (let i = 0; i < 100 && liveRelayPid(lock) !== null; i++)
      await new Promise((res) => setTimeout(res, 50));
    expect(liveRelayPid(lock)).toBeNull();
  });
});
