// pause_live and resume_live: stop and restart streaming; nothing from the pause is ever sent.
import { setLivePaused } from '../../../src/capture/delivery/live/control.js';
import { defineTool, type Tool } from '../../define-tool.js';
import { currentLive, liveView, LiveView } from './live-common.js';

function pauseTool(paused: boolean): Tool {
  return defineTool({
    name: paused ? 'pause_live' : 'resume_live',
    title: paused ? 'Pause live stream' : 'Resume live stream',
    description: paused
      ? 'Pauses the current session\'s live stream: viewers see "paused" and nothing from now until resume_live is ' +
        'ever sent, not even later in a kept post. Call it before anything the user wants kept private.'
      : "Resumes the current session's paused live stream: from now on viewers see the session again (what " +
        'happened during the pause stays unsent).',
    input: {},
    output: LiveView,
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    async run(_args, deps) {
      const { sessionId, control } = await currentLive(deps);
      const s = await setLivePaused(control, { sessionId, paused });
      const text = paused
        ? 'Live stream paused: nothing is streamed until it is resumed.'
        : `Live stream resumed: ${s.viewUrl}`;
      return { text, ...liveView(s) };
    },
  });
}

export const pauseLiveTool = pauseTool(true);
export const resumeLiveTool = pauseTool(false);
