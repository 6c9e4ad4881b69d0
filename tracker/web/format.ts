// Small display formatters for durations, token counts, costs and dates (server-side, locale-independent).
export function formatDuration(ms: number | null | undefined): string {
  if (!ms || ms < 0) return '0s';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  const h = Math.floor(m / 60);
  return `${h}h ${m % 60}m`;
}

export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined) return '0';
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)}M`;
  if (n >= 10_000) return `${Math.round(n / 1000)}k`;
  return n.toLocaleString('en-US');
}

export function formatCost(usd: number | null | undefined): string {
  if (usd === null || usd === undefined) return 'n/a';
  return usd < 0.01 && usd > 0 ? '<$0.01' : `$${usd.toFixed(2)}`;
}

/** `2026-11-23 15:40 UTC`: unambiguous, and identical for every viewer. */
export function formatDate(iso: string | number | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function totalTokens(t: {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}): number {
  return t.input + t.output + t.cacheRead + t.cacheWrite;
}
