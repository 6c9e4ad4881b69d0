// Pause spans: what the user asked not to record, as times and transcript uuids; judged per record and per event.
// No zod here: the export bundle stays free of it (start-up time); pause-log.ts checks what it reads by hand.
import type { RecordFilter } from '../transcript/stream-session.js';

/**
 * One pause, as recorded when the user paused and resumed. `from`/`to` are ISO times (`to` missing while paused);
 * `afterUuid` is the newest transcript record when the pause began and `untilUuid` the newest when it ended, so a
 * record written in between is recognised by its place in the file even if its clock stamp were off.
 */
export interface PauseSpan {
  from: string;
  to?: string;
  afterUuid?: string;
  untilUuid?: string;
}

/**
 * The pauses of a session id. `startingAt` finds spans of any session that begin right after a given record uuid:
 * a fork (`--fork-session`) copies its parent's records with their uuids and times but under its own session id,
 * so that is how the parent's pauses are recognised in the fork's file.
 */
export type PauseLookup = ((sessionId: string) => readonly PauseSpan[]) & {
  startingAt?: (uuid: string) => ReadonlyArray<{ sessionId: string; span: PauseSpan }>;
};

export const noPauses: PauseLookup = () => [];

/** Whether `timestamp` falls inside a span. Events without a usable time are judged by `stillPaused`. */
export function pausedAtTime(spans: readonly PauseSpan[], timestamp: string | undefined): boolean {
  if (spans.length === 0) return false;
  const t = timestamp === undefined ? NaN : Date.parse(timestamp);
  if (Number.isNaN(t)) return stillPaused(spans);
  // Both ends inclusive: a record stamped in the very millisecond of a pause or resume is judged paused.
  return spans.some((p) => t >= Date.parse(p.from) && (p.to === undefined || t <= Date.parse(p.to)));
}

/** The newest span has not ended: whatever has no time stamp is being written now, while paused. */
export function stillPaused(spans: readonly PauseSpan[]): boolean {
  const last = spans[spans.length - 1];
  return last !== undefined && last.to === undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * A record filter for one transcript file, read in order. A record is refused when its time stamp is inside a span
 * of its session, or when it comes after a span's `afterUuid` and up to its `untilUuid` in the file (an open span:
 * to the end). Both tests refuse; neither is needed for the other, so a conservative union is what leaves.
 */
export function createPauseFilter(lookup: PauseLookup, fallbackSessionId: string | undefined): RecordFilter {
  // Spans whose `afterUuid` was seen in this file, waiting for their `untilUuid`; keyed by their start, because a
  // long-running reader gets a new copy of a span when the log is re-read (the resume adds its end to it).
  const open = new Map<string, OpenSpan>();
  // Other sessions whose history this file carries (a fork's parent): their pauses apply to it as well.
  const adopted = new Set<string>();
  const spansOf = (sid: string | undefined): readonly PauseSpan[] => {
    const own = sid === undefined ? [] : lookup(sid);
    if (adopted.size === 0) return own;
    const all = [...own];
    for (const other of adopted) if (other !== sid) all.push(...lookup(other));
    return all;
  };
  return (record) => {
    const sid = str(record.sessionId) ?? fallbackSessionId;
    const uuid = str(record.uuid);
    const parent = str(record.requestSessionId);
    if (parent !== undefined && parent !== sid) adopted.add(parent);
    if (uuid !== undefined && lookup.startingAt) {
      for (const hit of lookup.startingAt(uuid)) if (hit.sessionId !== sid) adopted.add(hit.sessionId);
    }
    const spans = spansOf(sid);
    if (spans.length === 0 && open.size === 0) return true;
    if (open.size > 0) refreshOpen(open, spans);
    // Positionally inside a span (uuid-less control records too, e.g. a title written while paused).
    let refused = open.size > 0;
    if (uuid !== undefined) {
      for (const [k, o] of open) {
        if (o.span.untilUuid === uuid) open.delete(k);
        else o.passed.add(uuid);
      }
    }
    const timestamp = str(record.timestamp);
    if (!refused && spans.length > 0) {
      refused =
        timestamp === undefined ? uuid === undefined && stillPaused(spans) : pausedAtTime(spans, timestamp);
    }
    if (uuid !== undefined) {
      for (const p of spans) {
        // A span with an end time but no end uuid is judged by time only: it must not run to the end of the file.
        const byUuid = p.afterUuid !== undefined && (p.to === undefined || p.untilUuid !== undefined);
        if (byUuid && p.afterUuid === uuid && p.untilUuid !== uuid)
          open.set(spanKey(p), { span: p, passed: new Set() });
      }
    }
    return !refused;
  };
}

/** A span this file entered by position, with the uuids read since (its end may become known after its end passed). */
interface OpenSpan {
  span: PauseSpan;
  passed: Set<string>;
}

const spanKey = (p: PauseSpan): string => `${p.from}\0${p.afterUuid ?? ''}`;

/**
 * Open spans take their newest copy: a resume recorded since gives them `to` and `untilUuid`. One whose end record
 * was read before the resume was known is closed now (the record being judged comes after it).
 */
function refreshOpen(open: Map<string, OpenSpan>, spans: readonly PauseSpan[]): void {
  for (const p of spans) {
    const k = spanKey(p);
    const o = open.get(k);
    if (o === undefined || o.span === p) continue;
    // Ended without an end uuid: judged by time alone from now on (as a span read that way from the start is).
    if (p.to !== undefined && p.untilUuid === undefined) open.delete(k);
    else if (p.untilUuid !== undefined && o.passed.has(p.untilUuid)) open.delete(k);
    else o.span = p;
  }
}
