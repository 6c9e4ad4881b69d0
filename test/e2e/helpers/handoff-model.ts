// The scripted "model" of a /baton:end turn, shared by the handoff e2e suites.
import type { RecordedRequest } from './fake-anthropic.js';

export const END_MARKER = 'Facts Baton gathered deterministically';

/**
 * The "model" of the /end turn: it follows the command's own instructions, taking the exact `handoff create`
 * command line (with the plugin root, session id and cwd Claude Code substituted) from the prompt it received.
 */
export function endReply(narrative: string, topic: string) {
  return (req: RecordedRequest) => {
    const text = req.lastUserText ?? '';
    const line =
      /^\s*(node "[^"]+\/dist\/cli\.js" (?:--plugin-data "[^"]*" )?handoff create --session "[^"]*" --cwd "[^"]*") --topic "TOPIC" --narrative - <<'BATON_NARRATIVE'$/m.exec(
        text,
      );
    if (!line)
      return {
        blocks: [{ type: 'text' as const, text: 'E2E: the /end instructions had no create command line' }],
      };
    const command = `${line[1]} --topic "${topic}" --narrative - <<'BATON_NARRATIVE'\n${narrative}\nBATON_NARRATIVE`;
    return {
      blocks: [
        { type: 'text' as const, text: 'Writing the handoff.' },
        {
          type: 'tool_use' as const,
          name: 'Bash',
          input: { command, description: 'Store the Baton handoff' },
        },
      ],
    };
  };
}
