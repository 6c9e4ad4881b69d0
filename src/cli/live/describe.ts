// Human text for live-stream results, shared by `baton live` and the /export-session --live backend.
import type { StartLiveResult, StopLiveResult } from '../../capture/delivery/live/control.js';
import type { LiveState } from '../../capture/delivery/live/state.js';
import { describeRedaction } from '../../core/egress/index.js';

export function describeStart(r: StartLiveResult): string {
  const s = r.state;
  const end = s.discardOnEnd
    ? 'discarded (its data deleted) when the session ends'
    : 'kept as a post when the session ends';
  const relay =
    r.relay === 'no-relay'
      ? ' The live relay (dist/live-relay.cjs) was not found: events will flow once a hook restarts it.'
      : '';
  const redaction = ` Redaction of the session so far: ${describeRedaction(r.redaction, r.redacting)}.`;
  return `${r.alreadyLive ? 'Already live' : 'Live'} at ${s.viewUrl} — session ${s.sessionId}; the stream is ${end}.${redaction}${relay}`;
}

export function describeStop(r: StopLiveResult): string {
  const s = r.state;
  if (r.endedBy === 'not-live' || !s) return 'This session is not streaming live.';
  switch (s.outcome) {
    case 'kept':
      return `Live stream ended and kept as a post: ${s.postUrl ?? '(no post URL returned)'}`;
    case 'discarded':
      return 'Live stream ended and discarded: the view link no longer works.';
    case 'gone':
      return `Live stream had already ended on the tracker (${s.error ?? 'expired or revoked'}).`;
    default:
      return `Live stream ended with an error: ${s.error ?? 'unknown'}`;
  }
}

/** The state as shown to users and in --json: never the producer token. */
export function publicState(s: LiveState): Omit<LiveState, 'producerToken'> {
  const { producerToken: _hidden, ...rest } = s;
  return rest;
}
