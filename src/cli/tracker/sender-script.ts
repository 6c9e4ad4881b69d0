// Where the bundled background sender is, seen from the CLI (dist/cli.js → dist/sender.cjs), and how to wake it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kickSender, type KickResult } from '../../capture/delivery/sender/kick.js';
import type { CliContext } from '../invocation.js';

export function senderScript(
  env: Readonly<Record<string, string | undefined>>,
  fromUrl: string = import.meta.url,
): string | null {
  if (env.BATON_SENDER_SCRIPT) return existsSync(env.BATON_SENDER_SCRIPT) ? env.BATON_SENDER_SCRIPT : null;
  try {
    const p = fileURLToPath(new URL('./sender.cjs', fromUrl));
    return existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/** Starts a sender for the data dir unless one runs (used after login, so pending sessions upload at once). */
export async function wakeSender(ctx: CliContext): Promise<KickResult> {
  const script = senderScript(ctx.io.env);
  if (!script) return { action: 'no-sender' };
  // kickSender looks for sender.cjs beside the "hook script" it is given.
  return kickSender({
    hookScript: join(dirname(script), 'cli.js'),
    env: { ...ctx.io.env, BATON_DATA_DIR: ctx.config.dataDir },
    dataDir: ctx.config.dataDir,
  });
}
