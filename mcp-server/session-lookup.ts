// Loads a session digest from this machine's transcript when present, else from the tracker.
import { openEgressGate } from '../src/capture/session/egress.js';
import type { ServerDeps } from './server-deps.js';
import { resolveSession } from './current-session.js';
import { digestFrom, recentTurns, type SessionDigest } from './session-digest.js';
import { requireTracker } from './tracker.js';

/** Events read from the tracker for the recent turns: the tail of the session, at most this many. */
const TAIL_EVENTS = 400;

export async function sessionDigest(
  deps: ServerDeps,
  ref: string | undefined,
  turns: number,
): Promise<SessionDigest & { source: 'local' | 'tracker'; url?: string }> {
  const s = await resolveSession(deps, ref);
  if (s.transcriptPath) {
    // What the model reads leaves the machine too (to the model's API): the same gate as a push.
    const session = await openEgressGate({
      dataDir: deps.config.dataDir,
      redact: deps.config.redact,
    }).loadSession(s.transcriptPath);
    const events = session.turns.flatMap((t) => t.events.map((event) => ({ turnIndex: t.index, event })));
    return { ...digestFrom(session.meta, session.totals, recentTurns(events, turns)), source: 'local' };
  }
  const client = requireTracker(deps);
  const head = await client.sessions.get(s.sessionId, { limit: 0 });
  const total = head.eventsPage.total;
  const page = await client.sessions.get(s.sessionId, {
    offset: Math.max(0, total - TAIL_EVENTS),
    limit: TAIL_EVENTS,
  });
  return {
    ...digestFrom(page.meta, page.session.totals, recentTurns(page.events, turns)),
    source: 'tracker',
    url: page.session.url,
  };
}
