// What a live relay reads each pass: the session's outbox, transcript and inbox, watched and read from offsets.
import { existsSync, watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import { LiveMerger, type Emitted } from './merge.js';
import { readInboxNotes, readOutboxEntries } from './sources.js';
import type { LiveState } from './state.js';
import { writeRelayProgress, type RelayProgress } from './relay-progress.js';
import { resolveLiveTranscript } from './resolve-transcript.js';
import { TranscriptTail } from './transcript-tail.js';
import type { RelayRun } from './relay-run.js';

/** How long a PreToolUse record waits for its tool_use to show up in the transcript (which may lag the hook). */
const TOOL_HOLD_MS = 300;

/** Wakes a pass when one of this session's files changes; polling covers what fs.watch misses. */
export function watchSources(run: RelayRun): void {
  for (const dir of new Set([dirname(run.outbox), dirname(run.tail.path), run.paths.dir])) watchDir(run, dir);
}

function watchDir(run: RelayRun, dir: string): void {
  const { o, paths } = run;
  // Only changes to this session's files wake a pass: the relay's own progress writes must not (a busy loop).
  const relevant = (name: string | null) =>
    name === null ||
    name === basename(run.outbox) ||
    name === basename(run.tail.path) ||
    name === o.sessionId ||
    name === basename(paths.state) ||
    name === basename(paths.inbox);
  try {
    const wt = watch(dir, { persistent: true }, (_type, name) => {
      if (relevant(typeof name === 'string' ? name : null)) run.loop.wake();
    });
    wt.on('error', () => undefined);
    run.watchers.push(wt);
    run.watched.add(dir);
  } catch {
    // A dir that does not exist yet (first turn: no transcript folder): polling covers it until it does.
  }
}

/** Before Claude Code creates the transcript its path is a guess: look again now and then, and watch new folders. */
export async function followTranscript(run: RelayRun, state: LiveState): Promise<void> {
  const { o, now, gate } = run;
  if (!existsSync(run.tail.path) && now() - run.lastResolve > 2000) {
    run.lastResolve = now();
    const again = await resolveLiveTranscript(o.sessionId, o.dataDir, o.claudeConfigDir, state.cwd);
    if (again !== run.tail.path && existsSync(again))
      run.tail = new TranscriptTail(again, {}, () => gate.recordFilter(o.sessionId));
  }
  // A folder that did not exist yet (no hook has written an outbox, no transcript folder): watch it once it does.
  for (const dir of [dirname(run.outbox), dirname(run.tail.path)])
    if (!run.watched.has(dir) && existsSync(dir)) watchDir(run, dir);
}

/** Reads outbox, transcript and inbox from their offsets, merges them, and queues what the gate lets out. */
export async function readSources(run: RelayRun): Promise<{ items: Emitted[]; fromOutbox: Emitted[] }> {
  const { merger, now } = run;
  // Outbox first, transcript second: Claude Code writes a tool_use to the transcript before PreToolUse runs, so
  // the transcript read after the outbox holds every record that preceded a hook record we got, and merging the
  // transcript first keeps "text, then its tool call" even when both land within one pass.
  const ob = await readOutboxEntries(run.outbox, run.outboxByte);
  run.outboxByte = ob.nextByte;
  const items = merger.fromTranscript(await run.tail.read());
  const fromOutbox = merger.fromOutbox(ob.entries, now(), TOOL_HOLD_MS);
  const until = merger.holdUntil(TOOL_HOLD_MS);
  if (until !== null) setTimeout(() => run.loop.wake(), Math.max(0, until - now()) + 1).unref();
  items.push(...fromOutbox.emitted);
  for (const l of fromOutbox.lifecycle) {
    if (l.kind === 'end') run.ending = { since: now(), ...(l.reason ? { reason: l.reason } : {}) };
    else run.ending = null;
  }
  if (fromOutbox.lifecycle.length) run.lastActivity = now();
  const ib = await readInboxNotes(run.paths.inbox, run.inboxByte);
  run.inboxByte = ib.nextByte;
  items.push(...ib.notes.map((n) => merger.note(n)));
  // Judged after the sources were read: a pause recorded before an event was written is seen (log read fresh).
  queue(run, items);
  return { items, fromOutbox: fromOutbox.emitted };
}

export function queue(run: RelayRun, items: Emitted[]): void {
  if (items.length === 0) return;
  run.lastActivity = run.now();
  // Nothing captured while paused (the stream, or capture itself: both are in the pause log) is streamed, not
  // even later: the gate judges each event against the pauses, like every other way out.
  const open: Emitted[] = [];
  for (const x of items) {
    const event = run.gate.event(x.event, run.o.sessionId);
    if (event !== null) open.push({ event, turnIndex: x.turnIndex });
  }
  run.sink.push(open);
}

/** Held hook records are past the saved outbox offset: save only when nothing is held or queued. */
export function saveProgress(run: RelayRun): void {
  if (run.sink.pending !== 0 || run.merger.holding) return;
  const progress = progressOf(
    run.liveId,
    run.tail,
    run.outboxByte,
    run.inboxByte,
    run.sink.nextSeq,
    run.merger,
  );
  const text = JSON.stringify(progress);
  if (text !== run.lastSaved) {
    writeRelayProgress(run.paths.progress, progress);
    run.lastSaved = text;
  }
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
