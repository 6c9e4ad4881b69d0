// Entry of dist/tracker.js: `baton tracker …` lands here via the CLI's dynamic import. Importing it does nothing.
import type { CliIo } from './cli/io.js';
import { runCli } from './cli/index.js';
import type { ServeExtensions } from './cli/serve.js';
import { liveWebServeExtension } from './web/mount.js';

export type { ServeExtensions } from './cli/serve.js';
export { createApp, type AppDeps } from './app.js';

/** Runs `baton tracker <argv…>` and resolves to the exit code (serve resolves after a graceful shutdown). */
export function runTrackerCommand(
  argv: string[],
  io?: Partial<CliIo>,
  ext?: ServeExtensions,
): Promise<number> {
  // Live streams and the web pages are on by default; callers (tests) may pass their own extensions.
  return runCli(argv, io, ext ?? liveWebServeExtension);
}
