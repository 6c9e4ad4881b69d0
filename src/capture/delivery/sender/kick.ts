// Hook side of the sender: start it (detached, never waited on) when a tracker is configured and none runs.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Env } from '../../../core/config/env-values.js';
import { resolveConfig } from '../../../core/config/resolve-config.js';
import { lockHolderPid } from '../../session/lock.js';
import { keyFingerprint, senderPaths } from './paths.js';

export type KickAction = 'alive' | 'spawned' | 'no-sender' | 'no-tracker' | 'auto-sync-off' | 'auth-blocked';

export interface KickResult {
  action: KickAction;
  /** Shown to the user once (systemMessage): the tracker rejected the configured key. */
  notice?: string;
}

/** What the sender writes when the tracker rejects the key (see sender-paths). */
export interface AuthErrorMarker {
  message: string;
  key: string;
  at: string;
  notified?: boolean;
}

/**
 * Cheapest first: a live sender costs one readlink and a signal 0. Config is read only when none runs. A key the
 * tracker already rejected is not retried (no respawn loop); a different key clears the marker and starts a sender.
 */
export async function kickSender(opts: {
  hookScript: string | undefined;
  env: Env;
  dataDir: string;
  args?: string[];
  /** False where a systemMessage would not reach the user (SessionEnd): the one-time notice is kept for later. */
  canNotify?: boolean;
}): Promise<KickResult> {
  const paths = senderPaths(opts.dataDir);
  if (lockHolderPid(paths.lock) !== null) return { action: 'alive' };
  const script = opts.hookScript ? join(dirname(opts.hookScript), 'sender.cjs') : null;
  if (!script || basename(opts.hookScript!) === 'sender.cjs' || !existsSync(script))
    return { action: 'no-sender' };
  const config = resolveConfig(opts.env);
  if (!config.trackerUrl) return { action: 'no-tracker' };
  if (!config.autoSync) return { action: 'auto-sync-off' };
  const marker = readMarker(paths.authError);
  if (marker) {
    if (marker.key === keyFingerprint(config.apiKey)) {
      if (marker.notified || opts.canNotify === false) return { action: 'auth-blocked' };
      writeFileSync(paths.authError, JSON.stringify({ ...marker, notified: true }), { mode: 0o600 });
      return {
        action: 'auth-blocked',
        notice: `Baton: ${marker.message}. Sessions are still saved locally and upload once a working key is set.`,
      };
    }
    rmSync(paths.authError, { force: true });
  }
  // Loaded only here: child_process costs start-up time no other hook run should pay.
  const { spawnDetached } = await import('../spawn-detached.js');
  spawnDetached(script, [...(opts.args ?? []), '--data-dir', opts.dataDir], { env: { ...opts.env } });
  return { action: 'spawned' };
}

function readMarker(path: string): AuthErrorMarker | null {
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as AuthErrorMarker;
    return typeof v?.key === 'string' && typeof v.message === 'string' ? v : null;
  } catch {
    return null;
  }
}
