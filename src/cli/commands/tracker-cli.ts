// `baton tracker …`: runs the self-hosted tracker, which ships as its own bundle with native drivers.
import { BatonError } from '../../core/errors.js';
import type { CliCommand } from '../command.js';

const HELP = `Usage: baton tracker <serve|keys|users> [options]

  serve [--port 7878] [--host 127.0.0.1] [--db FILE] [--write-config]   start the tracker (SQLite; DATABASE_URL for PostgreSQL)
  keys create --name N [--expires 30d] [--rate 60] | keys list | keys revoke ID
  users add --name N

The tracker needs the repository's npm dependencies (better-sqlite3, pg): run it from a clone after npm install.
`;

interface TrackerModule {
  runTrackerCommand(argv: string[]): Promise<number>;
}

export const trackerCommand: CliCommand = {
  name: 'tracker',
  summary: 'run and administer the self-hosted tracker',
  help: HELP,
  async run(argv) {
    let mod: TrackerModule;
    try {
      // A runtime-built specifier keeps esbuild from inlining the tracker (and its native drivers) into the CLI.
      mod = (await import(new URL('./tracker.js', import.meta.url).href)) as TrackerModule;
    } catch (err) {
      throw new BatonError(
        'config',
        `the tracker could not be loaded (${(err as Error).message.split('\n')[0]}); run it from a clone of the Baton repository after npm install`,
        { cause: err },
      );
    }
    return mod.runTrackerCommand(argv);
  },
};
