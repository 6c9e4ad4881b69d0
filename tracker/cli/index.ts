// Dispatches `baton tracker <command>`; every failure becomes one line on stderr and a non-zero exit code.
import { isBatonError } from '../../src/core/errors.js';
import { defaultIo, type CliIo } from './io.js';
import { KEYS_HELP, runKeys } from './keys.js';
import { runOpenApi } from './openapi.js';
import { runServe, SERVE_HELP, type ServeExtensions } from './serve.js';
import { runUsers, USERS_HELP } from './users.js';

const HELP = `Usage: baton tracker <command>
  serve     start the tracker (see: baton tracker serve --help)
  keys      create, list and revoke API keys
  users     add and list users
  migrate   apply database migrations and exit
  openapi   print the OpenAPI document (--markdown for docs/api.md)
  rebuild   re-derive stored sessions from their transcript entries (--session ID for one)
  storage   report the transcript entries' raw and stored bytes
`;

export async function runCli(
  argv: string[],
  partialIo: Partial<CliIo> = {},
  ext: ServeExtensions = {},
): Promise<number> {
  const io: CliIo = { ...defaultIo(), ...partialIo };
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'serve':
        return await runServe(rest, io, ext);
      case 'keys':
        return await runKeys(rest, io);
      case 'users':
        return await runUsers(rest, io);
      case 'migrate': {
        const { runMigrate } = await import('./migrate.js');
        return await runMigrate(rest, io);
      }
      case 'openapi':
        return await runOpenApi(rest, io);
      case 'rebuild': {
        const { runRebuild } = await import('./rebuild.js');
        return await runRebuild(rest, io);
      }
      case 'storage': {
        const { runStorage } = await import('./storage.js');
        return await runStorage(rest, io);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(`${HELP}\n${SERVE_HELP}\n${KEYS_HELP}\n${USERS_HELP}`);
        return 0;
      default:
        io.stderr(`baton tracker: unknown command "${cmd}" (try: baton tracker help)\n`);
        return 2;
    }
  } catch (err) {
    const usage =
      err instanceof TypeError && (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    const message =
      isBatonError(err) || usage
        ? (err as Error).message
        : `unexpected error: ${(err as Error)?.message ?? String(err)}`;
    io.stderr(`baton tracker: ${message.split('\n')[0]}\n`);
    return usage ? 2 : 1;
  }
}
