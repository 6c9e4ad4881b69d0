// How a session's events are numbered for storage: the one rule the CLI's chunked upload and the tracker's push share.
import type { Session, SessionEvent } from './session.js';

/** An event with its storage position; the same shape as the API's EventItem. */
export interface NumberedEvent {
  seq: number;
  turnIndex: number;
  event: SessionEvent;
}

/**
 * A session's events in transcript order: the main chain across turns (seq 0…), then each sidechain (seq 0… within
 * it, keyed apart by agentId). Positional seq makes a longer re-push of the same session line up with what is stored,
 * and a chunked upload land on the same rows as a whole one. A sidechain belongs to the turn of the tool call that
 * spawned it (turn 0 when that call is unknown), and its events carry the sidechain's agentId.
 */
export function numberSessionEvents(session: Session): NumberedEvent[] {
  const items: NumberedEvent[] = [];
  const turnOfToolUse = new Map<string, number>();
  let seq = 0;
  for (const turn of session.turns) {
    for (const event of turn.events) {
      if (event.kind === 'tool_call') turnOfToolUse.set(event.toolUseId, turn.index);
      items.push({ seq: seq++, turnIndex: turn.index, event });
    }
  }
  for (const sc of session.sidechains) {
    const turnIndex = sc.toolUseId ? (turnOfToolUse.get(sc.toolUseId) ?? 0) : 0;
    sc.events.forEach((event, i) =>
      items.push({ seq: i, turnIndex, event: event.agentId ? event : { ...event, agentId: sc.agentId } }),
    );
  }
  return items;
}
