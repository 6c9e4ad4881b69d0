// Structural walks: redact every string of an event or a session, copying only the parts that changed.
import type { Session, SessionEvent, Sidechain, Turn } from '../model/session.js';

export interface TextRedactor {
  /** Must return the same string when nothing was redacted. */
  text(s: string): string;
  /** A string property whose key names a secret; null when the generic rules should decide. */
  secretProperty(key: string, value: string): string | null;
  /** Matches keys like `password`, `apiKey`, `SessionToken`. */
  isSecretKey(key: string): boolean;
}

/** Deeper than any real tool input; past it the subtree is redacted as JSON text rather than recursed into. */
const MAX_DEPTH = 200;

/** Redacts string values (never keys) of an arbitrary JSON-like value; returns the same reference if unchanged. */
export function redactValue(value: unknown, r: TextRedactor, depth = 0): unknown {
  if (typeof value === 'string') return r.text(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) {
    // Stack safety over fidelity: a pathological tree comes back as one redacted JSON string.
    const json = JSON.stringify(value);
    const red = r.text(json);
    return red === json ? value : red;
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      const nv = redactValue(v, r, depth + 1);
      if (nv !== v) (copy ??= value.slice())[i] = nv;
    }
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    let nv: unknown;
    if (typeof v === 'string' && r.isSecretKey(key)) nv = r.secretProperty(key, v) ?? r.text(v);
    else nv = redactValue(v, r, depth + 1);
    if (nv !== v) (copy ??= { ...obj })[key] = nv;
  }
  return copy ?? value;
}

/** One event: its text, thinking, tool input (deeply), tool result or system text, and slash-command args. */
export function redactEventWith<E extends SessionEvent>(e: E, r: TextRedactor): E {
  switch (e.kind) {
    case 'prompt': {
      const text = r.text(e.text);
      const args = e.command ? r.text(e.command.args) : undefined;
      if (text === e.text && args === e.command?.args) return e;
      return e.command && args !== undefined ? { ...e, text, command: { ...e.command, args } } : { ...e, text };
    }
    case 'text':
    case 'thinking':
    case 'system': {
      const text = r.text(e.text);
      return text === e.text ? e : { ...e, text };
    }
    case 'tool_call': {
      const input = redactValue(e.input, r);
      return input === e.input ? e : { ...e, input };
    }
    case 'tool_result': {
      const content = r.text(e.content);
      return content === e.content ? e : { ...e, content };
    }
    default:
      return e;
  }
}

function redactEvents(events: SessionEvent[], r: TextRedactor): SessionEvent[] {
  let copy: SessionEvent[] | undefined;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const ne = redactEventWith(e, r);
    if (ne !== e) (copy ??= events.slice())[i] = ne;
  }
  return copy ?? events;
}

/** A whole session: every event of every turn and sidechain, plus the title (often the first prompt's line). */
export function redactSessionWith(s: Session, r: TextRedactor): Session {
  let turns: Turn[] | undefined;
  s.turns.forEach((t, i) => {
    const events = redactEvents(t.events, r);
    if (events !== t.events) (turns ??= s.turns.slice())[i] = { ...t, events };
  });
  let sidechains: Sidechain[] | undefined;
  s.sidechains.forEach((c, i) => {
    const events = redactEvents(c.events, r);
    if (events !== c.events) (sidechains ??= s.sidechains.slice())[i] = { ...c, events };
  });
  const title = s.meta.title === undefined ? undefined : r.text(s.meta.title);
  if (!turns && !sidechains && title === s.meta.title) return s;
  return {
    ...s,
    meta: title === s.meta.title ? s.meta : { ...s.meta, title },
    turns: turns ?? s.turns,
    sidechains: sidechains ?? s.sidechains,
  };
}
