// The egress gate: the one function every outbound path calls. Pauses, <private> spans and redaction, in that order.
import type {
  RedactionReport,
  Session,
  SessionEvent,
  SessionMeta,
  Sidechain,
  Turn,
} from '../model/session.js';
import { createRedactor } from '../redact/redactor.js';
import { stripPrivateText, stripPrivateValue } from '../redact/private-spans.js';
import { loadSession } from '../transcript/load-session.js';
import {
  streamSession,
  type EventContext,
  type RecordFilter,
  type StreamSessionOptions,
  type StreamSessionResult,
} from '../transcript/stream-session.js';
import type { SessionEntryItem } from '../api/transcript-entries.js';
import { createEntryGate, isEntryItemList, type EntryItemLike, type EntryWhere } from './entries.js';
import { createPauseFilter, noPauses, pausedAtTime, type PauseLookup } from './pause-spans.js';
import { isGated, seal, type Gated } from './seal.js';

/** What may leave. Private spans are not a setting: they are always cut. */
export interface EgressPolicy {
  /** Redact secrets. Only an explicit `false` (`--no-redact`, BATON_REDACT=0) turns it off. */
  redact: boolean;
  /** The pauses recorded on this machine, by session id (default: none, e.g. on the tracker). */
  pauses?: PauseLookup;
  /**
   * How many bytes at the start of a session's file (by sub key) a resume wrote from the tracker's copy: lines there
   * are the tracker's own and never go back as entries (default: none).
   */
  fromTracker?: (sessionId: string, subKey: string) => number;
}

export interface EgressGate {
  readonly redacting: boolean;
  /** A record filter for one transcript file (a reader that cannot use `loadSession`/`streamSession` below). */
  recordFilter(fallbackSessionId?: string): RecordFilter;
  /** Reads a transcript with paused records left out, then gates the session. */
  loadSession(path: string, opts?: Omit<StreamSessionOptions, 'admit'>): Promise<Gated<Session>>;
  /** Streams a transcript with paused records left out; every event handed on is gated, and so is the meta. */
  streamSession(
    path: string,
    onEvent: (e: Gated<SessionEvent>, ctx: EventContext) => void | Promise<void>,
    opts?: Omit<StreamSessionOptions, 'admit'>,
  ): Promise<StreamSessionResult & { meta: Gated<SessionMeta> }>;
  session(s: Session): Gated<Session>;
  /** Null when the event falls in a pause of `sessionId`. An event that is already gated is returned as it is. */
  event<E extends SessionEvent>(e: E, sessionId?: string): Gated<E> | null;
  meta(m: SessionMeta): Gated<SessionMeta>;
  /**
   * One transcript line on its way out (for the tracker's lossless mirror). `line`: the raw JSONL text or the parsed
   * record. null when the record falls in a pause or is not a JSON object; else the gated entry: private spans cut,
   * secrets redacted, parentUuid relinked past records this gate dropped for the same (sessionId, subKey). Lines of
   * one file must come in file order (the pause rule and the relink follow it).
   */
  entry(line: string | Record<string, unknown>, where: EntryWhere): Gated<SessionEntryItem> | null;
  text(s: string): string;
  /**
   * A request body: `session`, `sessions`, `meta` and `events` (`[{ event, ... }]`) get the session treatment (paused
   * events dropped), `entries` (`[{ subKey?, uuid?, line }]`, subKey defaulting to the body's) and `transcripts`
   * (`[{ sessionId, entries }]`) are gated as `entry` does, every other string is cut and redacted. `sessionId` names
   * the session the events and entries belong to.
   */
  body<T extends object>(b: T, sessionId?: string): Gated<T>;
  /** Secrets redacted by this gate so far, by rule. */
  report(): RedactionReport;
}

export function createEgressGate(policy: EgressPolicy): EgressGate {
  const redactor = createRedactor({ enabled: policy.redact });
  // Title and first prompt repeat the first prompt's words: redacted, but counted once, where the prompt itself is.
  const copies = createRedactor({ enabled: policy.redact });
  const pauses = policy.pauses ?? noPauses;
  const paused = (sessionId: string | undefined, timestamp: string | undefined): boolean =>
    sessionId !== undefined && pausedAtTime(pauses(sessionId), timestamp);

  const text = (s: string): string => redactor.redactText(stripPrivateText(s));
  const value = <V>(v: V): V => redactor.redactValue(stripPrivateValue(v));

  function event<E extends SessionEvent>(e: E, sessionId?: string): Gated<E> | null {
    if (isGated(e)) return e as Gated<E>;
    if (paused(sessionId, e.timestamp)) return null;
    // Sealed as it is when nothing changed: events are never mutated, and a copy per event is measurable in exports.
    return seal(redactor.redactEvent(stripPrivateValue(e)));
  }

  function meta(m: SessionMeta): Gated<SessionMeta> {
    if (isGated(m)) return m as Gated<SessionMeta>;
    const out: SessionMeta = { ...stripPrivateValue(m) };
    // Title and first prompt are usually the first prompt's words; cwd and branch are the user's own names.
    if (out.title !== undefined) out.title = copies.redactText(out.title);
    if (out.firstPrompt !== undefined) out.firstPrompt = copies.redactText(out.firstPrompt);
    return seal(out);
  }

  const events = (list: SessionEvent[], sid: string): SessionEvent[] => {
    const out: SessionEvent[] = [];
    for (const e of list) {
      const g = event(e, sid);
      if (g !== null) out.push(g);
    }
    return out;
  };

  function session(s: Session): Gated<Session> {
    if (isGated(s)) return s as Gated<Session>;
    const sid = s.meta.id;
    const before = report();
    const turns: Turn[] = s.turns.map((t) => ({ ...t, events: events(t.events, sid) }));
    const sidechains: Sidechain[] = s.sidechains.map((c) => ({ ...c, events: events(c.events, sid) }));
    const gatedMeta = meta(s.meta);
    return seal({
      ...s,
      meta: gatedMeta,
      turns,
      sidechains,
      redaction: since(before, report(), s.redaction),
    });
  }

  const recordFilter = (fallbackSessionId?: string): RecordFilter =>
    createPauseFilter(pauses, fallbackSessionId);
  const entries = createEntryGate({ filterFor: recordFilter, value, fromTracker: policy.fromTracker });

  function body<T extends object>(b: T, sessionId?: string): Gated<T> {
    if (isGated(b)) return b as Gated<T>;
    const src = b as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const sid = sessionId ?? (isMetaLike(src.meta) ? src.meta.id : undefined);
    for (const [k, v] of Object.entries(src)) {
      if (k === 'session' && isSessionLike(v)) out[k] = session(v);
      else if (k === 'sessions' && Array.isArray(v) && v.every(isSessionLike)) out[k] = v.map(session);
      else if (k === 'meta' && isMetaLike(v)) out[k] = meta(v);
      else if (k === 'events' && Array.isArray(v) && v.every(isEventItem)) {
        const items: unknown[] = [];
        for (const item of v) {
          const g = event(item.event, sid);
          if (g !== null) items.push({ ...value(omitEvent(item)), event: g });
        }
        out[k] = items;
      } else if (k === 'entries' && isEntryItemList(v)) {
        const subKey = typeof src.subKey === 'string' ? src.subKey : undefined;
        out[k] = entries.items(v, { sessionId: sid, subKey });
      } else if (k === 'transcripts' && Array.isArray(v) && v.every(isTranscriptLike)) {
        out[k] = v.map(({ sessionId: id, entries: list, ...rest }) => ({
          ...value(rest),
          sessionId: id,
          entries: entries.items(list, { sessionId: id }),
        }));
      } else out[k] = value(v);
    }
    return seal(out as T);
  }

  function report(): RedactionReport {
    return redactor.report();
  }

  const sessionIdOf = (path: string): string | undefined => /([^/\\]+)\.jsonl$/.exec(path)?.[1];

  return {
    redacting: policy.redact,
    recordFilter,
    async loadSession(path, opts = {}) {
      const sid = sessionIdOf(path);
      return session(await loadSession(path, { ...opts, admit: () => recordFilter(sid) }));
    },
    async streamSession(path, onEvent, opts = {}) {
      const sid = sessionIdOf(path);
      const res = await streamSession(
        path,
        (e, ctx) => {
          const g = event(e, sid);
          return g === null ? undefined : onEvent(g, ctx);
        },
        { ...opts, admit: () => recordFilter(sid) },
      );
      return { ...res, meta: meta(res.meta) };
    },
    session,
    event,
    meta,
    entry: entries.entry,
    text,
    body,
    report,
  };
}

/** What was redacted between two reports of one gate, plus what the session said it had already (`prior`). */
function since(before: RedactionReport, after: RedactionReport, prior?: RedactionReport): RedactionReport {
  const byRule: Record<string, number> = { ...prior?.byRule };
  for (const [rule, n] of Object.entries(after.byRule)) {
    const d = n - (before.byRule[rule] ?? 0);
    if (d > 0) byRule[rule] = (byRule[rule] ?? 0) + d;
  }
  return { total: (prior?.total ?? 0) + after.total - before.total, byRule };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const isMetaLike = (v: unknown): v is SessionMeta => isObject(v) && typeof v.id === 'string';
const isSessionLike = (v: unknown): v is Session =>
  isObject(v) && isMetaLike(v.meta) && Array.isArray(v.turns) && Array.isArray(v.sidechains);
const isEventItem = (v: unknown): v is { event: SessionEvent } =>
  isObject(v) && isObject(v.event) && typeof v.event.kind === 'string';
const isTranscriptLike = (v: unknown): v is { sessionId: string; entries: EntryItemLike[] } =>
  isObject(v) && typeof v.sessionId === 'string' && isEntryItemList(v.entries);
const omitEvent = ({ event: _event, ...rest }: { event: SessionEvent }): Record<string, unknown> => rest;
