// Finds redaction triggers (ASCII literals, case-insensitive) with a Wu-Manber skip scan instead of a regex.

/** Where a trigger starts and which literal (index into the list given to createTriggerFinder) it is. */
export interface TriggerHit {
  at: number;
  literal: number;
}

export type TriggerFinder = (s: string, from: number) => TriggerHit | null;

const ASCII = 128;
/** Wu-Manber looks at windows of the shortest literal's length, at most this long. */
const MAX_WINDOW = 8;

/**
 * Compiles literals into a Wu-Manber scanner: a window as long as the shortest literal slides over the text, and
 * the (case-folded) pair of characters at its end says how far it may jump: most windows skip `window - 1`
 * characters after two reads. Only windows whose end pair occurs at the end of some literal's prefix are verified,
 * by a trie walk that takes the longest literal at that start (`sk-ant-` before `sk-`). The leftmost start wins:
 * the same hits as the factored alternation of `trieSource` under the `gi` flags, which in non-unicode mode folds
 * ASCII letters only; irregexp instead re-enters a 40-way case-folded alternation at every position, which makes
 * it about the slowest step of an export.
 * Returns null when a literal is not ASCII or shorter than 2 characters; callers then keep the regex.
 */
export function createTriggerFinder(literals: readonly string[]): TriggerFinder | null {
  if (literals.length === 0 || literals.some((l) => l.length < 2 || /[^\x01-\x7f]/.test(l))) return null;
  const lower = literals.map((l) => l.toLowerCase());
  // fold: ASCII letters to lower case; 0 for anything non-ASCII (no literal holds a NUL or a non-ASCII char).
  const fold = new Uint8Array(65536);
  for (let c = 1; c < ASCII; c++) fold[c] = c >= 65 && c <= 90 ? c + 32 : c;

  // The trie used to verify a candidate start. Node 0 is the root; 0 as a transition means "no edge".
  const maxNodes = 1 + lower.reduce((n, l) => n + l.length, 0);
  const next = new Int32Array(maxNodes * ASCII);
  const term = new Int32Array(maxNodes).fill(-1);
  let nodes = 1;
  lower.forEach((lit, index) => {
    let node = 0;
    for (let k = 0; k < lit.length; k++) {
      const slot = node * ASCII + lit.charCodeAt(k);
      if (next[slot] === 0) next[slot] = nodes++;
      node = next[slot]!;
    }
    term[node] = index;
  });

  // Shift table over the folded pair ending a window of `m` characters. A window one character longer than the
  // shortest literals skips ~40% further; those literals then end in a wildcard (their last char and anything).
  const shortest = Math.min(...lower.map((l) => l.length));
  const m = shortest >= MAX_WINDOW ? MAX_WINDOW : shortest + 1;
  const folded = new Uint8Array(ASCII * ASCII).fill(m - 1);
  const lower1 = (pair: number, to: number): void => {
    if (to < folded[pair]!) folded[pair] = to;
  };
  for (const lit of lower) {
    for (let q = 1; q < m; q++) {
      if (q < lit.length) lower1((lit.charCodeAt(q - 1) << 7) | lit.charCodeAt(q), m - 1 - q);
      else for (let c = 0; c < ASCII; c++) lower1((lit.charCodeAt(q - 1) << 7) | c, m - 1 - q);
    }
  }
  // The hot loop indexes by the low bytes of the two raw characters, folding baked in: one load per window. A
  // non-ASCII character can alias an ASCII one here, which only ever shortens a jump (no literal can cover a
  // non-ASCII character, so any jump up to the window length is safe there) or costs a failed verification.
  // Filled sparsely: only the few pairs that occur in literal prefixes jump less than the default (a dense
  // 65,536-entry loop runs in the interpreter at start-up and costs tens of milliseconds).
  const shift = new Uint8Array(256 * 256).fill(m - 1);
  const rawBytes = (f: number): number[] => {
    if (f === 0) return [0, ...Array.from({ length: 256 - ASCII }, (_, i) => ASCII + i)];
    return f >= 97 && f <= 122 ? [f, f - 32] : [f];
  };
  for (let pair = 0; pair < folded.length; pair++) {
    const to = folded[pair]!;
    if (to === m - 1) continue;
    for (const a of rawBytes(pair >> 7)) for (const b of rawBytes(pair & 127)) shift[(a << 8) | b] = to;
  }

  /** The longest literal starting at `i`, or -1. */
  const verify = (s: string, i: number, n: number): number => {
    let node = 0;
    let found = -1;
    for (let j = i; j < n; j++) {
      node = next[node * ASCII + fold[s.charCodeAt(j)]!]!;
      if (node === 0) break;
      const t = term[node]!;
      if (t >= 0) found = t;
    }
    return found;
  };

  return (s, from) => {
    const n = s.length;
    let end = from + m - 1; // last character of the current window
    while (end < n) {
      const sh = shift[((s.charCodeAt(end - 1) & 255) << 8) | (s.charCodeAt(end) & 255)]!;
      if (sh !== 0) {
        end += sh;
        continue;
      }
      const start = end - m + 1;
      const found = verify(s, start, n);
      if (found >= 0) return { at: start, literal: found };
      end++;
    }
    // Starts before the last window's are ruled out; the few left near the end are too close for a whole window.
    for (let start = Math.max(from, end - m + 1); start <= n - shortest; start++) {
      const found = verify(s, start, n);
      if (found >= 0) return { at: start, literal: found };
    }
    return null;
  };
}
