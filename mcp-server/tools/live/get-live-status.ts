// get_live_status: whether the current session is streaming live, where, and how its last stream ended.
import { z } from 'zod';
import { liveStatus } from '../../../src/capture/delivery/live/control.js';
import { resolveSession } from '../../current-session.js';
import { defineTool } from '../../define-tool.js';
import { liveView, LiveView } from './live-common.js';

export const getLiveStatusTool = defineTool({
  name: 'get_live_status',
  title: 'Live stream status',
  description:
    'Reports whether the current Claude Code session is streaming live (active or paused, and the viewer URL), ' +
    'or how its last stream ended. Reads this machine only; changes nothing.',
  input: {},
  output: { ...LiveView, postUrl: z.string().optional() },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(_args, deps) {
    const { sessionId } = await resolveSession(deps);
    const { live, ended } = liveStatus(deps.config.dataDir, sessionId);
    if (live) return { text: `Live (${live.status}): ${live.viewUrl}`, ...liveView(live) };
    const last = ended
      ? ` The last stream ended ${ended.endedAt ?? ''} (${ended.outcome ?? 'ended'})${ended.postUrl ? `: ${ended.postUrl}` : ''}.`
      : '';
    return { text: `Not live.${last}`, live: false, ...(ended?.postUrl ? { postUrl: ended.postUrl } : {}) };
  },
});
