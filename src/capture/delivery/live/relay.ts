// The live relay loop: one detached process per live session tails outbox, transcript and inbox, and streams events.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { isBatonError } from '../../../core/errors.js';
import type { TrackerClient } from '../../../client/index.js';
import { openEgressGate } from '../../session/egress.js';
import { outboxPaths } from '../../outbox/paths.js';
import { acquireLock } from '../../session/lock.js';
import { finalizeLive } from './finalize.js';
import { LiveMerger, type Emitted, type Lifecycle } from './merge.js';
import { livePaths } from './paths.js';
import { LiveSink } from './sink.js';
import { readInboxNotes, readOutboxEntries } from './sources.js';
import { cachedLiveStateReader, endLiveState, readLiveState } from './state.js';
import {
  readRelayProgress,
  removeRelayProgress,
  writeRelayProgress,
  type RelayProgress,
} from './relay-progress.js';
import { resolveLiveTranscript } from './resolve-transcript.js';
import { TranscriptTail } from './transcript-tail.js';

export interface LiveRelayOptions {
  dataDir: string;
  sessionId: string;
  client: TrackerClient;
  /** The client holds an API key: the transcript can be pushed before the post is made. */
  canPush: boolean;
  redact: boolean;
  claudeConfigDir: string;
  /** Safety-net polling when fs.watch misses a change (default 250 ms). */
  pollMs?: number;
  /**
   * How long after SessionEnd the stream stays open for a `--resume` to continue it, by SessionEnd reason.
   * `other` is what `claude -p` reports at the end of every run (default 30 s); any other reason 1.5 s.
   */
  endGraceMs?: { other: number; default: number };
  /** Exit (without ending the stream) after this long with nothing new; the next hook restarts the relay. */
  idleExitMs?: number;
  log?: (msg: string) => void;
  now?: () => number;
}

/** How long a PreToolUse record waits for its tool_use to show up in the transcript (which may lag the hook). */
const TOOL_HOLD_MS = 300;

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

interface Loop {
  isRunning(): boolean;
  waitForWake(ms: number): Promise<void>;
  wake(): void;
}

async function runRelay(o: LiveRelayOptions, loop: Loop): Promise<RelayExit> {
  const log = o.log ?? (() => undefined);
  const now = o.now ?? Date.now;
  const paths = livePaths(o.dataDir, o.sessionId);
  // One relay per session for its whole life; a lock left by a dead relay is broken at once (its pid is gone).
  const release = acquireLock(paths.relayLock, { waitMs: 0, staleMs: Number.POSITIVE_INFINITY });
  if (!release) return 'locked';
  const watchers: FSWatcher[] = [];
  let poll: NodeJS.Timeout | null = null;
  try {
    const initial = readLiveState(o.dataDir, o.sessionId);
    if (!initial) return 'not-live';
    const liveId = initial.liveId;
    // Every streamed event passes the egress gate: the pauses recorded here, <private> spans, redaction.
    // The pause log is read fresh (no cache): a pause must stop the very next event, not one 200 ms later.
    const gate = openEgressGate({ dataDir: o.dataDir, redact: o.redact, pauseTtlMs: 0 });
    const w = { producerToken: initial.producerToken };
    const saved = readRelayProgress(paths.progress, liveId);
    let tracker = 0;
    try {
      tracker = (await o.client.live.get(liveId, w, { timeoutMs: 5000 })).lastSeq;
    } catch (err) {
      log(`could not read the stream's position (${String(err)}); continuing from the saved one`);
    }
    const transcriptPath =
      initial.transcriptPath ??
      saved?.transcriptPath ??
      (await resolveLiveTranscript(o.sessionId, o.dataDir, o.claudeConfigDir, initial.cwd));
    let tail = new TranscriptTail(transcriptPath, saved?.transcript ?? {}, () =>
      gate.recordFilter(o.sessionId),
    );
    const merger = new LiveMerger(saved?.merge);
    const sink = new LiveSink({
      append: (events) =>
        o.client.live.append(liveId, gate.body({ events }, o.sessionId), w, { timeoutMs: 10_000 }),
      nextSeq: Math.max(saved?.nextSeq ?? 1, tracker + 1),
      log,
    });
    const outbox = outboxPaths(o.dataDir, o.sessionId).outbox;
    let outboxByte = saved?.outboxByte ?? 0;
    let inboxByte = saved?.inboxByte ?? 0;
    let ending = null as { since: number; reason?: string } | null;
    let lastActivity = now();
    log(`relay ${process.pid} started for ${liveId}; transcript ${transcriptPath}; next seq ${sink.nextSeq}`);

    const watched = new Set<string>();
    // Only changes to this session's files wake a pass: the relay's own progress writes must not (a busy loop).
    const relevant = (name: string | null) =>
      name === null ||
      name === basename(outbox) ||
      name === basename(tail.path) ||
      name === o.sessionId ||
      name === basename(paths.state) ||
      name === basename(paths.inbox);
    const watchDir = (dir: string) => {
      try {
        const wt = watch(dir, { persistent: true }, (_type, name) => {
          if (relevant(typeof name === 'string' ? name : null)) loop.wake();
        });
        wt.on('error', () => undefined);
        watchers.push(wt);
        watched.add(dir);
      } catch {
        // A dir that does not exist yet (first turn: no transcript folder): polling covers it until it does.
      }
    };
    for (const dir of new Set([dirname(outbox), dirname(transcriptPath), paths.dir])) watchDir(dir);
    let lastResolve = now();
    const currentState = cachedLiveStateReader(o.dataDir, o.sessionId);
    let lastSaved = '';
    const pollMs = o.pollMs ?? 250;
    poll = setInterval(() => loop.wake(), pollMs);

    const queue = (items: Emitted[]) => {
      if (items.length === 0) return;
      lastActivity = now();
      // Nothing captured while paused (the stream, or capture itself: both are in the pause log) is streamed, not
      // even later: the gate judges each event against the pauses, like every other way out.
      const open: Emitted[] = [];
      for (const x of items) {
        const event = gate.event(x.event, o.sessionId);
        if (event !== null) open.push({ event, turnIndex: x.turnIndex });
      }
      sink.push(open);
    };
    const onLifecycle = (l: Lifecycle) => {
      if (l.kind === 'end') ending = { since: now(), ...(l.reason ? { reason: l.reason } : {}) };
      else ending = null;
    };

    while (loop.isRunning()) {
      await loop.waitForWake(pollMs);
      if (!loop.isRunning()) break;
      const passStart = now();
      const state = currentState();
      if (!state) return 'ended';
      if (state.liveId !== liveId) return 'replaced';
      try {
        if (!existsSync(tail.path) && now() - lastResolve > 2000) {
          lastResolve = now();
          const again = await resolveLiveTranscript(o.sessionId, o.dataDir, o.claudeConfigDir, state.cwd);
          if (again !== tail.path && existsSync(again))
            tail = new TranscriptTail(again, {}, () => gate.recordFilter(o.sessionId));
        }
        // A folder that did not exist yet (no hook has written an outbox, no transcript folder): watch it once it does.
        for (const dir of [dirname(outbox), dirname(tail.path)])
          if (!watched.has(dir) && existsSync(dir)) watchDir(dir);
        // Outbox first, transcript second: Claude Code writes a tool_use to the transcript before PreToolUse runs, so
        // the transcript read after the outbox holds every record that preceded a hook record we got, and merging the
        // transcript first keeps "text, then its tool call" even when both land within one pass.
        const ob = await readOutboxEntries(outbox, outboxByte);
        outboxByte = ob.nextByte;
        const items = merger.fromTranscript(await tail.read());
        const fromOutbox = merger.fromOutbox(ob.entries, now(), TOOL_HOLD_MS);
        const until = merger.holdUntil(TOOL_HOLD_MS);
        if (until !== null) setTimeout(() => loop.wake(), Math.max(0, until - now()) + 1).unref();
        items.push(...fromOutbox.emitted);
        fromOutbox.lifecycle.forEach(onLifecycle);
        if (fromOutbox.lifecycle.length) lastActivity = now();
        const ib = await readInboxNotes(paths.inbox, inboxByte);
        inboxByte = ib.nextByte;
        items.push(...ib.notes.map((n) => merger.note(n)));
        // Judged after the sources were read: a pause recorded before an event was written is seen (log read fresh).
        queue(items);

        const tRead = now();
        await sink.flush(loop.isRunning);
        if (process.env.BATON_LIVE_DEBUG && items.length)
          log(
            `pass: ${items.length} items read at +${tRead - passStart} ms, flushed at +${now() - passStart} ms; outbox ts ${fromOutbox.emitted.map((e) => e.event.timestamp).join(',')}`,
          );
        // Held hook records are past the saved outbox offset: save only when nothing is held or queued.
        if (sink.pending === 0 && !merger.holding) {
          const progress = progressOf(liveId, tail, outboxByte, inboxByte, sink.nextSeq, merger);
          const text = JSON.stringify(progress);
          if (text !== lastSaved) {
            writeRelayProgress(paths.progress, progress);
            lastSaved = text;
          }
        }

        const endNow =
          state.stop ??
          (ending && now() - ending.since >= graceFor(o, ending.reason)
            ? { keep: !state.discardOnEnd }
            : null);
        if (endNow && sink.pending === 0 && !merger.holding) {
          const final = await finalizeLive(
            state,
            endNow.keep,
            { client: o.client, dataDir: o.dataDir, redact: o.redact, canPush: o.canPush, log },
            { ...('title' in endNow && endNow.title ? { title: endNow.title } : {}) },
          );
          log(
            `stream ${liveId} ended: ${final?.outcome ?? 'already ended'}${final?.postUrl ? ` → ${final.postUrl}` : ''}`,
          );
          removeRelayProgress(paths.progress);
          return 'ended';
        }
        if (!ending && now() - lastActivity > (o.idleExitMs ?? 30 * 60_000)) return 'idle';
      } catch (err) {
        if (
          isBatonError(err) &&
          ['gone', 'auth', 'forbidden', 'not_found', 'invalid_request', 'too_large'].includes(err.code)
        ) {
          const outcome = err.code === 'gone' ? 'gone' : 'failed';
          endLiveState(o.dataDir, o.sessionId, liveId, { outcome, error: err.message });
          removeRelayProgress(paths.progress);
          log(`stream ${liveId} stopped: ${err.code}: ${err.message}`);
          return 'ended';
        }
        log(`relay pass failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    return 'stopped';
  } finally {
    if (poll) clearInterval(poll);
    for (const wt of watchers) wt.close();
    release();
  }
}

function graceFor(o: LiveRelayOptions, reason: string | undefined): number {
  const g = o.endGraceMs ?? { other: 30_000, default: 1500 };
  return reason === 'other' || reason === undefined ? g.other : g.default;
}

function progressOf(
  liveId: string,
  tail: TranscriptTail,
  outboxByte: number,
  inboxByte: number,
  nextSeq: number,
  merger: LiveMerger,
): RelayProgress {
  return {
    v: 1,
    liveId,
    transcriptPath: tail.path,
    transcript: tail.offsets,
    outboxByte,
    inboxByte,
    nextSeq,
    merge: merger.snapshot(),
  };
}
