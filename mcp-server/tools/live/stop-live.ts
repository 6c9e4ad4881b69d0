// stop_live: ends the current session's live stream now, keeping it as a post or discarding it.
import { z } from 'zod';
import { stopLive } from '../../../src/capture/delivery/live/control.js';
import { defineTool } from '../../define-tool.js';
import { currentLive } from './live-common.js';

export const stopLiveTool = defineTool({
  name: 'stop_live',
  title: 'Stop live stream',
  description:
    "Ends the current session's live stream now. By default it is kept as a post or discarded as chosen at start; " +
    'keep overrides that. Returns the post URL when kept. Not live: says so and changes nothing.',
  input: {
    keep: z
      .boolean()
      .optional()
      .describe('true keeps the stream as a post, false discards it (default: the choice made at start).'),
    title: z.string().min(1).max(300).optional().describe('Title of the post, when kept.'),
  },
  output: { live: z.boolean(), outcome: z.string().optional(), postUrl: z.string().nullable() },
  // Discarding deletes the stream and its data for good; stopping a stopped stream does nothing more.
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async run(args, deps) {
    const { sessionId, control } = await currentLive(deps);
    const r = await stopLive(control, {
      sessionId,
      ...(args.keep !== undefined ? { keep: args.keep } : {}),
      ...(args.title ? { title: args.title } : {}),
    });
    if (!r.state) return { text: 'This session is not streaming live.', live: false, postUrl: null };
    const s = r.state;
    const text =
      s.outcome === 'kept'
        ? `Live stream ended and kept as a post: ${s.postUrl ?? '(no URL returned)'}`
        : s.outcome === 'discarded'
          ? 'Live stream ended and discarded.'
          : `Live stream ended (${s.outcome ?? 'ended'}${s.error ? `: ${s.error}` : ''}).`;
    return { text, live: false, ...(s.outcome ? { outcome: s.outcome } : {}), postUrl: s.postUrl ?? null };
  },
});
