// Token and message counts: grouped digits everywhere, abbreviated where space is short (tracker cards).

/** `1234567` → `1,234,567`. By hand: toLocaleString's first call loads ICU data, ~30 ms of an export. */
export function formatInt(n: number): string {
  const r = Math.round(n);
  if (!Number.isSafeInteger(r)) return String(r);
  const digits = String(Math.abs(r));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) {
    out = end - 3 > 0 ? `,${digits.slice(end - 3, end)}${out}` : `${digits.slice(0, end)}${out}`;
  }
  return r < 0 ? `-${out}` : out;
}

/**
 * - `grouped`: `1,234,567` (exports, handoff documents).
 * - `abbreviated`: `1.2M`, `12k` from ten thousand up, grouped below; nothing is `0` (tracker pages).
 * Counts are integers by schema (TokenTotals, SessionTotals), so grouping by hand equals `toLocaleString('en-US')`.
 */
export type CountStyle = 'grouped' | 'abbreviated';

export function formatCount(n: number | null | undefined, style: CountStyle): string {
  if (n === null || n === undefined) return '0';
  if (style === 'abbreviated') {
    if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)}M`;
    if (n >= 10_000) return `${Math.round(n / 1000)}k`;
  }
  return formatInt(n);
}

/** All four token buckets of a usage total. */
export function totalTokens(t: {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}): number {
  return t.input + t.output + t.cacheRead + t.cacheWrite;
}
