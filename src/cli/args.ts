// Typed argument parsing over node:util parseArgs: unknown flags and bad values become one clear error line.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BatonError } from '../core/errors.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

type FlagsConfig<T extends OptionSpec> = {
  args: string[];
  options: T & { help: { type: 'boolean'; short: 'h' } };
  allowPositionals: true;
  strict: true;
};

/** What parseFlags returns for an option table: each option's value typed from its declaration. */
export type ParsedFlags<T extends OptionSpec> = ReturnType<typeof parseArgs<FlagsConfig<T>>>;

export function parseFlags<T extends OptionSpec>(
  argv: string[],
  options: T,
  command: string,
): ParsedFlags<T> {
  try {
    const config: FlagsConfig<T> = {
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    };
    return parseArgs(config);
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new BatonError('invalid_input', `${command}: ${message} (see baton ${command} --help)`);
  }
}

export function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new BatonError('invalid_input', `${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}
