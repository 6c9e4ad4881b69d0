// When `baton resume` or `baton restore` replaces a transcript this machine's capture already follows (machine A
// getting B's continuation back), the outbox's offset into that file is a position in the old file: the next sweep
// would start mid-line, and its first "line" would be a fragment (quarantined as not JSON). The offset moves to a line
// boundary of the new file: just past the last line the capture had already copied (found by its uuid), so the
// lines the session gained elsewhere are still read here. They are the tracker's copy, so the gate keeps their lines
// from going back (restored.ts), but the sender still numbers their events, and this machine's next turns follow
// them instead of taking their turn and event numbers. No such line found: the file's end (a line boundary too).
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, writeSync } from 'node:fs';
import { acquireLock } from './lock.js';
import { outboxPaths } from '../outbox/paths.js';
import { openState, reconcileState, saveState } from '../outbox/state.js';

/**
 * For each of `files` the session's outbox already follows, sets its offset to a line boundary of the file now on
 * disk (see above), under the session lock. A session without an outbox here is left alone: its first sweep starts
 * at 0. Best effort: a lock held throughout or an unreadable file leaves the offsets as they were.
 */
export function moveOffsetsPastRestored(
  dataDir: string,
  sessionId: string,
  files: ReadonlyArray<{ path: string }>,
): void {
  const paths = outboxPaths(dataDir, sessionId);
  if (files.length === 0 || !existsSync(paths.state) || !existsSync(paths.outbox)) return;
  let release;
  try {
    release = acquireLock(paths.lock, { waitMs: 2000, staleMs: 10_000 });
  } catch {
    return;
  }
  if (!release) return; // the next sweep then starts at the old offset: one fragment set aside, nothing lost
  try {
    const fd = openSync(paths.outbox, constants.O_RDWR | constants.O_APPEND);
    const stateFile = openState(paths.state);
    try {
      const { state, needsNewline } = reconcileState(stateFile.state, fd, fstatSync(fd).size);
      // A torn last record: the next writer repairs it (a newline first), which it only knows from a stale state.
      if (needsNewline) return;
      const outbox = readFileSync(fd);
      const ts = new Date().toISOString();
      let moved = false;
      // Only paths the capture already knows, as the hooks name them: a new name would be swept as another file.
      for (const { path } of files) {
        if (state.offsets[path] === undefined || !existsSync(path)) continue;
        const at = boundaryAfter(readFileSync(path), lastCopiedUuid(outbox, path));
        // Also said in the outbox (an empty copy marked reset), so a state rebuilt from it keeps the new offset.
        const agentId = /\/subagents\/agent-([^/]+)\.jsonl$/.exec(path)?.[1];
        const record = {
          seq: state.seq + 1,
          ts,
          sid: sessionId,
          k: 'records',
          path,
          ...(agentId ? { agentId } : {}),
          from: at,
          to: at,
          reset: true,
          lines: [],
        };
        const buf = Buffer.from(`${JSON.stringify(record)}\n`);
        if (writeSync(fd, buf) !== buf.length) return; // a torn record: the next writer repairs it
        state.seq += 1;
        state.bytes += buf.length;
        state.offsets[path] = at;
        moved = true;
      }
      if (moved) saveState(stateFile, state);
    } finally {
      closeSync(fd);
      closeSync(stateFile.fd);
    }
  } catch {
    // as above: the old offset stays
  } finally {
    release();
  }
}

/** The uuid of the last line with one that the outbox copied from `path`, or null. */
export function lastCopiedUuid(outbox: Buffer, path: string): string | null {
  const lines = outbox.toString('utf8').split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const raw = lines[i]!;
    if (!raw.includes('"k":"records"')) continue;
    let rec: { k?: unknown; path?: unknown; lines?: unknown };
    try {
      rec = JSON.parse(raw) as typeof rec;
    } catch {
      continue; // a torn record
    }
    if (rec.k !== 'records' || rec.path !== path || !Array.isArray(rec.lines)) continue;
    for (let j = rec.lines.length - 1; j >= 0; j--) {
      const uuid = uuidOf(rec.lines[j]);
      if (uuid) return uuid;
    }
  }
  return null;
}

/** The offset just past the line whose uuid is `uuid` in `file`, else the end of its last complete line. */
export function boundaryAfter(file: Buffer, uuid: string | null): number {
  const lastNewline = file.lastIndexOf(10);
  const end = lastNewline + 1;
  if (uuid === null) return end;
  const needle = Buffer.from(JSON.stringify(uuid));
  for (let from = 0; ;) {
    const hit = file.indexOf(needle, from);
    if (hit < 0 || hit >= end) return end;
    const start = file.lastIndexOf(10, hit) + 1;
    const stop = file.indexOf(10, hit);
    if (uuidOf(file.toString('utf8', start, stop)) === uuid) return stop + 1;
    from = stop + 1;
  }
}

function uuidOf(line: unknown): string | null {
  if (typeof line !== 'string') return null;
  try {
    const v = JSON.parse(line) as { uuid?: unknown } | null;
    return v && typeof v.uuid === 'string' && v.uuid !== '' ? v.uuid : null;
  } catch {
    return null;
  }
}
