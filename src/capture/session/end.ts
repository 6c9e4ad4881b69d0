// SessionEnd extras: sweep the subagent transcripts too, then hand slow work (the upload) to a detached sender.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Env } from '../../core/config/env-values.js';
import type { SweepTarget } from '../outbox/writer.js';
import { kickSender, type KickAction } from '../delivery/sender/kick.js';

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

export type HandOff = KickAction;

/**
 * Starts `sender.cjs` (next to the running hook bundle) detached, when it exists, a tracker is configured, auto-sync
 * is on, and no sender already runs (that one picks the session up). See delivery/sender/kick.ts.
 */
export async function handOffToSender(opts: {
  hookScript: string;
  env: Env;
  dataDir: string;
  sessionId: string;
}): Promise<HandOff> {
  const r = await kickSender({
    hookScript: opts.hookScript,
    env: opts.env,
    dataDir: opts.dataDir,
    args: ['--session', opts.sessionId],
    canNotify: false,
  });
  return r.action;
}
