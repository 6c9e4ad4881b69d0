// The shape of one CLI command, and defineCommand: flags parsed once from the command's option table, the standard
// positional check, and one way to print a --json result.
import { BatonError } from '../core/errors.js';
import { parseFlags, type OptionSpec, type ParsedFlags } from './args.js';
import type { CliContext } from './invocation.js';

export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  /** Full help shown by `baton <name> --help`. */
  readonly help: string;
  run(argv: string[], ctx: CliContext): Promise<number>;
}

/** A registry entry: the command's name, and its module, imported only when the command runs or help is asked. */
export interface CommandEntry {
  readonly name: string;
  load(): Promise<CliCommand>;
}

export interface CommandSpec<O extends OptionSpec> {
  name: string;
  summary: string;
  help: string;
  options: O;
  /** At most this many positionals; more is an invalid_input error saying `tooMany`. */
  positionals?: { max: number; tooMany: string };
  run(flags: ParsedFlags<O>, ctx: CliContext): Promise<number>;
}

export function defineCommand<O extends OptionSpec>(spec: CommandSpec<O>): CliCommand {
  return {
    name: spec.name,
    summary: spec.summary,
    help: spec.help,
    async run(argv, ctx) {
      const flags = parseFlags(argv, spec.options, spec.name);
      if (spec.positionals && flags.positionals.length > spec.positionals.max)
        throw new BatonError('invalid_input', spec.positionals.tooMany);
      return spec.run(flags, ctx);
    },
  };
}

/** Prints a --json result (indented unless `compact`) and returns the exit code (`code`, default 0). */
export function printJson(
  ctx: Pick<CliContext, 'io'>,
  value: unknown,
  opts: { compact?: boolean; code?: number } = {},
): number {
  ctx.io.out(`${opts.compact ? JSON.stringify(value) : JSON.stringify(value, null, 2)}\n`);
  return opts.code ?? 0;
}
