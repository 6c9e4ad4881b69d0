// The background sender: drains every outbox of a data dir to the tracker, one lock-guarded process at a time.
import { writeFileSync, mkdirSync } from 'node:fs';
import { BatonError, isBatonError } from '../../../core/errors.js';
import { LINES_REFUSED_NOTICE } from '../../../client/transcript-lines.js';
import { listOutboxSessions } from '../../outbox/reader.js';
import { acquireLock } from '../../session/lock.js';
import { writeAck } from './ack.js';
import { nextBatch, type Batch } from './batch.js';
import { spilledSessions } from '../../outbox/spill.js';
import { isProjectIgnored } from './ignore.js';
import { isSessionLive } from '../live/paths.js';
import { keyFingerprint, senderPaths } from './paths.js';
import { retryAfterMsOf } from '../../../client/errors.js';
import { retryWait } from '../retry-wait.js';
import { fullBatch, startRun, type SenderOptions, type SenderRun, type Tracked } from './sender-run.js';
import { catchUp, ignore, reject, settle, track } from './tracked-sessions.js';
import { senderLog } from './status.js';

export type { SenderOptions } from './sender-run.js';

export type SenderExit = 'busy' | 'idle' | 'lifetime' | 'auth' | 'stopped';

const RETRYABLE = new Set(['network', 'timeout', 'server', 'internal']);

/** What one session's turn in a round came to. */
type Step = 'skipped' | 'sent' | 'waiting' | 'auth';

export async function runSender(opts: SenderOptions): Promise<SenderExit> {
  const paths = senderPaths(opts.dataDir);
  // The lock is held for the sender's whole life; a dead holder's lock is broken at once (pid check).
  const release = acquireLock(paths.lock, { waitMs: opts.lockWaitMs ?? 1500, staleMs: 7 * 86_400_000 });
  if (!release) return 'busy';
  const run = startRun(opts);
  let exit: SenderExit = 'idle';
  try {
    exit = await drain(run);
  } finally {
    run.status.exit = exit;
    run.setState(exit === 'auth' ? 'auth' : 'stopped');
    senderLog(opts.dataDir, { msg: 'exit', reason: exit, delivered: run.status.delivered });
    release();
  }
  return exit;
}

/** Rounds over every outbox until stopped, past its lifetime, refused, or idle for `idleMs`. */
async function drain(run: SenderRun): Promise<SenderExit> {
  const { opts, now } = run;
  let idleSince = now();
  for (;;) {
    if (opts.signal?.aborted) return 'stopped';
    if (now() - run.startedAt > (opts.maxLifetimeMs ?? 3_600_000)) return 'lifetime';
    const round = await deliverRound(run);
    if (round === 'auth') return 'auth';
    if (round === 'sent' || round === 'waiting') {
      idleSince = now();
      continue;
    }
    if (now() - idleSince >= (opts.idleMs ?? 10_000)) return 'idle';
    if (run.status.state !== 'idle') run.setState('idle');
    await run.sleep(opts.pollMs ?? 300);
  }
}

/** One pass over the sessions; a wait (tracker down, rate limit) or a refused key ends the pass early. */
async function deliverRound(run: SenderRun): Promise<Step> {
  const { dataDir } = run.opts;
  let sent = false;
  const spilled = spilledSessions(dataDir);
  for (const sid of await listOutboxSessions(dataDir)) {
    // Streaming live: the live relay delivers it (and pushes it when the stream ends); syncing it now would
    // fan its events into the stream a second time. The relay kicks a sender when the stream is over.
    if (isSessionLive(dataDir, sid)) continue;
    const step = await deliverSession(run, sid, spilled.has(sid));
    if (step === 'auth' || step === 'waiting') return step;
    if (step === 'sent') sent = true;
  }
  return sent ? 'sent' : 'skipped';
}

/** Reads what is new for one session, completes it from its transcripts when needed, and sends one batch. */
async function deliverSession(run: SenderRun, sid: string, hasSpill: boolean): Promise<Step> {
  const t = await track(run, sid, hasSpill);
  if (!t) return 'skipped';
  await t.feed.pull();
  // Completeness is the sender's job, not the hooks': once per run, whenever hook entries were spilled, and
  // before an end is delivered, every transcript of the session is copied to its end first.
  if (t.caughtUpAt < 0 || hasSpill || (t.feed.ended && t.caughtUpAt !== t.feed.bytesRead)) {
    if (!(await catchUp(run, sid, t))) return 'skipped';
  }
  const finalDone = t.ack.finalSeq === t.feed.readSeq;
  const limits = { ...run.limits, maxItems: t.batchLimit };
  const batch = nextBatch(t.feed, run.gate, limits, finalDone);
  if (!batch) {
    settle(run, sid, t);
    return 'skipped';
  }
  if (!t.ignoreChecked && batch.request.meta?.cwd) {
    t.ignoreChecked = true;
    if (isProjectIgnored(batch.request.meta.cwd, run.opts.syncIgnore)) {
      ignore(run, sid, t);
      return 'skipped';
    }
  }
  const wait = run.lastRequestAt + (run.opts.minIntervalMs ?? 1000) - run.now();
  if (wait > 0) await run.sleep(wait); // coalescing: whatever arrives meanwhile joins the next batch
  run.lastRequestAt = run.now();
  run.setState('sending');
  try {
    const res = await run.opts.client.sessions.appendEvents(sid, batch.request);
    delivered(run, sid, t, batch, res);
    return 'sent';
  } catch (err) {
    return failed(run, sid, t, batch, err);
  }
}

/** What an append answered (LinesNotSent when a tracker without lines was sent nothing): counts alone matter. */
type Answer = { inserted: number; duplicates: number };

function delivered(run: SenderRun, sid: string, t: Tracked, batch: Batch, res: Answer): void {
  run.failures = 0;
  // The client sends an older tracker the events without the lines (src/client/transcript-lines.ts): say so once.
  if (!run.linesRefusedLogged && run.opts.client.sessions.transcriptLines.kept() === false) {
    run.linesRefusedLogged = true;
    senderLog(run.opts.dataDir, { msg: 'tracker keeps no transcript lines', note: LINES_REFUSED_NOTICE });
  }
  t.feed.acknowledge(batch.count, batch.ackSeq);
  t.ack.seq = Math.max(t.ack.seq, batch.ackSeq);
  t.ack.events += res.inserted + res.duplicates;
  t.ack.url = run.opts.client.baseUrl;
  if (batch.final) t.ack.finalSeq = t.feed.readSeq;
  writeAck(run.opts.dataDir, sid, t.ack);
  run.status.delivered += res.inserted;
  run.status.lastDeliveryAt = new Date(run.now()).toISOString();
  t.batchLimit = Math.min(fullBatch(run.limits), t.batchLimit * 2);
  run.setState('sending');
}

/** A refused key stops the run; a rate limit or an unreachable tracker waits; an invalid batch is narrowed down. */
async function failed(run: SenderRun, sid: string, t: Tracked, batch: Batch, err: unknown): Promise<Step> {
  // Anything but a BatonError was thrown here, before a response (serializing the body): retrying cannot
  // help, so it goes down the invalid path that isolates and quarantines the event.
  const e = isBatonError(err) ? err : new BatonError('invalid_request', String(err), { cause: err });
  if (e.code === 'auth') {
    recordAuthFailure(run.opts, e);
    run.setState('auth', e);
    return 'auth';
  }
  if (e.code === 'rate_limited') {
    run.setState('rate_limited', e);
    await run.sleep(retryAfterMsOf(e) ?? 1000);
    return 'waiting';
  }
  if (RETRYABLE.has(e.code)) {
    run.failures++;
    run.setState('waiting', e);
    if (run.failures === 1 || run.failures % 20 === 0)
      senderLog(run.opts.dataDir, { msg: 'tracker unreachable', code: e.code, error: e.message });
    const backoff = { baseMs: run.opts.retryBaseMs ?? 500, maxMs: run.opts.retryMaxMs ?? 4000 };
    await run.sleep(retryWait(e, run.failures - 1, backoff));
    return 'waiting';
  }
  // The tracker refused this batch as invalid: halve it until the bad event or line is alone, then set it aside.
  const { events, entries = [] } = batch.request;
  if (batch.count > 1) t.batchLimit = Math.max(1, Math.floor(batch.count / 2));
  else reject(run, sid, t, events[0]?.event.uuid ?? entries[0]?.uuid, e);
  run.setState('error', e);
  return 'sent'; // progress (a smaller batch or one event set aside): go on at once, not after the idle wait
}

/** Tells hooks (once) that the key was refused, and stops them restarting a sender for this same key. */
function recordAuthFailure(opts: SenderOptions, e: BatonError): void {
  const { dir, authError } = senderPaths(opts.dataDir);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(
      authError,
      JSON.stringify({ message: e.message, key: keyFingerprint(opts.apiKey), at: new Date().toISOString() }),
      { mode: 0o600 },
    );
  } catch {
    // the status file still says auth
  }
  senderLog(opts.dataDir, { msg: 'key rejected', error: e.message });
}
