// live_update: start, annotate, pause, resume, complete (or check) the current session's live stream.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import {
  addLiveNote,
  liveStatus,
  setLivePaused,
  startLive,
  stopLive,
  type LiveControlDeps,
} from '../../src/capture/delivery/live/control.js';
import type { LiveState } from '../../src/capture/delivery/live/state.js';
import { BatonError } from '../../src/core/errors.js';
import type { ServerDeps } from '../context.js';
import { resolveSession } from '../current-session.js';
import { guarded, ok, TextField } from '../tool-result.js';

const inputSchema = {
  action: z
    .enum(['start', 'note', 'status', 'pause', 'resume', 'complete', 'check'])
    .describe(
      'start: begin streaming this session (returns the viewer URL). note: show `text` to viewers. status: show `text` ' +
        'as a short status line. pause / resume: stop or restart streaming (nothing from the pause is ever sent). ' +
        'complete: end the stream now. check: report whether the session is live.',
    ),
  text: z.string().min(1).max(2000).optional().describe('For note and status: what viewers should see.'),
  title: z.string().min(1).max(300).optional().describe('For start and complete: the stream / post title.'),
  discardOnEnd: z
    .boolean()
    .optional()
    .describe('For start: delete the stream when the session ends instead of keeping it as a post.'),
  keep: z
    .boolean()
    .optional()
    .describe(
      'For complete: true keeps the stream as a post, false discards it (default: the choice made at start).',
    ),
};

const outputSchema = {
  ...TextField,
  action: z.string(),
  live: z.boolean(),
  status: z.string().optional(),
  viewUrl: z.string().optional(),
  postUrl: z.string().nullable().optional(),
  outcome: z.string().optional(),
  discardOnEnd: z.boolean().optional(),
};

export function registerLiveUpdate(server: McpServer, deps: ServerDeps): void {
  server.registerTool(
    'live_update',
    {
      title: 'Live stream control',
      description:
        "Controls the live stream of the current Claude Code session on the user's Baton tracker, which lets others " +
        'watch each prompt, reply and tool call as it happens. Start it only when the user asks to stream or share ' +
        'live. Use note/status to tell viewers what you are doing; pause before anything the user wants kept private.',
      inputSchema,
      outputSchema,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
    },
    guarded(async (args) => {
      const { sessionId } = await resolveSession(deps);
      const control: LiveControlDeps = {
        config: deps.config,
        client: deps.client(),
        relayScript: deps.relayScript,
        env: deps.env,
      };
      const view = (s: LiveState) => ({ status: s.status, viewUrl: s.viewUrl, discardOnEnd: s.discardOnEnd });
      switch (args.action) {
        case 'start': {
          const r = await startLive(control, {
            sessionId,
            cwd: deps.cwd,
            ...(args.title ? { title: args.title } : {}),
            ...(args.discardOnEnd !== undefined ? { discardOnEnd: args.discardOnEnd } : {}),
          });
          const end = r.state.discardOnEnd ? 'discarded' : 'kept as a post';
          return ok(
            `${r.alreadyLive ? 'Already live' : 'Live'}: ${r.state.viewUrl}\nShare this URL with viewers. When the session ends the stream is ${end}.`,
            {
              action: 'start',
              live: true,
              ...view(r.state),
            },
          );
        }
        case 'note':
        case 'status': {
          if (!args.text) throw new BatonError('invalid_input', `action "${args.action}" needs text`);
          const s = await addLiveNote(control, { sessionId, kind: args.action, text: args.text });
          return ok(`Sent to viewers of ${s.viewUrl}.`, { action: args.action, live: true, ...view(s) });
        }
        case 'pause':
        case 'resume': {
          const s = await setLivePaused(control, { sessionId, paused: args.action === 'pause' });
          const text =
            args.action === 'pause'
              ? 'Live stream paused: nothing is streamed until it is resumed.'
              : `Live stream resumed: ${s.viewUrl}`;
          return ok(text, { action: args.action, live: true, ...view(s) });
        }
        case 'complete': {
          const r = await stopLive(control, {
            sessionId,
            ...(args.keep !== undefined ? { keep: args.keep } : {}),
            ...(args.title ? { title: args.title } : {}),
          });
          if (!r.state) return ok('This session is not streaming live.', { action: 'complete', live: false });
          const text =
            r.state.outcome === 'kept'
              ? `Live stream ended and kept as a post: ${r.state.postUrl ?? '(no URL returned)'}`
              : r.state.outcome === 'discarded'
                ? 'Live stream ended and discarded.'
                : `Live stream ended (${r.state.outcome ?? 'ended'}${r.state.error ? `: ${r.state.error}` : ''}).`;
          return ok(text, {
            action: 'complete',
            live: false,
            ...(r.state.outcome ? { outcome: r.state.outcome } : {}),
            postUrl: r.state.postUrl ?? null,
          });
        }
        case 'check': {
          const { live, ended } = liveStatus(deps.config.dataDir, sessionId);
          if (live)
            return ok(`Live (${live.status}): ${live.viewUrl}`, {
              action: 'check',
              live: true,
              ...view(live),
            });
          const last = ended
            ? ` The last stream ended ${ended.endedAt ?? ''} (${ended.outcome ?? 'ended'})${ended.postUrl ? `: ${ended.postUrl}` : ''}.`
            : '';
          return ok(`Not live.${last}`, {
            action: 'check',
            live: false,
            ...(ended?.postUrl ? { postUrl: ended.postUrl } : {}),
          });
        }
      }
    }),
  );
}
