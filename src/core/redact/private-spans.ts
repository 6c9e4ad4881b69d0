// `<private>…</private>` spans: text the user marked as never to be stored, removed before anything is written.

export const PRIVATE_MARK = '[private]';
const OPEN = '<private>';
/** A closed span, or an unclosed one that runs to the end of the text (conservative: never store a half span). */
const SPAN = /<private>[\s\S]*?(?:<\/private>|$)/gi;

const OPEN_I = /<private>/i;

/**
 * Cheap pre-check for hot paths (no copy of the text). `<p`/`<P` are found by native substring search, several times
 * faster than the case-insensitive regex, which then runs only on the rare text that has one (exports call this
 * on every string of a session).
 */
export function hasPrivateSpan(text: string): boolean {
  return (text.includes('<p') || text.includes('<P')) && (text.includes(OPEN) || OPEN_I.test(text));
}

/** The text with every private span replaced by `[private]`. */
export function stripPrivateText(text: string): string {
  return hasPrivateSpan(text) ? text.replace(SPAN, PRIVATE_MARK) : text;
}

/**
 * Strips private spans from every string inside a JSON-like value. Copy-on-write: parts without a span are returned
 * as they are (same object), so a clean session costs a walk and no allocation; the input is never mutated.
 */
export function stripPrivateValue<T>(value: T): T {
  if (typeof value === 'string') return stripPrivateText(value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v = stripPrivateValue(value[i] as unknown);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return (out ?? value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let out: Record<string, unknown> | null = null;
    for (const k in value) {
      const old = (value as Record<string, unknown>)[k];
      const v = stripPrivateValue(old);
      if (v !== old) (out ??= { ...(value as Record<string, unknown>) })[k] = v;
    }
    return (out ?? value) as T;
  }
  return value;
}

/**
 * A raw JSONL line with private spans removed from its string values. Lines without the marker are returned as is
 * (the common case costs one search); others are parsed and rewritten, so a span can never break the JSON.
 * A line that is not JSON has its spans cut textually.
 */
export function stripPrivateLine(line: string): string {
  if (!hasPrivateSpan(line)) return line;
  try {
    return JSON.stringify(stripPrivateValue(JSON.parse(line) as unknown));
  } catch {
    return stripPrivateText(line);
  }
}
