// ServerDeps: what every MCP tool is given (config, the lazy tracker client, the session it runs in, a stderr log).
import type { TrackerClient } from '../src/client/index.js';
import type { BatonConfig } from '../src/core/config/index.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface ServerDeps {
  config: BatonConfig;
  env: Env;
  /** The project directory Claude Code runs in (CLAUDE_PROJECT_DIR, else the server's cwd). */
  cwd: string;
  /** The Claude Code process that started this server (its parent): the key of the hooks' current-session pointer. */
  claudePid: number;
  /** The configured tracker's client, or null when none is configured. Created on first use. */
  client(): TrackerClient | null;
  /** dist/live-relay.cjs, for starting a live stream (null when absent). */
  relayScript: string | null;
  /** Diagnostics to stderr: stdout is the protocol. */
  log(message: string): void;
}
