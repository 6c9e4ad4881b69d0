// /baton:start's offer to bring the handed-off session onto this machine when its transcript is not here: without
// it, the handoff's `claude --resume <id>` answers "No conversation found" on any machine but the one that ran it.
import { findTranscriptById } from '../core/transcript/locate.js';

/**
 * A note for the reader of a handoff whose session is not on this machine (null when it is, or no session is known):
 * `baton resume <id>` fetches the transcript from the tracker into this checkout's project dir and prints the
 * command to run.
 */
export async function resumeOffer(
  sessionId: string | null | undefined,
  claudeConfigDir: string,
  trackerConfigured: boolean,
): Promise<string | null> {
  if (!sessionId) return null;
  const here = await findTranscriptById(sessionId, claudeConfigDir).catch(() => null);
  if (here !== null) return null;
  const how = trackerConfigured
    ? `Fetch it from the tracker first: \`baton resume ${sessionId}\` writes it into this checkout's Claude Code ` +
      'project dir and prints the exact command to run.'
    : 'With a tracker configured (`baton login`), `baton resume <id>` could fetch it.';
  return (
    `Session ${sessionId} is not on this machine, so \`claude --resume ${sessionId}\` alone would answer ` +
    `"No conversation found" here. ${how}`
  );
}
