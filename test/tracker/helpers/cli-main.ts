// Runs `baton tracker …` from source in a child process (tests, and `npx tsx test/tracker/helpers/cli-main.ts …`).
import { runTrackerCommand } from '../../../tracker/main.js';

runTrackerCommand(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  },
);
