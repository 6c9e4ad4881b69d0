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

type Container = Record<string, unknown> | unknown[];

/** One object or array being walked: where we are in it, and its copy once a child changed. */
interface Frame {
  src: Container;
  keys: string[] | null;
  i: number;
  copy: Container | undefined;
  /** Keys that held a secret themselves (a token used as a map key), and what they become. */
  renamed: Map<string, string> | undefined;
}

const frameOf = (src: Container): Frame => ({
  src,
  keys: Array.isArray(src) ? null : Object.keys(src),
  i: 0,
  copy: undefined,
  renamed: undefined,
});

/**
 * A key that is itself a secret (`{"sk-proj-…": 1}`, a session map keyed by token) is redacted like any text; two
 * keys redacted alike get a `#2`, `#3` suffix so neither value is lost.
 */
function renameKey(f: Frame, key: string, r: TextRedactor): void {
  const nk = r.text(key);
  if (nk === key) return;
  const taken = new Set([...f.keys!, ...(f.renamed?.values() ?? [])]);
  let unique = nk;
  for (let n = 2; taken.has(unique); n++) unique = `${nk}#${n}`;
  (f.renamed ??= new Map()).set(key, unique);
}

/** The frame's result: its copy (or source) with renamed keys, in the original key order. */
function finish(f: Frame): Container {
  const out = f.copy ?? f.src;
  if (!f.renamed) return out;
  const from = out as Record<string, unknown>;
  // fromEntries defines properties, so a `__proto__` key stays a plain key.
  return Object.fromEntries(f.keys!.map((k) => [f.renamed!.get(k) ?? k, from[k]]));
}

function setChild(f: Frame, key: string | number, value: unknown): void {
  f.copy ??= Array.isArray(f.src) ? f.src.slice() : { ...f.src };
  (f.copy as Record<string | number, unknown>)[key] = value;
}

/**
 * Redacts the strings of an arbitrary JSON-like value, keys included; returns the same reference if unchanged and
 * copies only the containers on the path to a change. Iterative, because JSON.parse accepts nesting far deeper
 * than the call stack does.
 */
export function redactValue(value: unknown, r: TextRedactor): unknown {
  if (typeof value === 'string') return r.text(value);
  if (value === null || typeof value !== 'object') return value;
  const stack: Frame[] = [frameOf(value as Container)];
  const open = new Set<object>([value]); // Containers on the stack: a cycle is left as it is, not walked forever.
  let result: unknown = value;
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    const n = f.keys ? f.keys.length : (f.src as unknown[]).length;
    if (f.i < n) {
      const key = f.keys ? f.keys[f.i]! : f.i;
      if (typeof key === 'string') renameKey(f, key, r);
      const v = (f.src as Record<string | number, unknown>)[key];
      if (v !== null && typeof v === 'object' && !open.has(v)) {
        open.add(v);
        stack.push(frameOf(v as Container));
        continue; // `f.i` moves on when the child is done.
      }
      if (typeof v === 'string') {
        const nv =
          f.keys && r.isSecretKey(key as string)
            ? (r.secretProperty(key as string, v) ?? r.text(v))
            : r.text(v);
        if (nv !== v) setChild(f, key, nv);
      }
      f.i++;
      continue;
    }
    stack.pop();
    open.delete(f.src);
    const out = finish(f);
    const parent = stack[stack.length - 1];
    if (parent === undefined) result = out;
    else {
      if (out !== f.src) setChild(parent, parent.keys ? parent.keys[parent.i]! : parent.i, out);
      parent.i++;
    }
  }
  return result;
}

/** One event: its text, thinking, tool input (deeply), tool result or system text, and slash-command args. */
export function redactEventWith<E extends SessionEvent>(e: E, r: TextRedactor): E {
  switch (e.kind) {
    case 'prompt': {
      const text = r.text(e.text);
      const args = e.command ? r.text(e.command.args) : undefined;
      if (text === e.text && args === e.command?.args) return e;
      return e.command && args !== undefined
        ? { ...e, text, command: { ...e.command, args } }
        : { ...e, text };
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
