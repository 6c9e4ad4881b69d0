// /export-session --push and --pause/--resume-capture: each returns the one-line report the slash command shows.
import { isSafeSessionId } from '../../capture/outbox/paths.js';
import { appendToOutbox } from '../../capture/outbox/writer.js';
import { setCapturePaused } from '../../capture/session/capture-pause.js';
import { recordPause } from '../../capture/session/pause-log.js';
import { subagentTargets } from '../../capture/session/end.js';
import type { Visibility } from '../../core/api/index.js';
import { BatonError } from '../../core/errors.js';
import type { CliContext } from '../invocation.js';
import { resolveTranscript } from '../../export/resolve-transcript.js';
import { describePush, pushSession } from './push-session.js';

export const PUSH_OK = 'BATON_PUSH_OK';
export const CAPTURE_OK = 'BATON_CAPTURE_OK';

export async function runSlashPush(
  ctx: CliContext,
  input: { sessionId?: string; postId?: string; title?: string; visibility?: Visibility; redact: boolean },
): Promise<string> {
  const outcome = await pushSession(ctx, {
    ref: input.sessionId,
    postId: input.postId,
    title: input.title,
    visibility: input.visibility,
    redact: input.redact,
  });
  return `${PUSH_OK}: ${describePush(outcome)}`;
}

/**
 * Pause: the hook stops copying this session into the outbox (so nothing reaches the tracker either). Resume: the
 * transcript offsets jump past everything written while paused, so those lines are never stored, then capture goes on.
 */
export async function runSlashCapture(
  ctx: CliContext,
  input: { sessionId?: string; pause: boolean },
): Promise<string> {
  const sessionId = input.sessionId ?? ctx.io.env.CLAUDE_CODE_SESSION_ID;
  if (!sessionId || !isSafeSessionId(sessionId))
    throw new BatonError('invalid_input', 'cannot tell which session this is (no session id)');
  const dataDir = ctx.config.dataDir;
  const transcript = await resolveTranscript(sessionId, {
    cwd: ctx.io.cwd,
    claudeConfigDir: ctx.claudeConfigDir,
  }).catch(() => null);
  if (input.pause) {
    // The log first: from this instant every path (push, sync, export, live) leaves the rest out, even when the
    // transcript is read again long after; the flag then stops the hooks copying it.
    recordPause(dataDir, sessionId, true, transcript ?? undefined);
    setCapturePaused(dataDir, sessionId, true);
    return `${CAPTURE_OK}: capture is paused for this session: nothing from now on is saved or uploaded until /baton:export-session --resume-capture.`;
  }
  if (transcript) {
    const sweep = [{ path: transcript }, ...subagentTargets(transcript, sessionId)];
    appendToOutbox(dataDir, sessionId, [], { sweep, discardSweep: true });
  }
  recordPause(dataDir, sessionId, false, transcript ?? undefined);
  setCapturePaused(dataDir, sessionId, false);
  return `${CAPTURE_OK}: capture resumed for this session (what happened while paused was not saved, and never leaves this machine).`;
}
