// send_live_note and set_live_status: text for the viewers of the current session's stream.
import { z } from 'zod';
import { addLiveNote } from '../../../src/capture/delivery/live/control.js';
import { defineTool, type Tool } from '../../define-tool.js';
import { currentLive, liveView, LiveView } from './live-common.js';

function noteTool(kind: 'note' | 'status'): Tool {
  return defineTool({
    name: kind === 'note' ? 'send_live_note' : 'set_live_status',
    title: kind === 'note' ? 'Send a note to live viewers' : 'Set the live status line',
    description:
      kind === 'note'
        ? 'Shows a note to the viewers of the current session\'s live stream, in line with the session (e.g. "about ' +
          'to run the migration"). Only while live and not paused.'
        : 'Sets the short status line viewers of the current session\'s live stream see above it (e.g. "running ' +
          'the tests"). Only while live and not paused.',
    input: {
      text: z
        .string()
        .min(1)
        .max(2000)
        .describe(kind === 'note' ? 'The note viewers should see.' : 'The status line viewers should see.'),
    },
    output: LiveView,
    // Each call adds an entry to the stream, so calling again is not a no-op.
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    async run(args, deps) {
      const { sessionId, control } = await currentLive(deps);
      const s = await addLiveNote(control, { sessionId, kind, text: args.text });
      return { text: `Sent to viewers of ${s.viewUrl}.`, ...liveView(s) };
    },
  });
}

export const sendLiveNoteTool = noteTool('note');
export const setLiveStatusTool = noteTool('status');
