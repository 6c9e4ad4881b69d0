// Dates for people: UTC, to the minute, identical for every viewer.

/** `2026-11-23 15:40 UTC`; a missing or invalid date is `—`. */
export function formatDate(iso: string | number | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
