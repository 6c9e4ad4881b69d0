// The tracker CLI's view of the outside world, injectable so tests can run commands in-process.
import type { Env } from '../../src/core/config/index.js';

export interface CliIo {
  env: Env;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Aborting it stops `serve` (as SIGTERM does). */
  signal?: AbortSignal;
  /** Called once `serve` listens. */
  onListening?: (info: { url: string; port: number }) => void;
  /** Listen for SIGTERM/SIGINT (default true; tests pass false). */
  handleSignals?: boolean;
}

export function defaultIo(): CliIo {
  return {
    env: process.env,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    handleSignals: true,
  };
}
