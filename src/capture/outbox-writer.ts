// Appends records to a session's outbox under the session lock: seqs, transcript offsets and the JSONL file agree.
import { closeSync, constants, fstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { BatonError } from '../core/errors.js';
import { hasPrivateSpan, stripPrivateLine, stripPrivateValue } from '../core/redact/private-spans.js';
import { outboxPaths } from './outbox-paths.js';
import { openState, reconcileState, saveState, type StateFile } from './outbox-state.js';
import { acquireLock } from './session-lock.js';
import { sweepTranscript, MAX_SWEEP_BYTES } from './transcript-sweep.js';

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
}

export interface AppendResult {
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
  if (!release) throw new BatonError('timeout', `outbox lock busy: ${paths.lock}`);
  try {
    return appendLocked(paths, sessionId, entries, opts);
  } finally {
    release();
  }
}

function appendLocked(
  paths: ReturnType<typeof outboxPaths>,
  sessionId: string,
  entries: OutboxEntry[],
  opts: AppendOptions,
): AppendResult {
  let fd: number;
  let stateFile: StateFile;
  try {
    fd = openOutbox(paths.outbox, paths.dir);
  } catch (cause) {
    throw ioError(`cannot open ${paths.outbox}`, cause);
  }
  try {
    stateFile = openState(paths.state);
  } catch (cause) {
    closeSync(fd);
    throw ioError(`cannot open ${paths.state}`, cause);
  }
  try {
    const size = fstatSync(fd).size;
    const { state, needsNewline } = reconcileState(stateFile.state, fd, size);
    const ts = (opts.now ?? new Date()).toISOString();
    const firstSeq = state.seq + 1;
    let lines = 0;
    let prefix = needsNewline ? '\n' : '';
    const write = (entry: OutboxEntry): void => {
      // seq first: readers (and state repair) find it with a prefix match, without parsing big records.
      const record = { seq: state.seq + 1, ts, sid: sessionId, ...entry };
      let json = JSON.stringify(record);
      // <private> spans never reach the disk: one scan of the line, a rewrite only when a span is there.
      if (hasPrivateSpan(json)) json = JSON.stringify(stripPrivateValue(record));
      const text = `${prefix}${json}\n`;
      state.bytes += writeWhole(fd, text, paths.outbox);
      prefix = '';
      state.seq += 1;
    };

    const sweepErrors: AppendResult['sweepErrors'] = [];
    for (const target of opts.sweep ?? []) {
      let got;
      try {
        got = sweepTranscript(
          target.path,
          state.offsets[target.path] ?? 0,
          opts.maxSweepBytes ?? MAX_SWEEP_BYTES,
        );
      } catch (err) {
        // An unreadable transcript must not cost us the hook's own entry.
        sweepErrors.push({ path: target.path, errno: (err as NodeJS.ErrnoException).code ?? 'unknown' });
        continue;
      }
      if (!got) continue;
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
        lines: got.lines.map(stripPrivateLine),
      });
      state.offsets[target.path] = got.to;
      lines += got.lines.length;
    }
    for (const entry of entries) write(entry);
    try {
      saveState(stateFile, state);
    } catch (cause) {
      // The outbox is complete; the next writer repairs the state from it (reconcileState).
      throw ioError(`cannot write ${paths.state}`, cause);
    }
    return { firstSeq, lastSeq: state.seq, lines, sweepErrors };
  } finally {
    closeSync(fd);
    closeSync(stateFile.fd);
  }
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
