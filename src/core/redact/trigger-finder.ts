// Finds redaction triggers (ASCII literals, case-insensitive) with a table-driven trie walk instead of a regex.

/** Where a trigger starts and which literal (index into the list given to createTriggerFinder) it is. */
export interface TriggerHit {
  at: number;
  literal: number;
}

export type TriggerFinder = (s: string, from: number) => TriggerHit | null;

const ASCII = 128;

/**
 * Compiles lower-case ASCII literals into a trie of 128-wide transition rows. At each position the walk follows
 * the longest literal that matches (`sk-ant-` before `sk-`), the leftmost position wins: exactly what the
 * factored alternation regex of `trieSource` with the `gi` flags finds, which in non-unicode mode folds ASCII
 * letters only. It runs several times faster than that regex because most characters fail a single table
 * lookup, while irregexp re-enters a 40-way case-folded alternation at every position.
 * Returns null when a literal is not ASCII; callers then keep the regex.
 */
export function createTriggerFinder(literals: readonly string[]): TriggerFinder | null {
  if (literals.some((l) => l.length === 0 || /[^\x00-\x7f]/.test(l))) return null;
  const fold = new Uint8Array(ASCII);
  for (let c = 0; c < ASCII; c++) fold[c] = c >= 65 && c <= 90 ? c + 32 : c;
  // Node 0 is the root; 0 in a transition means "none" (no edge leads back to the root).
  const rows: number[] = new Array<number>(ASCII).fill(0);
  const terminal: number[] = [-1];
  literals.forEach((lit, index) => {
    let node = 0;
    for (const ch of lit.toLowerCase()) {
      const slot = node * ASCII + ch.charCodeAt(0);
      let child = rows[slot]!;
      if (child === 0) {
        child = terminal.length;
        terminal.push(-1);
        for (let k = 0; k < ASCII; k++) rows.push(0);
        rows[slot] = child;
      }
      node = child;
    }
    terminal[node] = index;
  });
  const next = Int32Array.from(rows);
  const term = Int32Array.from(terminal);
  // The root row, folded, as its own table: the hot loop reads only this for most characters.
  const first = new Int32Array(ASCII);
  for (let c = 0; c < ASCII; c++) first[c] = next[fold[c]!]!;

  return (s, from) => {
    const n = s.length;
    for (let i = from; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= ASCII) continue;
      let node = first[c]!;
      if (node === 0) continue;
      let found = term[node]!;
      for (let j = i + 1; j < n; j++) {
        const d = s.charCodeAt(j);
        if (d >= ASCII) break;
        node = next[node * ASCII + fold[d]!]!;
        if (node === 0) break;
        const t = term[node]!;
        if (t >= 0) found = t;
      }
      if (found >= 0) return { at: i, literal: found };
    }
    return null;
  };
}
