// `baton/session-store`: an Agent SDK SessionStore backed by the Baton tracker (bundled as dist/session-store.js).
import { connect } from './connect.js';
import { createStoreOn, defaultGate, reportToStderr } from './tracker-session-store.js';
import type { CreateTrackerSessionStore } from './types.js';

export type * from './types.js';

/**
 * A SessionStore that mirrors Agent SDK transcripts to the tracker and resumes them from it. Tracker URL and key
 * come from `url`/`key`, else from Baton's config (BATON_URL, BATON_API_KEY, the file `baton login` writes).
 * Throws BatonError('config') when no tracker is configured.
 */
export const createTrackerSessionStore: CreateTrackerSessionStore = (options = {}) =>
  createStoreOn({
    clients: connect(options),
    gate: defaultGate(options),
    onError: options.onError ?? reportToStderr,
    maxPendingEntries: options.maxPendingEntries ?? 20_000,
  });
