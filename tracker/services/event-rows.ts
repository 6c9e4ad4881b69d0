// Turning model events into stored rows and back.
import type { EventItem, StoredEvent } from '../../src/core/api/index.js';
import { numberSessionEvents } from '../../src/core/model/event-numbering.js';
import { SessionEvent } from '../../src/core/model/session.js';
import type { EventRow, NewEventRow } from '../db/repositories/index.js';

/** Prompts and responses are what search covers; long texts are indexed in part only. */
const MAX_SEARCH_CHARS = 64_000;

export function searchableText(e: SessionEvent): string | null {
  if (e.kind === 'prompt' || e.kind === 'text')
    return e.text.length > MAX_SEARCH_CHARS ? e.text.slice(0, MAX_SEARCH_CHARS) : e.text;
  return null;
}

export function toEventRow(item: EventItem, truncatedFrom: number | null = null): NewEventRow {
  return {
    uuid: item.event.uuid,
    seq: item.seq,
    turn_index: item.turnIndex,
    agent_id: item.event.agentId ?? '',
    kind: item.event.kind,
    payload: JSON.stringify(item.event),
    truncated_from: truncatedFrom,
  };
}

/** Rows were validated on the way in; a row that no longer parses (hand-edited DB) becomes a system note. */
export function fromEventRow(row: EventRow): StoredEvent {
  let event: SessionEvent;
  const parsed = SessionEvent.safeParse(safeJson(row.payload));
  if (parsed.success) event = parsed.data;
  else
    event = { kind: 'system', uuid: row.uuid, subtype: 'unreadable', text: 'stored event could not be read' };
  const out: StoredEvent = { seq: Number(row.seq), turnIndex: Number(row.turn_index), event };
  if (row.truncated_from !== null) out.truncatedFrom = Number(row.truncated_from);
  return out;
}

/** A session's events numbered for storage: the rule the plugin's chunked upload shares (core/model). */
export { numberSessionEvents as sessionEventItems };

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
