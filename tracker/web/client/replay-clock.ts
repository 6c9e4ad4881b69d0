// Replay time: how long to wait before each event at 1×, and the session clock shown beside the scrubber.
/** A quiet stretch longer than this plays as this long at 1× (a quarter of it at 4×...), and is said to be skipped. */
export const IDLE_CAP_MS = 3000;
/** Only a gap this long is announced as skipped idle time ("Skipped 12 min idle"); shorter cuts pass quietly. */
export const IDLE_NOTE_MS = 10_000;
/** The pace of events without usable timestamps (and of an event stamped before the one it follows). */
export const FIXED_MS = 1000;

interface Stamped {
  event: { timestamp?: string };
}

const at = (e: Stamped | undefined): number | null => {
  const t = e?.event.timestamp ? Date.parse(e.event.timestamp) : NaN;
  return Number.isFinite(t) ? t : null;
};

/** The wait before event `i` at 1×, and how much idle time was cut from it (0 when none). */
export function gapBefore(events: Stamped[], i: number): { waitMs: number; skippedMs: number } {
  if (i === 0) return { waitMs: 0, skippedMs: 0 };
  const prev = at(events[i - 1]);
  const next = at(events[i]);
  if (prev === null || next === null || next < prev) return { waitMs: FIXED_MS, skippedMs: 0 };
  const gap = next - prev;
  return { waitMs: Math.min(gap, IDLE_CAP_MS), skippedMs: gap >= IDLE_NOTE_MS ? gap : 0 };
}

const duration = (ms: number): string => {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
};

/** "Skipped 12 min idle" (or seconds, or hours and minutes). */
export function idleText(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (ms < 60_000) return `Skipped ${Math.round(ms / 1000)} s idle`;
  if (min < 60) return `Skipped ${min} min idle`;
  return `Skipped ${Math.floor(min / 60)} h ${min % 60} min idle`;
}

/** The session time of the last event shown, from the first stamped event: the clock a viewer of the session saw. */
export function clockText(events: Stamped[], shown: number): string {
  let first: number | null = null;
  for (let i = 0; i < events.length && first === null; i++) first = at(events[i]);
  let last: number | null = null;
  for (let i = shown - 1; i >= 0 && last === null; i--) last = at(events[i]);
  return first === null || last === null ? '0:00' : duration(Math.max(0, last - first));
}
