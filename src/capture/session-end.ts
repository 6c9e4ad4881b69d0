// SessionEnd extras: sweep the subagent transcripts too, then hand slow work (the upload) to a detached sender.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { resolveConfig } from '../core/config/resolve-config.js';
import type { Env } from '../core/config/env-values.js';
import type { SweepTarget } from './outbox-writer.js';

/** `<project>/<session-id>/subagents/agent-<id>.jsonl` beside the main transcript. */
export function subagentTargets(transcriptPath: string, sessionId: string): SweepTarget[] {
  const dir = join(dirname(transcriptPath), sessionId, 'subagents');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const targets: SweepTarget[] = [];
  for (const name of names.sort()) {
    const m = /^agent-(.+)\.jsonl$/.exec(name);
    if (m?.[1]) targets.push({ path: join(dir, name), agentId: m[1] });
  }
  return targets;
}

export type HandOff = 'spawned' | 'no-sender' | 'no-tracker' | 'auto-sync-off';

/**
 * Starts `sender.cjs` (next to the running hook bundle) detached, but only when it exists and a tracker is
 * configured. The sender gets `--session <id> --data-dir <dir>` and the hook's env. Config files are read here
 * and nowhere else on the hook path: SessionEnd happens once per session.
 */
export async function handOffToSender(opts: {
  hookScript: string;
  env: Env;
  dataDir: string;
  sessionId: string;
}): Promise<HandOff> {
  const sender = join(dirname(opts.hookScript), 'sender.cjs');
  if (basename(opts.hookScript) === 'sender.cjs' || !existsSync(sender)) return 'no-sender';
  const config = resolveConfig(opts.env);
  if (!config.trackerUrl) return 'no-tracker';
  if (!config.autoSync) return 'auto-sync-off';
  // Loaded only here: child_process costs a few ms of start-up that no other hook should pay.
  const { spawnDetached } = await import('./spawn-detached.js');
  spawnDetached(sender, ['--session', opts.sessionId, '--data-dir', opts.dataDir], { env: { ...opts.env } });
  return 'spawned';
}
