// NUL in values bound for text columns: the one rule for the request reader and for sessions derived from lines.

/**
 * NUL cannot be stored in a PostgreSQL text value; replacing it (with U+FFFD) on the way in keeps both engines
 * storing the same thing. Values at a `keep` path (segments, '*' for any) are left as sent: what is stored there
 * as bytes (a transcript line) must come back byte for byte. Depth is already bounded when this runs.
 */
export function withoutNul(v: unknown, keep?: ReadonlyArray<readonly string[]>): unknown {
  if (keep?.some((p) => p.length === 0)) return v;
  if (typeof v === 'string') return v.includes('\u0000') ? v.replaceAll('\u0000', '\uFFFD') : v;
  const below = (key: string) => {
    const rest = keep?.filter((p) => p[0] === '*' || p[0] === key).map((p) => p.slice(1));
    return rest?.length ? rest : undefined;
  };
  if (Array.isArray(v)) return v.map((child, i) => withoutNul(child, below(String(i))));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, child] of Object.entries(v)) out[withoutNul(k) as string] = withoutNul(child, below(k));
    return out;
  }
  return v;
}
