// The whole `baton` program (bundled to dist/cli-main.js, and with a one-command registry to dist/cli-export.js):
// wires process I/O to the program. dist/cli.js (src/cli/main.ts) picks which bundle runs.
import { runCli } from './program.js';
import { processIo } from './io.js';

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`baton: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 70;
  },
);
