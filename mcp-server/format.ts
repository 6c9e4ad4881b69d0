// Compact text for the model: fixed-width tables, short dates and durations, clipped strings.
import { formatDate } from '../src/core/format/date.js';
import { formatDuration } from '../src/core/format/duration.js';

export function clip(s: string | null | undefined, max: number): string {
  const one = (s ?? '').replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

const UTC_SUFFIX = ' UTC';

/** core's date (UTC, to the minute) without the ` UTC` suffix, which a table column does not need; missing is `-`. */
export function shortDate(iso: string | null | undefined): string {
  if (!iso) return '-';
  const full = formatDate(iso);
  return full.endsWith(UTC_SUFFIX) ? full.slice(0, -UTC_SUFFIX.length) : '-';
}

/** `45s`, `3m`, `1h05`: see the styles in core/format/duration.ts. */
export function duration(ms: number): string {
  return formatDuration(ms, 'terse');
}

/** A plain-text table: columns padded to their widest cell, a header and a dashed rule. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
