// The one duration formatter: every surface picks a named style, so each rendering rule lives here and nowhere else.

/**
 * Why several styles: each surface kept the output its users (and its tests) already see. Issue #11 only moved them
 * into one place; a later issue decides whether they should converge.
 * - `precise`: exports. Sub-second as `972 ms`, else every unit down to seconds: `1h 2m 3s`.
 * - `compact`: tracker pages. The two largest units, truncated: `45s`, `3m 20s`, `2h 5m`; nothing or negative is `0s`.
 * - `minutes`: handoff documents. Rounded to the minute: `7m`, `1h 05m`; under half a minute `Ns` (at least `1s`).
 * - `terse`: MCP tool output for the model. `45s`, `3m` (rounded), `1h05`; nothing is `-`.
 * - `hours`: the `baton sessions` list. `45s`, `3m`, then decimal hours `1.5h`.
 */
export type DurationStyle = 'precise' | 'compact' | 'minutes' | 'terse' | 'hours';

export function formatDuration(ms: number | null | undefined, style: DurationStyle): string {
  switch (style) {
    case 'precise':
      return precise(ms ?? 0);
    case 'compact':
      return compact(ms);
    case 'minutes':
      return minutes(ms ?? 0);
    case 'terse':
      return terse(ms ?? 0);
    case 'hours':
      return hours(ms ?? 0);
  }
}

function precise(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  let s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (h) return `${h}h ${m}m ${s}s`;
  if (m) return `${m}m ${s}s`;
  return `${s}s`;
}

function compact(ms: number | null | undefined): string {
  if (!ms || ms < 0) return '0s';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

function minutes(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0m';
  const totalMin = Math.round(ms / 60_000);
  // A handoff of a 10-second session should not claim it took no time at all.
  if (totalMin < 1) return `${Math.max(1, Math.round(ms / 1000))}s`;
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  return h === 0 ? `${m}m` : `${h}h ${String(m).padStart(2, '0')}m`;
}

function terse(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '-';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.round(s / 60);
  return m < 60 ? `${m}m` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}`;
}

function hours(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)}s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)}m`;
  return `${(ms / 3_600_000).toFixed(1)}h`;
}
