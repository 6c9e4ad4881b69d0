// Builds the server's deps from its process: env config, the Claude Code parent pid, a lazy tracker client.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clientFromConfig, type TrackerClient } from '../src/client/index.js';
import { resolveConfig } from '../src/core/config/index.js';
import type { Env, ServerDeps } from './server-deps.js';

export function depsFromProcess(
  env: Env,
  opts: { cwd: string; ppid: number; relayScript?: string | null; log?: (m: string) => void },
): ServerDeps {
  const config = resolveConfig(env);
  let client: TrackerClient | null | undefined;
  return {
    config,
    env,
    cwd: env.CLAUDE_PROJECT_DIR || opts.cwd,
    claudePid: opts.ppid,
    client() {
      // Built on first use: a bad URL is reported by the tool that needs the tracker, not at server start.
      if (client === undefined) client = clientFromConfig(config, { userAgent: 'baton-mcp' });
      return client;
    },
    relayScript: opts.relayScript === undefined ? relayBeside(env) : opts.relayScript,
    log: opts.log ?? ((m) => void process.stderr.write(`baton-mcp: ${m}\n`)),
  };
}

/** dist/live-relay.cjs next to dist/mcp-server.js (BATON_LIVE_RELAY overrides). */
function relayBeside(env: Env): string | null {
  if (env.BATON_LIVE_RELAY) return env.BATON_LIVE_RELAY;
  try {
    const p = fileURLToPath(new URL('./live-relay.cjs', import.meta.url));
    return existsSync(p) ? p : null;
  } catch {
    return null;
  }
}
