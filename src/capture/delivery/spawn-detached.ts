// Starts a Node script that outlives the hook (and Claude Code): the way slow work leaves the 1.5 s SessionEnd budget.
import { spawn } from 'node:child_process';

export interface SpawnDetachedOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Runs `node <script> ...args` in its own process group with no stdio, and lets go of it. Returns its pid. */
export function spawnDetached(
  script: string,
  args: readonly string[],
  opts: SpawnDetachedOptions = {},
): number | undefined {
  const child = spawn(process.execPath, [script, ...args], {
    detached: true,
    stdio: 'ignore',
    windowsHide: true,
    env: opts.env ?? process.env,
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
  });
  // A failed spawn is reported asynchronously; without a listener it would crash the hook.
  child.on('error', () => {});
  child.unref();
  return child.pid;
}
