// Records the tracker cannot take, set aside per session with the reason, so one bad line never blocks the rest.
import { appendFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `line_too_large`: a transcript line past the copy window (8 MiB), skipped by byte range (its text stays in the
 * transcript). `unparsable_line`: not JSON. `normalize_failed`: the normalizer threw on it (e.g. a tool input nested
 * thousands of levels). `event_failed`: the event could not be gated or serialized. `entry_failed`: the same for
 * a raw line bound for the tracker's mirror. `rejected_by_tracker`: the tracker refused it as invalid even alone in
 * a batch.
 */
export type QuarantineReason =
  | 'line_too_large'
  | 'unparsable_line'
  | 'normalize_failed'
  | 'event_failed'
  | 'entry_failed'
  | 'rejected_by_tracker';

export interface QuarantineEntry {
  at: string;
  sessionId: string;
  reason: QuarantineReason;
  /** Transcript file and byte range of the line, when it came from one. */
  path?: string;
  agentId?: string;
  from?: number;
  to?: number;
  /** Event uuid, for events; the line's uuid for a transcript line. */
  uuid?: string;
  code?: string;
  message?: string;
  /** The line itself when it is small enough to keep (<= 64 KiB); larger ones are found by path and range. */
  line?: string;
}

const KEEP_LINE_CHARS = 64 * 1024;

export function quarantineDir(dataDir: string): string {
  return join(dataDir, 'quarantine');
}

export function quarantinePath(dataDir: string, sessionId: string): string {
  return join(quarantineDir(dataDir), `${sessionId}.jsonl`);
}

/** Appends one entry (0600 file, 0700 dir). Never throws: the sender goes on either way and logs what it skipped. */
export function quarantine(dataDir: string, entry: Omit<QuarantineEntry, 'at'>, line?: string): boolean {
  const full: QuarantineEntry = {
    at: new Date().toISOString(),
    ...entry,
    ...(line !== undefined && line.length <= KEEP_LINE_CHARS ? { line } : {}),
  };
  try {
    mkdirSync(quarantineDir(dataDir), { recursive: true, mode: 0o700 });
    appendFileSync(quarantinePath(dataDir, entry.sessionId), `${JSON.stringify(full)}\n`, { mode: 0o600 });
    return true;
  } catch {
    return false;
  }
}

/** One key per skipped thing: a sender that replays an outbox (restart, crash) appends the same entry again. */
function keyOf(e: QuarantineEntry): string {
  return e.path !== undefined && e.from !== undefined
    ? `${e.reason}|${e.path}|${e.from}`
    : `${e.reason}|${e.uuid ?? e.at}`;
}

/** A session's quarantined entries, duplicates removed, oldest first. */
export function readQuarantine(dataDir: string, sessionId: string): QuarantineEntry[] {
  let text: string;
  try {
    text = readFileSync(quarantinePath(dataDir, sessionId), 'utf8');
  } catch {
    return [];
  }
  const seen = new Map<string, QuarantineEntry>();
  for (const l of text.split('\n')) {
    if (!l) continue;
    try {
      const e = JSON.parse(l) as QuarantineEntry;
      if (typeof e?.reason === 'string' && !seen.has(keyOf(e))) seen.set(keyOf(e), e);
    } catch {
      // a torn last line (crash mid-append)
    }
  }
  return [...seen.values()];
}

export interface SessionSkips {
  sessionId: string;
  /** Lines and events set aside, duplicates removed. */
  total: number;
  byReason: Partial<Record<QuarantineReason, number>>;
  file: string;
}

/** Every session with something quarantined (for `baton status` and doctor). */
export function quarantineSummary(dataDir: string): SessionSkips[] {
  let names: string[];
  try {
    names = readdirSync(quarantineDir(dataDir));
  } catch {
    return [];
  }
  const out: SessionSkips[] = [];
  for (const n of names.filter((x) => x.endsWith('.jsonl')).sort()) {
    const sessionId = n.slice(0, -'.jsonl'.length);
    const entries = readQuarantine(dataDir, sessionId);
    if (!entries.length) continue;
    const byReason: SessionSkips['byReason'] = {};
    for (const e of entries) byReason[e.reason] = (byReason[e.reason] ?? 0) + 1;
    out.push({ sessionId, total: entries.length, byReason, file: quarantinePath(dataDir, sessionId) });
  }
  return out;
}
