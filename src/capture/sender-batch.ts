// Cuts the next request out of a session's queue: redacted events under the caps, plus meta/totals/status.
import type { AppendEventsRequest, EventItem } from '../core/api/index.js';
import type { Redactor } from '../core/redact/index.js';
import type { SessionFeed } from './sender-feed.js';

export interface BatchLimits {
  maxEvents: number;
  /** Approximate JSON bytes of the events (the tracker's session body cap is 32 MB). */
  maxBytes: number;
}

export interface Batch {
  request: AppendEventsRequest;
  /** Queue entries the batch covers (acknowledge this many on success). */
  count: number;
  /** Outbox seq that is fully delivered once this batch is acknowledged. */
  ackSeq: number;
  /** This batch carries the session's end (status completed + summary). */
  final: boolean;
}

/** The next batch, or null when there is nothing to send. `finalDone`: the end was already delivered. */
export function nextBatch(feed: SessionFeed, redactor: Redactor, limits: BatchLimits, finalDone: boolean): Batch | null {
  const items: EventItem[] = [];
  let bytes = 0;
  for (const p of feed.pending) {
    if (items.length >= limits.maxEvents) break;
    const event = redactor.redactEvent(p.item.event);
    const size = JSON.stringify(event).length;
    if (items.length > 0 && bytes + size > limits.maxBytes) break;
    bytes += size;
    items.push({ ...p.item, event });
  }
  const all = items.length === feed.pending.length;
  const final = feed.ended && all && !(finalDone && items.length === 0);
  if (items.length === 0) {
    // Nothing new but the end (and its summary) still owed: re-send the last event, a no-op duplicate on the tracker.
    if (!final || !feed.lastItem) return null;
    items.push({ ...feed.lastItem, event: redactor.redactEvent(feed.lastItem.event) });
  }
  const { meta, totals } = feed.snapshot();
  const redactedMeta = {
    ...meta,
    ...(meta.title ? { title: redactor.redactText(meta.title) } : {}),
    ...(meta.firstPrompt ? { firstPrompt: redactor.redactText(meta.firstPrompt) } : {}),
  };
  const ackSeq = all ? feed.readSeq : feed.pending[items.length]!.outboxSeq - 1;
  return {
    request: { events: items, meta: redactedMeta, totals, status: final ? 'completed' : 'active', source: 'cli-stream' },
    count: all ? feed.pending.length : items.length,
    ackSeq,
    final,
  };
}
