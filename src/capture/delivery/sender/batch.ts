// Cuts the next request out of a session's queue: gated events under the caps, plus meta/totals/status.
import type { AppendEventsRequest, EventItem } from '../../../core/api/index.js';
import type { EgressGate, Gated } from '../../../core/egress/index.js';
import type { SessionFeed } from './feed.js';

export interface BatchLimits {
  maxEvents: number;
  /** Approximate JSON bytes of the events (the tracker's session body cap is 32 MB). */
  maxBytes: number;
}

export interface Batch {
  request: Gated<AppendEventsRequest>;
  /** Queue entries the batch covers (acknowledge this many on success), paused ones included. */
  count: number;
  /** Outbox seq that is fully delivered once this batch is acknowledged. */
  ackSeq: number;
  /** This batch carries the session's end (status completed + summary). */
  final: boolean;
}

/** The next batch, or null when there is nothing to send. `finalDone`: the end was already delivered. */
export function nextBatch(
  feed: SessionFeed,
  gate: EgressGate,
  limits: BatchLimits,
  finalDone: boolean,
): Batch | null {
  const sid = feed.sessionId;
  const pending = feed.pending;
  const items = takeGated(feed, gate, limits);
  const all = items.length === pending.length;
  const final = feed.ended && all && !(finalDone && items.length === 0);
  if (items.length === 0) {
    // Nothing new but the end (and its summary) still owed: re-send the last event, a no-op duplicate on the tracker.
    const last = final && feed.lastItem ? gate.event(feed.lastItem.event, sid) : null;
    if (!feed.lastItem || last === null) return null;
    items.push({ ...feed.lastItem, event: last });
  }
  const { meta, totals } = feed.snapshot();
  const status = final ? ('completed' as const) : ('active' as const);
  // Skip counts and subagent links travel with every batch (each replaces the stored one), so the session page
  // shows what an export shows.
  const body = {
    events: items,
    meta,
    totals,
    stats: feed.stats,
    sidechains: feed.sidechains(),
    status,
    source: 'cli-stream' as const,
  };
  const request = gate.body(body, sid);
  const ackSeq = all ? feed.readSeq : pending[items.length]!.outboxSeq - 1;
  return { request, count: all ? pending.length : items.length, ackSeq, final };
}

/** The queue's head, gated, under the caps; events the gate drops (or cannot take) leave the queue on the way. */
function takeGated(feed: SessionFeed, gate: EgressGate, limits: BatchLimits): EventItem[] {
  const sid = feed.sessionId;
  const pending = feed.pending;
  const items: EventItem[] = [];
  let bytes = 0;
  let i = 0;
  while (i < pending.length && items.length < limits.maxEvents) {
    const p = pending[i]!;
    let event;
    let size: number;
    try {
      event = gate.event(p.item.event, sid);
      size = event === null ? 0 : JSON.stringify(event).length;
    } catch (err) {
      // An event the gate or the serializer cannot take (a structure too deep to walk) is set aside, not retried.
      pending.splice(i, 1);
      feed.setAside({
        sessionId: sid,
        reason: 'event_failed',
        uuid: p.item.event.uuid,
        code: (err as Error)?.name,
        message: String((err as Error)?.message ?? err).slice(0, 300),
      });
      continue;
    }
    // A pause recorded after the record was read: the event never leaves, and is not owed any more.
    if (event === null) {
      pending.splice(i, 1);
      continue;
    }
    // Gated once: a later batch that takes it finds it sealed and does not count its secrets again.
    p.item = { ...p.item, event };
    if (items.length > 0 && bytes + size > limits.maxBytes) break;
    bytes += size;
    items.push(p.item);
    i++;
  }
  return items;
}
