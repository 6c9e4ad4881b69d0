// Asking before a destructive action: a y/N question on a terminal; elsewhere nobody can answer, so --yes is required.
import { createInterface } from 'node:readline';
import { BatonError } from '../../core/errors.js';
import type { CliContext } from '../invocation.js';

/**
 * True when the user confirmed (or passed --yes). Without a terminal on stdin it throws instead of guessing: a script
 * that deletes must say so with --yes.
 */
export async function confirmed(ctx: CliContext, question: string, yes: boolean): Promise<boolean> {
  if (yes) return true;
  if (!(ctx.io.stdin as { isTTY?: boolean }).isTTY)
    throw new BatonError(
      'invalid_input',
      `${question} Refusing without a terminal to ask: pass --yes to confirm.`,
    );
  ctx.io.err(`${question} [y/N] `);
  const rl = createInterface({ input: ctx.io.stdin, terminal: false });
  try {
    const answer = await new Promise<string>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(''));
    });
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
