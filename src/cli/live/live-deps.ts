// Builds what live control needs from a CLI context: the tracker client, the relay script, the session id.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientFromConfig } from '../../client/index.js';
import type { LiveControlDeps } from '../../capture/delivery/live/control.js';
import type { CliContext } from '../invocation.js';
import { resolveTranscript } from '../../export/resolve-transcript.js';

/** dist/live-relay.cjs beside the running bundle (BATON_LIVE_RELAY overrides; null when absent: source runs). */
export function relayScriptPath(
  env: Readonly<Record<string, string | undefined>>,
  fromUrl: string = import.meta.url,
): string | null {
  if (env.BATON_LIVE_RELAY) return env.BATON_LIVE_RELAY;
  try {
    const p = fileURLToPath(new URL('./live-relay.cjs', fromUrl));
    return existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

export function liveDeps(ctx: CliContext): LiveControlDeps {
  return {
    config: ctx.config,
    client: clientFromConfig(ctx.config, { userAgent: 'baton-cli' }),
    relayScript: relayScriptPath(ctx.io.env),
    env: ctx.io.env,
  };
}

/** --session, else the Claude Code session this runs inside (Bash tool), else the newest transcript of the cwd. */
export async function resolveSessionId(ctx: CliContext, explicit: string | undefined): Promise<string> {
  if (explicit && !explicit.startsWith('${')) return explicit;
  const inside = ctx.io.env.CLAUDE_CODE_SESSION_ID;
  if (inside) return inside;
  const path = await resolveTranscript(undefined, { cwd: ctx.io.cwd, claudeConfigDir: ctx.claudeConfigDir });
  return basename(path).replace(/\.jsonl$/, '');
}
