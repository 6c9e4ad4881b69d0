// The per-session live-stream state file: schema, atomic writes (0600), locked updates, and the hand-over to "ended".
import { readFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../core/fs/write-atomic.js';
import { z } from 'zod';
import { BatonError } from '../../../core/errors.js';
import { acquireLock } from '../../session/lock.js';
import { endedStatePath, liveDir, livePaths } from './paths.js';

export const LiveStateStatus = z.enum(['active', 'paused', 'ended']);

export const LiveState = z.object({
  v: z.literal(1),
  sessionId: z.string(),
  liveId: z.string(),
  /** The stream's write capability. Never printed. */
  producerToken: z.string(),
  viewUrl: z.string(),
  trackerUrl: z.string(),
  expiresAt: z.string(),
  visibility: z.enum(['unlisted', 'private']),
  title: z.string().optional(),
  transcriptPath: z.string().optional(),
  cwd: z.string().optional(),
  /** The user's choice for SessionEnd: false keeps the stream as a post, true discards it. */
  discardOnEnd: z.boolean(),
  status: LiveStateStatus,
  createdAt: z.string(),
  /** Pause intervals (ISO times; `to` missing while paused): events stamped inside one are never streamed. */
  pauses: z.array(z.object({ from: z.string(), to: z.string().optional() })).optional(),
  /** Set by `--live stop` / live_update complete: the relay flushes, then ends the stream this way. */
  stop: z.object({ keep: z.boolean(), requestedAt: z.string(), title: z.string().optional() }).optional(),
  // Filled in when the stream has ended.
  endedAt: z.string().optional(),
  outcome: z.enum(['kept', 'discarded', 'gone', 'failed']).optional(),
  postUrl: z.string().nullable().optional(),
  error: z.string().optional(),
});
export type LiveState = z.infer<typeof LiveState>;

function writeAtomic(path: string, value: unknown): void {
  writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}

function parseState(path: string): LiveState | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = LiveState.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The session's active (or paused) stream, or null when live mode is off for it. */
export function readLiveState(dataDir: string, sessionId: string): LiveState | null {
  return parseState(livePaths(dataDir, sessionId).state);
}

/** The most recently ended stream of a session (for reporting a post URL after stop), or null. */
export function readEndedState(dataDir: string, sessionId: string, liveId?: string): LiveState | null {
  if (liveId) return parseState(endedStatePath(dataDir, sessionId, liveId));
  const dir = join(liveDir(dataDir), 'ended');
  let best: { path: string; mtime: number } | null = null;
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return null;
  }
  for (const name of names) {
    if (!name.startsWith(`${sessionId}.`) || !name.endsWith('.json')) continue;
    const path = join(dir, name);
    const mtime = statSync(path).mtimeMs;
    if (!best || mtime > best.mtime) best = { path, mtime };
  }
  return best ? parseState(best.path) : null;
}

function withStateLock<T>(dataDir: string, sessionId: string, fn: () => T): T {
  const release = acquireLock(livePaths(dataDir, sessionId).stateLock, { waitMs: 3000, staleMs: 10_000 });
  if (!release)
    throw new BatonError('timeout', 'the live state of this session is locked by another process; try again');
  try {
    return fn();
  } finally {
    release();
  }
}

/** Creates the active marker. Fails with `conflict` when the session already streams. */
export function createLiveState(dataDir: string, state: LiveState): void {
  withStateLock(dataDir, state.sessionId, () => {
    const existing = readLiveState(dataDir, state.sessionId);
    if (existing) {
      throw new BatonError('conflict', `this session is already live at ${existing.viewUrl}`, {
        details: { liveId: existing.liveId },
      });
    }
    writeAtomic(livePaths(dataDir, state.sessionId).state, LiveState.parse(state));
  });
}

/** Read-modify-write of the active state under the state lock. Returns null (and writes nothing) when not live. */
export function updateLiveState(
  dataDir: string,
  sessionId: string,
  change: (s: LiveState) => LiveState,
): LiveState | null {
  return withStateLock(dataDir, sessionId, () => {
    const cur = readLiveState(dataDir, sessionId);
    if (!cur) return null;
    const next = LiveState.parse(change(cur));
    writeAtomic(livePaths(dataDir, sessionId).state, next);
    return next;
  });
}

/**
 * Moves the state to `live/ended/` with its outcome and removes the active marker, so hooks stop restarting a relay.
 * Only the stream that is still current (same liveId) is ended; returns the final state.
 */
export function endLiveState(
  dataDir: string,
  sessionId: string,
  liveId: string,
  result: Pick<LiveState, 'outcome'> & Partial<Pick<LiveState, 'postUrl' | 'error'>>,
): LiveState | null {
  return withStateLock(dataDir, sessionId, () => {
    const cur = readLiveState(dataDir, sessionId);
    if (!cur || cur.liveId !== liveId) return null;
    const final: LiveState = LiveState.parse({
      ...cur,
      ...result,
      status: 'ended',
      endedAt: new Date().toISOString(),
    });
    writeAtomic(endedStatePath(dataDir, sessionId, liveId), final);
    const paths = livePaths(dataDir, sessionId);
    for (const p of [paths.state, paths.inbox]) {
      try {
        unlinkSync(p);
      } catch {
        // already gone
      }
    }
    return final;
  });
}

const MAX_PAUSES = 50;

/** Opens or closes a pause interval (idempotent: pausing twice keeps the first start). */
export function withPause(s: LiveState, paused: boolean, at: string = new Date().toISOString()): LiveState {
  const pauses = [...(s.pauses ?? [])];
  const open = pauses.length > 0 && pauses[pauses.length - 1]!.to === undefined;
  if (paused && !open) pauses.push({ from: at });
  if (!paused && open) pauses[pauses.length - 1] = { ...pauses[pauses.length - 1]!, to: at };
  return { ...s, status: paused ? 'paused' : 'active', pauses: pauses.slice(-MAX_PAUSES) };
}

/** Whether an event stamped `timestamp` was captured during a pause (no timestamp: the current status decides). */
export function pausedAt(s: LiveState, timestamp: string | undefined): boolean {
  const t = timestamp ? Date.parse(timestamp) : Number.NaN;
  if (Number.isNaN(t)) return s.status === 'paused';
  return (s.pauses ?? []).some(
    (p) => t >= Date.parse(p.from) && (p.to === undefined || t < Date.parse(p.to)),
  );
}

/**
 * A reader for processes that check the state many times a second (the relay): the file is parsed again only when
 * its mtime or size changed. Returns null once the file is gone (the stream ended).
 */
export function cachedLiveStateReader(dataDir: string, sessionId: string): () => LiveState | null {
  const path = livePaths(dataDir, sessionId).state;
  let key = '';
  let value: LiveState | null = null;
  return () => {
    let st;
    try {
      st = statSync(path);
    } catch {
      key = '';
      return (value = null);
    }
    const k = `${st.mtimeMs}:${st.size}:${st.ino}`;
    if (k !== key) {
      value = parseState(path);
      key = k;
    }
    return value;
  };
}
