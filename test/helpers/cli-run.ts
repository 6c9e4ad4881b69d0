// Runs the baton CLI in-process with an isolated environment and captured output.
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/program.js';
import type { CliIo } from '../../src/cli/io.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runBaton(
  argv: string[],
  opts: { env: Record<string, string | undefined>; cwd: string; home: string; stdin?: string; tty?: boolean },
): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = {
    env: opts.env,
    cwd: opts.cwd,
    home: opts.home,
    stdin: Object.assign(Readable.from(opts.stdin !== undefined ? [opts.stdin] : []), {
      isTTY: opts.stdin === undefined ? true : undefined,
    }),
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    isTty: Boolean(opts.tty),
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}
