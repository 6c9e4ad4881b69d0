// Cuts the next request out of a session's queue: gated events and raw transcript lines under the caps, plus
// meta/totals/status. One request carries both (one upload path), acknowledged by the same outbox seq.
import type { AppendEventsRequest, EventItem, SessionEntryItem } from '../../../core/api/index.js';
import { isGated, type EgressGate, type Gated } from '../../../core/egress/index.js';
import { entryKeyAt } from '../../../core/transcript/read-entries.js';
import type { PendingEntry, PendingEvent, SessionFeed } from './feed.js';

export interface BatchLimits {
  maxEvents: number;
  /** Transcript lines per request (the tracker takes up to 200,000; the byte cap usually ends a batch first). */
  maxEntries: number;
  /** Approximate JSON bytes of the events and lines (the tracker's session body cap is 32 MB). */
  maxBytes: number;
  /** Queue items (events + lines) per request: lowered to isolate an item the tracker refuses. Default: no cap. */
  maxItems?: number;
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
  const { events, entries, count } = takeGated(feed, gate, limits);
  const all = count === pending.length;
  const final = feed.ended && all && !(finalDone && count === 0);
  if (count === 0) {
    // Nothing new but the end (and its summary) still owed: re-send the last event, a no-op duplicate on the tracker.
    const last = final && feed.lastItem ? gate.event(feed.lastItem.event, sid) : null;
    if (!feed.lastItem || last === null) return null;
    events.push({ ...feed.lastItem, event: last });
  }
  const { meta, totals } = feed.snapshot();
  const status = final ? ('completed' as const) : ('active' as const);
  // Skip counts and subagent links travel with every batch (each replaces the stored one), so the session page
  // shows what an export shows.
  const body = {
    events,
    ...(entries.length > 0 ? { entries } : {}),
    meta,
    totals,
    stats: feed.stats,
    sidechains: feed.sidechains(),
    status,
    source: 'cli-stream' as const,
  };
  const request = gate.body(body, sid);
  const ackSeq = all ? feed.readSeq : pending[count]!.outboxSeq - 1;
  return { request, count: all ? pending.length : count, ackSeq, final };
}

interface Taken {
  events: EventItem[];
  entries: SessionEntryItem[];
  /** Queue items taken (the head of the queue, after dropping what the gate refused). */
  count: number;
}

/** The queue's head, gated, under the caps; items the gate drops (or cannot take) leave the queue on the way. */
function takeGated(feed: SessionFeed, gate: EgressGate, limits: BatchLimits): Taken {
  const pending = feed.pending;
  const out: Taken = { events: [], entries: [], count: 0 };
  const maxItems = limits.maxItems ?? Infinity;
  let bytes = 0;
  while (out.count < pending.length && out.count < maxItems) {
    const p = pending[out.count]!;
    if (
      p.entry !== undefined ? out.entries.length >= limits.maxEntries : out.events.length >= limits.maxEvents
    )
      break;
    const size = p.entry !== undefined ? gateEntry(feed, gate, p) : gateEvent(feed, gate, p);
    // Dropped (paused) or set aside: not owed any more, and the same index now holds the next item.
    if (size === null) {
      pending.splice(out.count, 1);
      continue;
    }
    if (out.count > 0 && bytes + size > limits.maxBytes) break;
    bytes += size;
    if (p.entry !== undefined) out.entries.push(p.entry as Gated<SessionEntryItem>);
    else out.events.push(p.item);
    out.count++;
  }
  return out;
}

/**
 * Gates the event in place (once: a later batch that takes it finds it sealed and does not count its secrets again)
 * and returns its size; null when it never leaves (a pause recorded after the record was read) or cannot.
 */
function gateEvent(feed: SessionFeed, gate: EgressGate, p: PendingEvent): number | null {
  const sid = feed.sessionId;
  try {
    const event = gate.event(p.item.event, sid);
    if (event === null) return null;
    const size = JSON.stringify(event).length;
    p.item = { ...p.item, event };
    return size;
  } catch (err) {
    // An event the gate or the serializer cannot take (a structure too deep to walk) is set aside, not retried.
    feed.setAside({ sessionId: sid, reason: 'event_failed', uuid: p.item.event.uuid, ...failure(err) });
    return null;
  }
}

/**
 * Gates the line in place, once and in the queue's order, which is its file's order (the gate's pause rule and
 * relink follow it); null when it never leaves (paused) or cannot be gated.
 */
function gateEntry(feed: SessionFeed, gate: EgressGate, p: PendingEntry): number | null {
  if (isGated(p.entry)) return p.bytes;
  const { line, subKey, offset } = p.entry as Exclude<PendingEntry['entry'], Gated<SessionEntryItem>>;
  const uuid = typeof line.uuid === 'string' && line.uuid !== '' ? line.uuid : undefined;
  const where = {
    sessionId: feed.sessionId,
    subKey,
    offset,
    ...(uuid ? {} : { lineKey: entryKeyAt(offset) }),
  };
  try {
    const g = gate.entry(line, where);
    if (g === null) return null;
    // Measured as sent: the byte cap holds, and a record too deep to serialize fails here, alone, not the request.
    p.bytes = JSON.stringify(g).length;
    p.entry = g;
    return p.bytes;
  } catch (err) {
    // Too deep for the redaction walk or the serializer: set aside like an event that cannot be gated.
    feed.setAside({ sessionId: feed.sessionId, reason: 'entry_failed', uuid, ...failure(err) });
    return null;
  }
}

const failure = (err: unknown): { code?: string; message: string } => ({
  code: (err as Error)?.name,
  message: String((err as Error)?.message ?? err).slice(0, 300),
});
