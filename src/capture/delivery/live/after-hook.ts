// What every hook does for live mode and "current session": record the pointer, and restart a dead live relay.
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Env } from '../../../core/config/env-values.js';
import {
  claudePidFromHook,
  clearCurrentSession,
  writeCurrentSession,
} from '../../session/current-session.js';
import type { HookInput } from '../../hook/input.js';
import { appendHookLog } from '../../hook/log.js';
import { livePaths } from './paths.js';
import { lockHolderPid as liveRelayPid } from '../../session/lock.js';

export type RelayCheck = 'off' | 'alive' | 'spawned' | 'no-relay';

/**
 * Runs after the hook's outbox write. Never waits on the network: the pointer is one small file on SessionStart,
 * and the live check is one stat (plus one readlink and a signal-0 when the session streams). A relay is spawned
 * only when the session streams and its relay is gone (crashed, machine slept, Claude Code restarted).
 */
export async function liveAfterHook(
  input: HookInput,
  dataDir: string,
  hookScript: string | undefined,
  env: Env,
): Promise<RelayCheck> {
  try {
    recordCurrentSession(input, dataDir, env);
    const relay =
      hookScript && basename(hookScript) !== 'live-relay.cjs'
        ? join(dirname(hookScript), 'live-relay.cjs')
        : null;
    return await ensureLiveRelay(dataDir, input.sessionId, relay, env);
  } catch (err) {
    // The outbox already holds this event: a failed pointer or relay start costs latency, never data.
    appendHookLog(dataDir, {
      level: 'warn',
      event: input.event,
      sessionId: input.sessionId,
      code: (err as NodeJS.ErrnoException).code ?? 'internal',
      message: `live/current-session step failed: ${err instanceof Error ? err.message : String(err)}`,
    });
    return 'off';
  }
}

function recordCurrentSession(input: HookInput, dataDir: string, env: Env): void {
  if (input.event === 'SessionStart') {
    writeCurrentSession(dataDir, claudePidFromHook(env), {
      sessionId: input.sessionId,
      at: new Date().toISOString(),
      ...(input.transcriptPath ? { transcriptPath: input.transcriptPath } : {}),
      ...(input.cwd ? { cwd: input.cwd } : {}),
    });
  } else if (input.event === 'SessionEnd') {
    clearCurrentSession(dataDir, claudePidFromHook(env), input.sessionId);
  }
}

/** Starts the relay script when the session is live and no relay holds its lock. */
export async function ensureLiveRelay(
  dataDir: string,
  sessionId: string,
  relayScript: string | null,
  env: Env,
): Promise<RelayCheck> {
  const paths = livePaths(dataDir, sessionId);
  if (!existsSync(paths.state)) return 'off';
  if (liveRelayPid(paths.relayLock) !== null) return 'alive';
  if (!relayScript || !existsSync(relayScript)) return 'no-relay';
  // Loaded only here: child_process costs start-up time no other hook run should pay.
  const { spawnDetached } = await import('../spawn-detached.js');
  spawnDetached(relayScript, ['--session', sessionId, '--data-dir', dataDir], { env: { ...env } });
  return 'spawned';
}
