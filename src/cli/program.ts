// Dispatches `baton <command> …` to the registered commands and turns errors into one line plus an exit code.
import { isBatonError } from '../core/errors.js';
import { commands } from './commands/index.js';
import { createContext } from './context.js';
import type { CliIo } from './io.js';

const VERSION = process.env.BATON_BUILD_VERSION ?? 'dev';

export function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `baton ${VERSION}: capture, export, share and hand off Claude Code sessions\n\nUsage: baton <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun \`baton <command> --help\` for a command's options.\n`;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`baton: unknown command "${name}". Run baton --help for the list.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest, createContext(io));
  } catch (err) {
    io.err(`baton ${name}: ${describeError(err)}\n`);
    return isBatonError(err) && err.code === 'invalid_input' ? 2 : 1;
  }
}

export function describeError(err: unknown): string {
  if (isBatonError(err)) return err.message;
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    return code ? `${err.message} (${code})` : err.message;
  }
  return String(err);
}
