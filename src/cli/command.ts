// The shape of one CLI command: a name, help text and a runner returning an exit code.
import type { CliContext } from './context.js';

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
