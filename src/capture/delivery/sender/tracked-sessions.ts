// The sessions a sender run follows: when one is read, caught up, skipped, done, or has an event set aside.
import { statSync } from 'node:fs';
import type { BatonError } from '../../../core/errors.js';
import { outboxPaths } from '../../outbox/paths.js';
import { emptyAck, readAck, writeAck } from './ack.js';
import { SessionFeed } from './feed.js';
import { catchUpSession } from './catch-up.js';
import { fullBatch, type SenderRun, type Tracked } from './sender-run.js';
import { senderLog } from './status.js';

/** A fully delivered session whose outbox has not changed for this long is treated as finished. */
const QUIET_MS = 3_600_000;

/** Nothing to send: acknowledge records without events, and mark the session done once it is. */
export function settle(run: SenderRun, sid: string, t: Tracked): void {
  const { dataDir } = run.opts;
  if (t.feed.pending.length === 0 && t.ack.seq < t.feed.readSeq) {
    t.ack.seq = t.feed.readSeq; // records without events (hook entries): nothing to send for them
    // An ended session without a single event has no summary to deliver.
    if (t.feed.ended && !t.feed.lastItem) t.ack.finalSeq = t.feed.readSeq;
    writeAck(dataDir, sid, t.ack);
  }
  // Done: the end was delivered, or everything was and the session went quiet long ago (Claude Code died
  // before SessionEnd). A done session is skipped unread until its outbox grows.
  const quiet =
    t.ack.seq === t.feed.readSeq &&
    t.caughtUpAt === t.feed.bytesRead &&
    run.now() - outboxMtime(dataDir, sid) > QUIET_MS;
  if (t.feed.pending.length === 0 && (t.ack.finalSeq === t.feed.readSeq || quiet)) markDone(run, sid, t);
}

/** False when a hook held the outbox lock throughout: the session waits for the next round. */
export async function catchUp(run: SenderRun, sid: string, t: Tracked): Promise<boolean> {
  const { dataDir } = run.opts;
  // A fork's inherited subagent files are known only once its copied history was read: sweep again if reading
  // what the first sweep copied names more of them (at most once more: the history does not grow meanwhile).
  let followed = '';
  for (let round = 0; round < 2; round++) {
    const paths = [...t.feed.transcripts, ...t.feed.inheritedSubagentFiles()];
    if (round > 0 && paths.join('\n') === followed) break;
    followed = paths.join('\n');
    let r;
    try {
      r = catchUpSession(dataDir, sid, paths);
    } catch (err) {
      // The outbox cannot be written (disk full, permissions): deliver what is there, never the end.
      senderLog(dataDir, {
        msg: 'catch-up failed',
        sessionId: sid,
        error: err instanceof Error ? err.message : String(err),
      });
      return false;
    }
    if (r.state === 'busy') return false;
    if (r.lines > 0) senderLog(dataDir, { msg: 'caught up', sessionId: sid, lines: r.lines });
    await t.feed.pull(Infinity);
  }
  t.caughtUpAt = t.feed.bytesRead;
  return true;
}

export async function track(run: SenderRun, sid: string, hasSpill: boolean): Promise<Tracked | null> {
  const { dataDir, client } = run.opts;
  const known = run.tracked.get(sid);
  if (known) return known.ack.ignored ? null : known;
  const size = outboxSize(dataDir, sid);
  if (run.doneAt.get(sid) === size && !hasSpill) return null;
  let ack = readAck(dataDir, sid);
  // Acknowledged by another tracker (the user switched): this one has none of it yet.
  if (ack.url && ack.url !== client.baseUrl && !ack.ignored) ack = emptyAck();
  if (ack.ignored || (ack.doneBytes !== undefined && ack.doneBytes === size && !hasSpill)) {
    run.doneAt.set(sid, size);
    return null;
  }
  const feed = new SessionFeed(dataDir, sid, ack.seq, run.gate);
  await feed.pull(Infinity);
  const t: Tracked = { feed, ack, batchLimit: fullBatch(run.limits), ignoreChecked: false, caughtUpAt: -1 };
  run.tracked.set(sid, t);
  return t;
}

export function ignore(run: SenderRun, sid: string, t: Tracked): void {
  t.ack.ignored = true;
  writeAck(run.opts.dataDir, sid, t.ack);
  run.tracked.set(sid, t);
  senderLog(run.opts.dataDir, { msg: 'project ignored', sessionId: sid });
}

function markDone(run: SenderRun, sid: string, t: Tracked): void {
  const size = outboxSize(run.opts.dataDir, sid);
  if (size !== t.feed.bytesRead) return;
  t.ack.doneBytes = size;
  writeAck(run.opts.dataDir, sid, t.ack);
  run.tracked.delete(sid);
  run.doneAt.set(sid, size);
}

export function reject(
  run: SenderRun,
  sid: string,
  t: Tracked,
  uuid: string | undefined,
  e: BatonError,
): void {
  t.feed.pending.shift();
  t.batchLimit = fullBatch(run.limits);
  t.feed.setAside({
    sessionId: sid,
    reason: 'rejected_by_tracker',
    uuid,
    code: e.code,
    message: e.message.slice(0, 300),
  });
  senderLog(run.opts.dataDir, { msg: 'quarantined', sessionId: sid, uuid, code: e.code });
}

function outboxMtime(dataDir: string, sid: string): number {
  try {
    return statSync(outboxPaths(dataDir, sid).outbox).mtimeMs;
  } catch {
    return 0;
  }
}

function outboxSize(dataDir: string, sid: string): number {
  try {
    return statSync(outboxPaths(dataDir, sid).outbox).size;
  } catch {
    return -1;
  }
}
