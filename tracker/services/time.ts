// Time helpers: epoch ms in the database, ISO 8601 on the wire.
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function isoOrNull(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : iso(Number(ms));
}

/** Parses an ISO timestamp to epoch ms; null for missing or unparseable input. */
export function parseTime(text: string | null | undefined): number | null {
  if (!text) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** `30d`, `12h`, `90m`, `2w` to milliseconds; null when the text is not such a duration. */
export function parseDuration(text: string): number | null {
  const m = /^([1-9][0-9]{0,5})([mhdw])$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}
