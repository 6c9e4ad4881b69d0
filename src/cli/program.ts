// Dispatches `baton <command> …` to the registered commands and turns errors into one line plus an exit code.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isBatonError } from '../core/errors.js';
import { commands } from './commands/index.js';
import { createContext } from './invocation.js';
import type { CliIo } from './io.js';

const VERSION = process.env.BATON_BUILD_VERSION ?? 'dev';

/** The overview; it loads every command module for its summary, which only `baton --help` pays for. */
export async function usage(): Promise<string> {
  const loaded = await Promise.all(commands.map((c) => c.load()));
  const width = Math.max(...loaded.map((c) => c.name.length));
  const lines = loaded.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `baton ${VERSION}: capture, export, share and hand off Claude Code sessions\n\nUsage: baton <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun \`baton <command> --help\` for a command's options.\n`;
}

export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  const { argv: args, io } = applyGlobalFlags(argv, rawIo);
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(await usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`baton: unknown command "${name}". Run baton --help for the list.\n`);
    return 2;
  }
  const command = await entry.load();
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

/**
 * `--plugin-data DIR` (before the command) is how slash commands pass `${CLAUDE_PLUGIN_DATA}`: Claude Code
 * substitutes it in command text but does not export it to `!` commands, and without it the CLI and the hooks
 * would keep state in different places. Outside Claude Code, the installed plugin's data dir is found instead.
 */
function applyGlobalFlags(argv: string[], io: CliIo): { argv: string[]; io: CliIo } {
  let rest = argv;
  let pluginData: string | undefined;
  while (rest[0] === '--plugin-data' && rest.length >= 2) {
    const value = rest[1]!;
    if (value !== '' && !value.startsWith('${')) pluginData = value;
    rest = rest.slice(2);
  }
  if (io.env.BATON_DATA_DIR || io.env.CLAUDE_PLUGIN_DATA) return { argv: rest, io };
  pluginData ??= findPluginDataDir(io.env.CLAUDE_CONFIG_DIR || join(io.home, '.claude'));
  return { argv: rest, io: pluginData ? { ...io, env: { ...io.env, CLAUDE_PLUGIN_DATA: pluginData } } : io };
}

/** The data dir Claude Code gave the installed plugin (`plugins/data/baton-<marketplace>`), newest first. */
function findPluginDataDir(claudeConfigDir: string): string | undefined {
  const base = join(claudeConfigDir, 'plugins', 'data');
  try {
    const dirs = readdirSync(base)
      .filter((d) => d === 'baton' || d.startsWith('baton-'))
      .map((d) => ({ path: join(base, d), mtime: statSync(join(base, d)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    return dirs[0]?.path;
  } catch {
    return undefined;
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
