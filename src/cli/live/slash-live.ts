// `/export-session --live [stop] [--discard-on-end]`: the live part of the slash command's backend.
import { startLive, stopLive } from '../../capture/delivery/live/control.js';
import { BatonError } from '../../core/errors.js';
import type { CliContext } from '../invocation.js';
import { describeStart, describeStop } from './describe.js';
import { liveDeps } from './live-deps.js';
import { qrBlock } from './qr.js';

export const LIVE_OK_MARKER = 'BATON_LIVE_OK';

export interface SlashLiveInput {
  sessionId: string | undefined;
  cwd?: string;
  /** `--live stop` */
  stop: boolean;
  discardOnEnd: boolean;
  title?: string;
}

/** Returns the report for the model; throws (the caller prints BATON_EXPORT_FAILED) when it cannot. */
export async function runSlashLive(ctx: CliContext, input: SlashLiveInput): Promise<string> {
  if (!input.sessionId)
    throw new BatonError(
      'invalid_input',
      'the current session id is unknown (run this as /baton:export-session --live inside Claude Code)',
    );
  const deps = liveDeps(ctx);
  if (input.stop) {
    const r = await stopLive(deps, {
      sessionId: input.sessionId,
      ...(input.title ? { title: input.title } : {}),
    });
    return `${LIVE_OK_MARKER}: ${describeStop(r)}`;
  }
  const r = await startLive(deps, {
    sessionId: input.sessionId,
    ...(input.cwd ? { cwd: input.cwd } : {}),
    ...(input.title ? { title: input.title } : {}),
    ...(input.discardOnEnd ? { discardOnEnd: true } : {}),
  });
  const lines = [`${LIVE_OK_MARKER}: ${describeStart(r)}`];
  if (ctx.io.env.BATON_LIVE_QR !== '0') {
    lines.push(
      'QR code of the viewer URL (show it to the user unchanged, in a code block):',
      '```',
      qrBlock(r.state.viewUrl),
      '```',
    );
  }
  lines.push('Stop with /baton:export-session --live stop.');
  return lines.join('\n');
}
