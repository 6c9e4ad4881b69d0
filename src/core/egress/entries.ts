// Transcript lines on their way out (issue 12): the raw record gets the same pause, private-span and redaction rules
// as an event, and its resume chain (`parentUuid`) is relinked past the records a pause dropped.
import type { SessionEntryItem } from '../api/transcript-entries.js';
import { isObj, isPlainObject } from '../transcript/guards.js';
import type { RecordFilter } from '../transcript/stream-session.js';
import { isGated, seal, type Gated } from './seal.js';

export interface EntryWhere {
  /** The session the file belongs to (records without a `sessionId` are judged by its pauses). */
  sessionId: string | undefined;
  /** '' or missing: the main transcript; else the file's sub key, e.g. 'subagents/agent-<id>'. */
  subKey?: string;
  /**
   * For a line without a uuid: the key that makes sending it again a no-op (a reader of the file names it by its
   * place, see entryKeyAt in core/transcript/read-entries.ts); without one such a line is appended every time.
   */
  lineKey?: string;
  /** The line's byte offset in its file (else read from a `@<offset>` lineKey): where a resume's lines end. */
  offset?: number;
  /**
   * The line left in an earlier run (a sender replaying its outbox after a restart): it only advances the file's
   * pause state and relink memory, and null is returned (no redaction pass spent on it).
   */
  seen?: boolean;
}

export interface EntryGate {
  /** One line (raw JSONL text or the parsed record); null when paused or not a JSON object. */
  entry(line: string | Record<string, unknown>, where: EntryWhere): Gated<SessionEntryItem> | null;
  /**
   * A request body's `entries` (`[{ subKey?, uuid?, line }]`), gated item by item in order; paused ones are left
   * out, items that already passed the gate go as they are. An item's own `subKey` wins over `where.subKey`.
   */
  items(list: readonly EntryItemLike[], where: EntryWhere): SessionEntryItem[];
}

export interface EntryItemLike {
  subKey?: unknown;
  uuid?: unknown;
  line: Record<string, unknown>;
}

/** What one transcript file's lines need to remember: its pause state and the uuids it dropped. */
interface FileState {
  admit: RecordFilter;
  /** Dropped uuid → the nearest kept ancestor (null: none, the chain starts again at the root). */
  dropped: Map<string, string | null>;
}

/** The two link fields Claude Code follows when it rebuilds a conversation (compaction sets the logical one). */
const LINKS = ['parentUuid', 'logicalParentUuid'] as const;

/**
 * One gate for the lines of every file, in file order per (sessionId, subKey). `filterFor` is the gate's pause rule
 * for a file, `value` its private-span cut plus redaction (copy-on-write: an untouched record comes back as itself).
 */
export function createEntryGate(deps: {
  filterFor: (sessionId: string | undefined) => RecordFilter;
  value: <V>(v: V) => V;
  fromTracker?: ((sessionId: string, subKey: string) => number) | undefined;
}): EntryGate {
  const files = new Map<string, FileState>();
  const stateOf = (where: EntryWhere): FileState => {
    const key = `${where.sessionId ?? ''}\0${where.subKey ?? ''}`;
    let s = files.get(key);
    if (s === undefined) {
      s = { admit: deps.filterFor(where.sessionId), dropped: new Map() };
      files.set(key, s);
    }
    return s;
  };

  /** A line a resume wrote from the tracker's copy: the tracker's own, not sent back (it sits at another offset). */
  const restored = (where: EntryWhere): boolean => {
    if (deps.fromTracker === undefined || where.sessionId === undefined) return false;
    const at = where.offset ?? offsetOfKey(where.lineKey);
    return at !== undefined && at < deps.fromTracker(where.sessionId, where.subKey ?? '');
  };

  const entry: EntryGate['entry'] = (line, where) => {
    const record = typeof line === 'string' ? parseObject(line) : isPlainObject(line) ? line : null;
    if (record === null) return null;
    const state = stateOf(where);
    if (!state.admit(record)) {
      const uuid = record.uuid;
      if (typeof uuid === 'string') state.dropped.set(uuid, resolve(state.dropped, record.parentUuid));
      return null;
    }
    if (where.seen === true || restored(where)) return null;
    const gated = deps.value(relink(record, state.dropped));
    const uuid = gated.uuid;
    const item: SessionEntryItem = { line: gated };
    if (where.subKey !== undefined && where.subKey !== '') item.subKey = where.subKey;
    if (typeof uuid === 'string' && uuid.length > 0 && uuid.length <= 200) item.uuid = uuid;
    else if (where.lineKey !== undefined) item.uuid = where.lineKey;
    return seal(item);
  };

  const items: EntryGate['items'] = (list, where) => {
    const out: SessionEntryItem[] = [];
    for (const item of list) {
      if (isGated(item)) {
        out.push(item as unknown as SessionEntryItem);
        continue;
      }
      const subKey = typeof item.subKey === 'string' ? item.subKey : where.subKey;
      const g = entry(item.line, { sessionId: where.sessionId, subKey });
      if (g === null) continue;
      // A caller may name the uuid beside a line that has none (a SessionStore's idempotency key).
      const uuid = typeof item.uuid === 'string' && item.uuid.length > 0 ? deps.value(item.uuid) : undefined;
      out.push(g.uuid === undefined && uuid !== undefined ? seal({ ...g, uuid }) : g);
    }
    return out;
  };

  return { entry, items };
}

export const isEntryItemList = (v: unknown): v is EntryItemLike[] =>
  Array.isArray(v) && v.every((i) => isObj(i) && isPlainObject(i.line));

/** The offset in a `@<offset>` line key (the form core/transcript/read-entries' entryKeyAt gives). */
function offsetOfKey(key: string | undefined): number | undefined {
  const m = key === undefined ? null : /^@(\d{1,15})$/.exec(key);
  return m ? Number(m[1]) : undefined;
}

/** The nearest ancestor of `parent` that was not dropped (dropped entries already hold their resolved ancestor). */
function resolve(dropped: ReadonlyMap<string, string | null>, parent: unknown): string | null {
  if (typeof parent !== 'string') return null;
  const to = dropped.get(parent);
  return to === undefined ? parent : to;
}

/** The record with its links pointing past dropped records; the record itself when none pointed at one. */
function relink(
  record: Record<string, unknown>,
  dropped: ReadonlyMap<string, string | null>,
): Record<string, unknown> {
  if (dropped.size === 0) return record;
  let out: Record<string, unknown> | null = null;
  for (const k of LINKS) {
    const v = record[k];
    if (typeof v !== 'string' || !dropped.has(v)) continue;
    (out ??= { ...record })[k] = dropped.get(v) ?? null;
  }
  return out ?? record;
}

function parseObject(line: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(line);
    return isPlainObject(v) ? v : null;
  } catch {
    return null;
  }
}
