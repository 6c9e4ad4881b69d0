// The durable record of capture pauses: every pause and resume, with its time and the transcript's newest uuid.
// The hook's flag file (capture-pause.ts) stops copying; this log is what every later re-read of the transcript
// (push, sync, live finalize, export) honours through the egress gate, long after the session.
import {
  appendFileSync,
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
} from 'node:fs';
import { join } from 'node:path';
import type { PauseLookup, PauseSpan } from '../../core/egress/index.js';
import { statStamp } from '../../core/fs/stat-stamp.js';

interface PauseEntry {
  op: 'pause' | 'resume';
  at: string;
  uuid?: string;
}

export function pauseLogPath(dataDir: string, sessionId: string): string {
  return join(dataDir, 'pauses', `${sessionId}.jsonl`);
}

/** Appends one pause or resume. `transcriptPath` (when known) supplies the newest record's uuid as the boundary. */
export function recordPause(
  dataDir: string,
  sessionId: string,
  paused: boolean,
  transcriptPath?: string,
  at = new Date().toISOString(),
): void {
  const uuid = transcriptPath ? lastTranscriptUuid(transcriptPath) : undefined;
  const entry: PauseEntry = { op: paused ? 'pause' : 'resume', at, ...(uuid ? { uuid } : {}) };
  mkdirSync(join(dataDir, 'pauses'), { recursive: true, mode: 0o700 });
  appendFileSync(pauseLogPath(dataDir, sessionId), `${JSON.stringify(entry)}\n`, { mode: 0o600 });
}

/** The spans of one session, oldest first. A torn or foreign line is skipped; a pause twice keeps the first start. */
export function readPauseSpans(dataDir: string, sessionId: string): PauseSpan[] {
  let text: string;
  try {
    text = readFileSync(pauseLogPath(dataDir, sessionId), 'utf8');
  } catch {
    return [];
  }
  const spans: PauseSpan[] = [];
  for (const line of text.split('\n')) {
    let e: Partial<PauseEntry>;
    try {
      e = JSON.parse(line) as Partial<PauseEntry>;
    } catch {
      continue;
    }
    // Hand-checked (no zod in the export bundle): a line without a valid time or op is not a pause.
    if (typeof e.at !== 'string' || Number.isNaN(Date.parse(e.at))) continue;
    if (e.uuid !== undefined && typeof e.uuid !== 'string') delete e.uuid;
    const last = spans[spans.length - 1];
    const open = last !== undefined && last.to === undefined;
    if (e.op === 'pause' && !open) spans.push({ from: e.at, ...(e.uuid ? { afterUuid: e.uuid } : {}) });
    if (e.op === 'resume' && open)
      spans[spans.length - 1] = { ...last, to: e.at, ...(e.uuid ? { untilUuid: e.uuid } : {}) };
  }
  return spans;
}

/**
 * Pauses by session id for a long-running reader (sender, relay): each session's log is re-read when it changed,
 * checked at most every `ttlMs`, so a pause recorded while the process runs is honoured within that time.
 */
export function pauseLookup(dataDir: string, ttlMs = 200): PauseLookup {
  const cache = new Map<string, { checkedAt: number; stamp: string; spans: PauseSpan[] }>();
  const spansOf = (sessionId: string): PauseSpan[] => {
    const now = Date.now();
    const hit = cache.get(sessionId);
    if (hit && now - hit.checkedAt < ttlMs) return hit.spans;
    const stamp = statStamp(pauseLogPath(dataDir, sessionId));
    if (hit && hit.stamp === stamp) {
      hit.checkedAt = now;
      return hit.spans;
    }
    const spans = stamp === '' ? [] : readPauseSpans(dataDir, sessionId);
    cache.set(sessionId, { checkedAt: now, stamp, spans });
    return spans;
  };
  // Every session's span starts, by the uuid they follow: how a fork's copy of a parent's paused span is found. It
  // reads every pause log, and a parent's pauses are old news to its fork: rebuilt at most once a second even for a
  // reader that wants its own session's pauses uncached (the relay), never once per record.
  let index: {
    checkedAt: number;
    byUuid: Map<string, Array<{ sessionId: string; span: PauseSpan }>>;
  } | null = null;
  const startingAt = (uuid: string) => {
    const now = Date.now();
    if (!index || now - index.checkedAt >= Math.max(ttlMs, INDEX_TTL_MS)) {
      const byUuid = new Map<string, Array<{ sessionId: string; span: PauseSpan }>>();
      for (const sessionId of pausedSessions(dataDir)) {
        for (const span of spansOf(sessionId)) {
          if (span.afterUuid === undefined) continue;
          const list = byUuid.get(span.afterUuid) ?? [];
          list.push({ sessionId, span });
          byUuid.set(span.afterUuid, list);
        }
      }
      index = { checkedAt: now, byUuid };
    }
    return index.byUuid.get(uuid) ?? [];
  };
  return Object.assign(spansOf, { startingAt });
}

const INDEX_TTL_MS = 1000;

function pausedSessions(dataDir: string): string[] {
  try {
    return readdirSync(join(dataDir, 'pauses'))
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => f.slice(0, -'.jsonl'.length));
  } catch {
    return [];
  }
}

const TAIL_BYTES = 256 * 1024;

/** The uuid of the newest record in a transcript (read from its tail), or undefined. */
export function lastTranscriptUuid(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = fstatSync(fd).size;
    const len = Math.min(size, TAIL_BYTES);
    const buf = Buffer.alloc(len);
    readSync(fd, buf, 0, len, size - len);
    const lines = buf.toString('utf8').split('\n');
    for (let i = lines.length - 1; i >= 0; i--) {
      const m = /"uuid":"([^"]{1,200})"/.exec(lines[i]!);
      if (!m) continue;
      try {
        const rec = JSON.parse(lines[i]!) as { uuid?: unknown };
        if (typeof rec.uuid === 'string') return rec.uuid;
      } catch {
        // a torn first line of the tail window, or a line still being written
      }
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}
