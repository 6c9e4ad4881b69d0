// The programmatic entry of `baton handoff create` (also for the MCP server): load routine + preset, run it.
import { loadRoutine } from './load-routine.js';
import { runRoutine } from './runner.js';
import type { Env, HandoffRunResult, TrackerTarget } from './types.js';

export interface CreateHandoffOptions {
  cwd: string;
  env: Env;
  dataDir: string;
  claudeConfigDir: string;
  tracker: TrackerTarget | null;
  redact: boolean;
  now?: Date;
  topic?: string;
  preset?: string;
  routineFile?: string;
  narrative?: string | null;
  sessionId?: string;
  repoDir?: string | null;
  dryRun?: boolean;
  batonVersion?: string | null;
  out(text: string): void;
}

export async function createHandoff(
  opts: CreateHandoffOptions,
): Promise<HandoffRunResult & { presetName: string | null }> {
  const loaded = loadRoutine({
    env: opts.env,
    cwd: opts.cwd,
    routineFile: opts.routineFile,
    preset: opts.preset,
  });
  const result = await runRoutine({
    cwd: opts.cwd,
    env: opts.env,
    dataDir: opts.dataDir,
    claudeConfigDir: opts.claudeConfigDir,
    tracker: opts.tracker,
    redact: opts.redact,
    now: opts.now ?? new Date(),
    topic: opts.topic,
    sessionId: opts.sessionId,
    narrative: opts.narrative ?? null,
    repoDir: opts.repoDir,
    dryRun: opts.dryRun ?? false,
    routine: loaded.routine,
    presetName: loaded.presetName,
    batonVersion: opts.batonVersion ?? null,
    out: opts.out,
  });
  return { ...result, presetName: loaded.presetName };
}
