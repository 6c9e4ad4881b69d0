// The live relay loop: one detached process per live session tails outbox, transcript and inbox, and streams events.
import type { FSWatcher } from 'node:fs';
import { isBatonError } from '../../../core/errors.js';
import { acquireLock } from '../../session/lock.js';
import { finalizeLive } from './finalize.js';
import { livePaths } from './paths.js';
import { cachedLiveStateReader, endLiveState, type LiveState } from './state.js';
import { removeRelayProgress } from './relay-progress.js';
import { openRelay, type LiveRelayOptions, type Loop, type RelayRun } from './relay-run.js';
import { followTranscript, readSources, saveProgress, watchSources } from './relay-sources.js';

export type { LiveRelayOptions } from './relay-run.js';

export type RelayExit = 'not-live' | 'locked' | 'ended' | 'idle' | 'replaced' | 'stopped';

export interface LiveRelay {
  /** Resolves when the relay is done (stream ended, idle, or `stop()`). */
  done: Promise<RelayExit>;
  stop(): void;
  /** Asks for an immediate pass over the sources (tests; watchers do this in production). */
  wake(): void;
}

export function startLiveRelay(o: LiveRelayOptions): LiveRelay {
  let running = true;
  let wakeUp: (() => void) | null = null;
  let dirty = true;
  const wake = () => {
    dirty = true;
    wakeUp?.();
  };
  const done = runRelay(o, {
    isRunning: () => running,
    // `dirty` is cleared when a pass starts, so a change during the pass triggers another one right after it.
    waitForWake: (ms) =>
      new Promise<void>((resolve) => {
        const finish = () => {
          clearTimeout(t);
          wakeUp = null;
          dirty = false;
          resolve();
        };
        const t = setTimeout(finish, dirty || !running ? 0 : ms);
        if (dirty || !running) return finish();
        wakeUp = finish;
      }),
    wake,
  });
  return {
    done,
    stop() {
      running = false;
      wakeUp?.();
    },
    wake,
  };
}

async function runRelay(o: LiveRelayOptions, loop: Loop): Promise<RelayExit> {
  const paths = livePaths(o.dataDir, o.sessionId);
  // One relay per session for its whole life; a lock left by a dead relay is broken at once (its pid is gone).
  const release = acquireLock(paths.relayLock, { waitMs: 0, staleMs: Number.POSITIVE_INFINITY });
  if (!release) return 'locked';
  const watchers: FSWatcher[] = [];
  let poll: NodeJS.Timeout | null = null;
  try {
    const run = await openRelay(o, loop, watchers);
    if (!run) return 'not-live';
    watchSources(run);
    poll = setInterval(() => loop.wake(), run.pollMs);
    return await relayLoop(run);
  } finally {
    if (poll) clearInterval(poll);
    for (const wt of watchers) wt.close();
    release();
  }
}

async function relayLoop(run: RelayRun): Promise<RelayExit> {
  const { o, loop, log } = run;
  const currentState = cachedLiveStateReader(o.dataDir, o.sessionId);
  while (loop.isRunning()) {
    await loop.waitForWake(run.pollMs);
    if (!loop.isRunning()) break;
    const state = currentState();
    if (!state) return 'ended';
    if (state.liveId !== run.liveId) return 'replaced';
    try {
      const exit = await relayPass(run, state);
      if (exit) return exit;
    } catch (err) {
      if (isBatonError(err) && STREAM_OVER.has(err.code)) {
        const outcome = err.code === 'gone' ? 'gone' : 'failed';
        endLiveState(o.dataDir, o.sessionId, run.liveId, { outcome, error: err.message });
        removeRelayProgress(run.paths.progress);
        log(`stream ${run.liveId} stopped: ${err.code}: ${err.message}`);
        return 'ended';
      }
      log(`relay pass failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return 'stopped';
}

/** Answers after which the stream cannot go on: it is marked ended here too. */
const STREAM_OVER = new Set(['gone', 'auth', 'forbidden', 'not_found', 'invalid_request', 'too_large']);

/** One pass: read every source, stream what is new, save the position, and end the stream once it is due. */
async function relayPass(run: RelayRun, state: LiveState): Promise<RelayExit | null> {
  const passStart = run.now();
  await followTranscript(run, state);
  const { items, fromOutbox } = await readSources(run);
  const tRead = run.now();
  await run.sink.flush(run.loop.isRunning);
  if (process.env.BATON_LIVE_DEBUG && items.length)
    run.log(
      `pass: ${items.length} items read at +${tRead - passStart} ms, flushed at +${run.now() - passStart} ms; outbox ts ${fromOutbox.map((e) => e.event.timestamp).join(',')}`,
    );
  saveProgress(run);
  if (await endIfDue(run, state)) return 'ended';
  if (!run.ending && run.now() - run.lastActivity > (run.o.idleExitMs ?? 30 * 60_000)) return 'idle';
  return null;
}

/** Ends the stream when asked (`--live stop`) or once the session's end has outlasted its grace; true if ended. */
async function endIfDue(run: RelayRun, state: LiveState): Promise<boolean> {
  const { o, now, ending } = run;
  const endNow =
    state.stop ??
    (ending && now() - ending.since >= graceFor(o, ending.reason) ? { keep: !state.discardOnEnd } : null);
  if (!endNow || run.sink.pending !== 0 || run.merger.holding) return false;
  const final = await finalizeLive(
    state,
    endNow.keep,
    { client: o.client, dataDir: o.dataDir, redact: o.redact, canPush: o.canPush, log: run.log },
    { ...('title' in endNow && endNow.title ? { title: endNow.title } : {}) },
  );
  run.log(
    `stream ${run.liveId} ended: ${final?.outcome ?? 'already ended'}${final?.postUrl ? ` → ${final.postUrl}` : ''}`,
  );
  removeRelayProgress(run.paths.progress);
  return true;
}

function graceFor(o: LiveRelayOptions, reason: string | undefined): number {
  const g = o.endGraceMs ?? { other: 30_000, default: 1500 };
  return reason === 'other' || reason === undefined ? g.other : g.default;
}
