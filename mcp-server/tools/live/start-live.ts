// start_live: starts streaming the current session to viewers and returns the viewer URL.
import { z } from 'zod';
import { startLive } from '../../../src/capture/delivery/live/control.js';
import { defineTool } from '../../define-tool.js';
import { currentLive, liveView, LiveView } from './live-common.js';

export const startLiveTool = defineTool({
  name: 'start_live',
  title: 'Start live stream',
  description:
    "Starts streaming the current Claude Code session live on the user's Baton tracker: viewers of the returned URL " +
    'see each prompt, reply and tool call as it happens (secrets redacted). Call it only when the user asks to ' +
    'stream or share live. Already live: returns the same URL.',
  input: {
    title: z.string().min(1).max(300).optional().describe('The stream title (and the post title if kept).'),
    discardOnEnd: z
      .boolean()
      .optional()
      .describe('Delete the stream when the session ends instead of keeping it as a post.'),
  },
  output: { ...LiveView, alreadyLive: z.boolean() },
  // Starting twice returns the running stream; nothing the user had is removed.
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, deps) {
    const { sessionId, control } = await currentLive(deps);
    const r = await startLive(control, {
      sessionId,
      cwd: deps.cwd,
      ...(args.title ? { title: args.title } : {}),
      ...(args.discardOnEnd !== undefined ? { discardOnEnd: args.discardOnEnd } : {}),
    });
    const end = r.state.discardOnEnd ? 'discarded' : 'kept as a post';
    return {
      text: `${r.alreadyLive ? 'Already live' : 'Live'}: ${r.state.viewUrl}\nShare this URL with viewers. When the session ends the stream is ${end}.`,
      ...liveView(r.state),
      alreadyLive: r.alreadyLive,
    };
  },
});
