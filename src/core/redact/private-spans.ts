// `<private>…</private>` spans: text the user marked as never to be stored, removed before anything is written.

export const PRIVATE_MARK = '[private]';
const OPEN = '<private>';
/** A closed span, or an unclosed one that runs to the end of the text (conservative: never store a half span). */
const SPAN = /<private>[\s\S]*?(?:<\/private>|$)/gi;

const OPEN_I = /<private>/i;

/** Cheap pre-check for hot paths (no copy of the text). */
export function hasPrivateSpan(text: string): boolean {
  return text.includes(OPEN) || OPEN_I.test(text);
}

/** The text with every private span replaced by `[private]`. */
export function stripPrivateText(text: string): string {
  return hasPrivateSpan(text) ? text.replace(SPAN, PRIVATE_MARK) : text;
}

/** Strips private spans from every string inside a JSON-like value (objects and arrays are copied, not mutated). */
export function stripPrivateValue<T>(value: T): T {
  if (typeof value === 'string') return stripPrivateText(value) as T;
  if (Array.isArray(value)) return value.map((v) => stripPrivateValue(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = stripPrivateValue(v);
    return out as T;
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
