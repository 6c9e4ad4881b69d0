// Hook entries that could not wait for the session lock: one file each in outbox/spill/, merged by the next holder.
import { readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../core/fs/write-atomic.js';
import { hasPrivateSpan, stripPrivateValue } from '../../core/redact/private-spans.js';
import { outboxDir } from './paths.js';
import type { OutboxEntry, SweepTarget } from './writer.js';

/**
 * Why spill files and not a lock-free append: seq, transcript offsets and the outbox must agree, and only the lock
 * holder can assign a seq or copy a transcript range without a second copy. A hook that cannot get the lock in its
 * short wait writes what it knows (its entries, its time, the transcripts it would have swept) to a file of its own,
 * created under a temp name and renamed into place, so a merger never sees half a spill. Whoever holds the lock
 * next (a hook, the sender's catch-up) merges every spill of the session in time order and deletes it. A crash
 * between the merge and the delete repeats hook entries, never transcript lines (those are copied by offset): a
 * repeated hook entry is harmless, since events are keyed by transcript uuid. Nothing is ever dropped.
 */
export interface Spill {
  name: string;
  ts: string;
  entries: OutboxEntry[];
  sweep: SweepTarget[];
}

/** `<sid>~<ms, 15 digits>~<pid>~<random>.json`: `~` is outside the session-id alphabet, the name sorts by time. */
const SEP = '~';

export function spillDir(dataDir: string): string {
  return join(outboxDir(dataDir), 'spill');
}

/** Writes one spill file (0600, dir 0700). Throws on I/O errors: the caller reports them like any write failure. */
export function writeSpill(
  dataDir: string,
  sessionId: string,
  entries: OutboxEntry[],
  sweep: SweepTarget[],
  now: Date,
): string {
  const dir = spillDir(dataDir);
  const name = `${sessionId}${SEP}${String(now.getTime()).padStart(15, '0')}${SEP}${process.pid}${SEP}${Math.random().toString(36).slice(2, 10)}.json`;
  let json = JSON.stringify({ v: 1, ts: now.toISOString(), entries, sweep });
  // <private> spans never reach the disk, spilled or not.
  if (hasPrivateSpan(json))
    json = JSON.stringify({ v: 1, ts: now.toISOString(), entries: stripPrivateValue(entries), sweep });
  // The temp name ends in .tmp, which listSpills skips: a merger sees a spill whole or not at all.
  writeFileAtomic(join(dir, name), json);
  return name;
}

/** Complete spill names of a session, oldest first ([] when there are none: one failed readdir). */
export function listSpills(dataDir: string, sessionId: string): string[] {
  const prefix = `${sessionId}${SEP}`;
  return spillNames(dataDir)
    .filter((n) => n.startsWith(prefix) && n.endsWith('.json'))
    .sort();
}

/** Session ids that have at least one spill waiting (for the sender: a session may exist only as spills). */
export function spilledSessions(dataDir: string): Set<string> {
  const out = new Set<string>();
  for (const n of spillNames(dataDir)) {
    const i = n.indexOf(SEP);
    if (i > 0 && n.endsWith('.json')) out.add(n.slice(0, i));
  }
  return out;
}

function spillNames(dataDir: string): string[] {
  try {
    return readdirSync(spillDir(dataDir));
  } catch {
    return [];
  }
}

/** A spill's content, or null when it is unreadable (it is then left alone, never half merged). */
export function readSpill(dataDir: string, name: string): Spill | null {
  try {
    const v = JSON.parse(readFileSync(join(spillDir(dataDir), name), 'utf8')) as Partial<Spill> | null;
    if (!v || typeof v.ts !== 'string' || !Array.isArray(v.entries)) return null;
    return { name, ts: v.ts, entries: v.entries, sweep: Array.isArray(v.sweep) ? v.sweep : [] };
  } catch {
    return null;
  }
}

export function removeSpill(dataDir: string, name: string): void {
  try {
    unlinkSync(join(spillDir(dataDir), name));
  } catch {
    // already merged by someone else
  }
}
