// Appends records to a session's outbox under the session lock: seqs, transcript offsets and the JSONL file agree.
import { closeSync, constants, fstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { BatonError } from '../../core/errors.js';
import { hasPrivateSpan, stripPrivateLine, stripPrivateValue } from '../../core/redact/private-spans.js';
import { outboxPaths } from './paths.js';
import { openState, reconcileState, saveState, type OutboxState, type StateFile } from './state.js';
import { listSpills, readSpill, removeSpill, writeSpill, type Spill } from './spill.js';
import { acquireLock } from '../session/lock.js';
import { sweepTranscript, MAX_SWEEP_BYTES, type SweepResult } from '../session/transcript-sweep.js';

/** What a hook learned, before the writer stamps it with `seq`, `ts` and `sid`. Plain objects: no schema here. */
export type OutboxEntry = { k: string } & Record<string, unknown>;

export interface SweepTarget {
  path: string;
  /** Set for a subagent transcript. */
  agentId?: string;
}

export interface AppendOptions {
  /** Transcripts whose new lines are copied (as `records` entries) before `entries`. */
  sweep?: SweepTarget[];
  lockWaitMs?: number;
  lockStaleMs?: number;
  maxSweepBytes?: number;
  now?: Date;
  /** Capture is paused: move the transcript offsets past new lines without copying them (they are never stored). */
  discardSweep?: boolean;
  /**
   * When the lock stays busy past `lockWaitMs`, write the entries to a spill file (merged by the next lock holder)
   * instead of throwing `timeout`. Hooks set it: a record is never dropped for contention.
   */
  spillOnBusy?: boolean;
  /**
   * Copy up to this many transcript bytes in this call, in chunks of `maxSweepBytes` (one `records` entry each),
   * instead of one chunk per file. The sender's catch-up uses it; `AppendResult.more` says a file has more.
   */
  sweepBudgetBytes?: number;
  /** Also sweep every transcript the outbox already follows (state offsets), plus these computed from them. */
  sweepKnown?: (known: string[]) => SweepTarget[];
}

export interface AppendResult {
  /** Set when the lock was busy and the entries went to a spill file (seqs are assigned when it is merged). */
  spilled?: string;
  /** A transcript still has bytes past the sweep budget (only with `sweepBudgetBytes`). */
  more?: boolean;
  firstSeq: number;
  lastSeq: number;
  /** Transcript lines copied by this call. */
  lines: number;
  /** Transcripts that exist but could not be read (errno by path): the entries were still written. */
  sweepErrors: Array<{ path: string; errno: string }>;
}

const APPEND_FLAGS = constants.O_RDWR | constants.O_APPEND | constants.O_CREAT;

/**
 * Writes `entries` (after any new transcript lines) to `<dataDir>/outbox/<sessionId>.jsonl`, one `fs.writeSync` per
 * record on an O_APPEND fd, so concurrent writers can never interleave inside a line. The session lock makes seq
 * assignment and transcript copying exclusive: no range is copied twice and no seq is used twice.
 * Throws BatonError `timeout` when the lock stays busy, `io` when the data dir cannot be written.
 */
export function appendToOutbox(
  dataDir: string,
  sessionId: string,
  entries: OutboxEntry[],
  opts: AppendOptions = {},
): AppendResult {
  const paths = outboxPaths(dataDir, sessionId);
  let release;
  try {
    release = acquireLock(paths.lock, {
      waitMs: opts.lockWaitMs ?? 2000,
      staleMs: opts.lockStaleMs ?? 10_000,
    });
  } catch (cause) {
    throw ioError(`cannot lock ${paths.lock}`, cause);
  }
  if (!release) {
    if (!opts.spillOnBusy) throw new BatonError('timeout', `outbox lock busy: ${paths.lock}`);
    try {
      const spilled = writeSpill(
        dataDir,
        sessionId,
        entries,
        opts.discardSweep ? [] : (opts.sweep ?? []),
        opts.now ?? new Date(),
      );
      return { spilled, firstSeq: 0, lastSeq: 0, lines: 0, sweepErrors: [] };
    } catch (cause) {
      throw ioError(`outbox lock busy and cannot spill for ${sessionId}`, cause);
    }
  }
  try {
    return appendLocked(dataDir, paths, sessionId, entries, opts);
  } finally {
    release();
  }
}

function appendLocked(
  dataDir: string,
  paths: ReturnType<typeof outboxPaths>,
  sessionId: string,
  entries: OutboxEntry[],
  opts: AppendOptions,
): AppendResult {
  const { fd, stateFile } = openFiles(paths);
  try {
    const { state, needsNewline } = reconcileState(stateFile.state, fd, fstatSync(fd).size);
    const firstSeq = state.seq + 1;
    const ts = (opts.now ?? new Date()).toISOString();
    const write = recordWriter(fd, paths.outbox, state, sessionId, ts, needsNewline);
    // Spills first: those hooks ran before this one. Their transcripts join this sweep (each range copied once).
    const spills = listSpills(dataDir, sessionId).flatMap((name) => readSpill(dataDir, name) ?? []);
    const swept = sweepInto(write, state, sweepTargets(spills, opts, state), opts);
    for (const sp of spills) for (const entry of sp.entries) write(entry, sp.ts);
    for (const entry of entries) write(entry);
    try {
      saveState(stateFile, state);
    } catch (cause) {
      // The outbox is complete; the next writer repairs the state from it (reconcileState).
      throw ioError(`cannot write ${paths.state}`, cause);
    }
    // Only now, with the outbox and state written: a crash before this repeats hook entries, never loses them.
    for (const sp of spills) removeSpill(dataDir, sp.name);
    const { lines, sweepErrors, more } = swept;
    return { firstSeq, lastSeq: state.seq, lines, sweepErrors, ...(more ? { more } : {}) };
  } finally {
    closeSync(fd);
    closeSync(stateFile.fd);
  }
}

function openFiles(paths: ReturnType<typeof outboxPaths>): { fd: number; stateFile: StateFile } {
  let fd: number;
  try {
    fd = openOutbox(paths.outbox, paths.dir);
  } catch (cause) {
    throw ioError(`cannot open ${paths.outbox}`, cause);
  }
  try {
    return { fd, stateFile: openState(paths.state) };
  } catch (cause) {
    closeSync(fd);
    throw ioError(`cannot open ${paths.state}`, cause);
  }
}

type WriteRecord = (entry: OutboxEntry, at?: string) => void;

/** Appends records with the next seqs, keeping the state's seq and byte count in step with the file. */
function recordWriter(
  fd: number,
  path: string,
  state: OutboxState,
  sessionId: string,
  ts: string,
  needsNewline: boolean,
): WriteRecord {
  let prefix = needsNewline ? '\n' : '';
  return (entry, at = ts) => {
    // seq first: readers (and state repair) find it with a prefix match, without parsing big records.
    const record = { seq: state.seq + 1, ts: at, sid: sessionId, ...entry };
    let json = JSON.stringify(record);
    // <private> spans never reach the disk: one scan of the line, a rewrite only when a span is there. A transcript
    // copy's lines were stripped one by one already (stripPrivateLine): only its other fields need the scan, which
    // spares a second pass over up to 8 MiB per chunk (a third of a catch-up's time).
    const scan =
      entry.k === 'records' && Array.isArray(entry.lines) ? JSON.stringify({ ...record, lines: [] }) : json;
    if (hasPrivateSpan(scan)) json = JSON.stringify(stripPrivateValue(record));
    const text = `${prefix}${json}\n`;
    state.bytes += writeWhole(fd, text, path);
    prefix = '';
    state.seq += 1;
  };
}

/** Transcripts to copy from, each once: the spills' first, then this call's, then (catch-up) every known one. */
function sweepTargets(spills: Spill[], opts: AppendOptions, state: OutboxState): SweepTarget[] {
  const targets: SweepTarget[] = [];
  const seen = new Set<string>();
  const addTarget = (t: SweepTarget) => {
    if (typeof t?.path !== 'string' || seen.has(t.path)) return;
    seen.add(t.path);
    targets.push(t);
  };
  for (const sp of spills) sp.sweep.forEach(addTarget);
  (opts.sweep ?? []).forEach(addTarget);
  if (opts.sweepKnown) opts.sweepKnown(Object.keys(state.offsets)).forEach(addTarget);
  return targets;
}

/** Copies what each transcript gained since its offset into the outbox as `records` entries. */
function sweepInto(
  write: WriteRecord,
  state: OutboxState,
  targets: SweepTarget[],
  opts: AppendOptions,
): Pick<AppendResult, 'lines' | 'sweepErrors' | 'more'> {
  const sweepErrors: AppendResult['sweepErrors'] = [];
  const chunk = opts.maxSweepBytes ?? MAX_SWEEP_BYTES;
  // A hook copies at most one chunk per file; a catch-up (sweepBudgetBytes) goes on until its budget is spent.
  const catchUp = opts.sweepBudgetBytes !== undefined;
  let budget = opts.sweepBudgetBytes ?? 0;
  let more = false;
  let lines = 0;
  for (const target of targets) {
    for (let first = true; ; first = false) {
      if (catchUp ? budget <= 0 : !first) {
        if (catchUp) more = true;
        break;
      }
      let got;
      try {
        got = sweepTranscript(target.path, state.offsets[target.path] ?? 0, chunk);
      } catch (err) {
        // An unreadable transcript must not cost us the hook's own entry.
        sweepErrors.push({ path: target.path, errno: (err as NodeJS.ErrnoException).code ?? 'unknown' });
        break;
      }
      if (!got) break;
      budget -= got.to - got.from;
      if (opts.discardSweep) {
        state.offsets[target.path] = got.to;
        continue;
      }
      write({
        k: 'records',
        path: target.path,
        ...(target.agentId ? { agentId: target.agentId } : {}),
        from: got.from,
        to: got.to,
        ...(got.reset ? { reset: true } : {}),
        ...(got.skipped ? { skipped: got.skipped } : {}),
        ...copiedLines(got),
      });
      state.offsets[target.path] = got.to;
      lines += got.lines.length;
    }
  }
  return { lines, sweepErrors, more };
}

/**
 * The lines as stored (private spans cut), with each line's offset in the transcript when the lengths no longer
 * add up to it (a span was cut, or the sweep left blank lines out): readers key uuid-less lines by that offset.
 */
function copiedLines(got: SweepResult): { lines: string[]; at?: number[] } {
  const lines = got.lines.map(stripPrivateLine);
  if (got.at) return { lines, at: got.at };
  if (lines.every((l, i) => l === got.lines[i])) return { lines };
  const at: number[] = [];
  let pos = got.from;
  for (const raw of got.lines) {
    at.push(pos);
    pos += Buffer.byteLength(raw) + 1;
  }
  return { lines, at };
}

/** Creates the outbox dir (0700) only when the open says it is missing: one syscall less on every hook. */
function openOutbox(path: string, dir: string): number {
  try {
    return openSync(path, APPEND_FLAGS, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return openSync(path, APPEND_FLAGS, 0o600);
  }
}

/**
 * One writeSync per record; returns the bytes written. A short write (disk full) is an error, and the torn line is
 * repaired by the next writer.
 */
function writeWhole(fd: number, text: string, path: string): number {
  const buf = Buffer.from(text);
  let n: number;
  try {
    n = writeSync(fd, buf);
  } catch (cause) {
    throw ioError(`cannot append to ${path}`, cause);
  }
  if (n !== buf.length) {
    throw new BatonError('io', `short write to ${path} (${n} of ${buf.length} bytes)`, {
      details: { errno: 'ENOSPC' },
    });
  }
  return n;
}

function ioError(message: string, cause: unknown): BatonError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return new BatonError('io', code ? `${message}: ${code}` : message, { cause, details: { errno: code } });
}
