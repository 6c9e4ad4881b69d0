// What the live-stream tools share: live control wired to the server's deps, the session they act on, the state view.
import { z } from 'zod';
import type { LiveControlDeps } from '../../../src/capture/delivery/live/control.js';
import type { LiveState } from '../../../src/capture/delivery/live/state.js';
import { resolveSession } from '../../current-session.js';
import type { ServerDeps } from '../../server-deps.js';

/** Live control for the session this server runs in: a stream is always the current session's. */
export async function currentLive(
  deps: ServerDeps,
): Promise<{ sessionId: string; control: LiveControlDeps }> {
  const { sessionId } = await resolveSession(deps);
  return {
    sessionId,
    control: { config: deps.config, client: deps.client(), relayScript: deps.relayScript, env: deps.env },
  };
}

/** The stream as the model sees it: never the producer token. */
export const LiveView = {
  live: z.boolean(),
  status: z.string().optional(),
  viewUrl: z.string().optional(),
  discardOnEnd: z.boolean().optional(),
};

export function liveView(s: LiveState): {
  live: true;
  status: string;
  viewUrl: string;
  discardOnEnd: boolean;
} {
  return { live: true, status: s.status, viewUrl: s.viewUrl, discardOnEnd: s.discardOnEnd };
}
