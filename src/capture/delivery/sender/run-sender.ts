// The background sender: drains every outbox of a data dir to the tracker, one lock-guarded process at a time.
import { statSync, writeFileSync, mkdirSync } from 'node:fs';
import { BatonError, isBatonError } from '../../../core/errors.js';
import type { TrackerClient } from '../../../client/index.js';
import { openEgressGate } from '../../session/egress.js';
import { listOutboxSessions } from '../../outbox/reader.js';
import { outboxPaths } from '../../outbox/paths.js';
import { acquireLock } from '../../session/lock.js';
import { emptyAck, readAck, writeAck, type SessionAck } from './ack.js';
import { nextBatch, type BatchLimits } from './batch.js';
import { SessionFeed } from './feed.js';
import { catchUpSession } from './catch-up.js';
import { spilledSessions } from '../../outbox/spill.js';
import { isProjectIgnored } from './ignore.js';
import { isSessionLive } from '../live/paths.js';
import { keyFingerprint, senderPaths } from './paths.js';
import { retryAfterMs, retryWait } from '../retry-wait.js';
import { senderLog, writeStatus, type SenderState, type SenderStatus } from './status.js';

export interface SenderOptions {
  dataDir: string;
  client: TrackerClient;
  apiKey?: string;
  redact?: boolean;
  syncIgnore?: readonly string[];
  /** Exit after this long with nothing to send. Default 10 s. */
  idleMs?: number;
  /** How often the outboxes are checked for new records. Default 300 ms. */
  pollMs?: number;
  /** At most one request per this interval (the tracker's default limit is 60/min per key). Default 1 s. */
  minIntervalMs?: number;
  /** Give up (and let a later hook start a new sender) after this long. Default 1 h. */
  maxLifetimeMs?: number;
  /** Backoff while the tracker is unreachable (src/client/backoff.ts, full jitter). Default 500 ms → 4 s caps. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  limits?: Partial<BatchLimits>;
  /** How long to wait for another sender's lock before leaving the work to it. Default 1.5 s. */
  lockWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  signal?: AbortSignal;
}

export type SenderExit = 'busy' | 'idle' | 'lifetime' | 'auth' | 'stopped';

const DEFAULT_LIMITS: BatchLimits = { maxEvents: 1000, maxBytes: 4 * 1024 * 1024 };
const RETRYABLE = new Set(['network', 'timeout', 'server', 'internal']);
/** A fully delivered session whose outbox has not changed for this long is treated as finished. */
const QUIET_MS = 3_600_000;

interface Tracked {
  feed: SessionFeed;
  ack: SessionAck;
  /** Lowered when the tracker rejects a batch as invalid, to isolate the bad event. */
  batchLimit: number;
  /** The project opt-out was checked (once the session's cwd is known). */
  ignoreChecked: boolean;
  /** Outbox bytes read right after the last catch-up (-1: none yet this run). The end waits for a fresh one. */
  caughtUpAt: number;
}

export async function runSender(opts: SenderOptions): Promise<SenderExit> {
  const paths = senderPaths(opts.dataDir);
  // The lock is held for the sender's whole life; a dead holder's lock is broken at once (pid check).
  const release = acquireLock(paths.lock, { waitMs: opts.lockWaitMs ?? 1500, staleMs: 7 * 86_400_000 });
  if (!release) return 'busy';
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  // Everything this sender sends passes this gate: pauses recorded on this machine, <private> spans, redaction.
  const gate = openEgressGate({ dataDir: opts.dataDir, redact: opts.redact !== false });
  const tracked = new Map<string, Tracked>();
  /** Sessions whose outbox was fully delivered at this size: skipped without reading. */
  const doneAt = new Map<string, number>();
  const startedAt = now();
  const status: SenderStatus = {
    pid: process.pid,
    state: 'starting',
    trackerUrl: opts.client.baseUrl,
    startedAt: new Date(startedAt).toISOString(),
    updatedAt: new Date(startedAt).toISOString(),
    delivered: 0,
    pending: 0,
  };
  const setState = (state: SenderState, err?: BatonError) => {
    status.state = state;
    status.updatedAt = new Date(now()).toISOString();
    if (err) status.lastError = { code: err.code, message: err.message, at: status.updatedAt };
    status.pending = [...tracked.values()].reduce((n, t) => n + t.feed.pending.length, 0);
    writeStatus(opts.dataDir, status);
  };
  let lastRequestAt = 0;
  let failures = 0;
  let idleSince = now();
  let exit: SenderExit = 'idle';
  setState('starting');
  senderLog(opts.dataDir, { msg: 'start', tracker: opts.client.baseUrl });

  try {
    for (;;) {
      if (opts.signal?.aborted) {
        exit = 'stopped';
        break;
      }
      if (now() - startedAt > (opts.maxLifetimeMs ?? 3_600_000)) {
        exit = 'lifetime';
        break;
      }
      let sent = false;
      let waiting = false;
      const spilled = spilledSessions(opts.dataDir);
      for (const sid of await listOutboxSessions(opts.dataDir)) {
        // Streaming live: the live relay delivers it (and pushes it when the stream ends); syncing it now would
        // fan its events into the stream a second time. The relay kicks a sender when the stream is over.
        if (isSessionLive(opts.dataDir, sid)) continue;
        const t = await track(sid, spilled.has(sid));
        if (!t) continue;
        await t.feed.pull();
        // Completeness is the sender's job, not the hooks': once per run, whenever hook entries were spilled, and
        // before an end is delivered, every transcript of the session is copied to its end first.
        if (t.caughtUpAt < 0 || spilled.has(sid) || (t.feed.ended && t.caughtUpAt !== t.feed.bytesRead)) {
          if (!(await catchUp(sid, t))) continue;
        }
        const finalDone = t.ack.finalSeq === t.feed.readSeq;
        const batch = nextBatch(
          t.feed,
          gate,
          { ...limits, maxEvents: Math.min(limits.maxEvents, t.batchLimit) },
          finalDone,
        );
        if (!batch) {
          if (t.feed.pending.length === 0 && t.ack.seq < t.feed.readSeq) {
            t.ack.seq = t.feed.readSeq; // records without events (hook entries): nothing to send for them
            // An ended session without a single event has no summary to deliver.
            if (t.feed.ended && !t.feed.lastItem) t.ack.finalSeq = t.feed.readSeq;
            writeAck(opts.dataDir, sid, t.ack);
          }
          // Done: the end was delivered, or everything was and the session went quiet long ago (Claude Code died
          // before SessionEnd). A done session is skipped unread until its outbox grows.
          const quiet =
            t.ack.seq === t.feed.readSeq &&
            t.caughtUpAt === t.feed.bytesRead &&
            now() - outboxMtime(opts.dataDir, sid) > QUIET_MS;
          if (t.feed.pending.length === 0 && (t.ack.finalSeq === t.feed.readSeq || quiet)) markDone(sid, t);
          continue;
        }
        if (!t.ignoreChecked && batch.request.meta?.cwd) {
          t.ignoreChecked = true;
          if (isProjectIgnored(batch.request.meta.cwd, opts.syncIgnore)) {
            ignore(sid, t);
            continue;
          }
        }
        const wait = lastRequestAt + (opts.minIntervalMs ?? 1000) - now();
        if (wait > 0) await sleep(wait); // coalescing: whatever arrives meanwhile joins the next batch
        lastRequestAt = now();
        setState('sending');
        try {
          const res = await opts.client.sessions.appendEvents(sid, batch.request);
          failures = 0;
          t.feed.acknowledge(batch.count, batch.ackSeq);
          t.ack.seq = Math.max(t.ack.seq, batch.ackSeq);
          t.ack.events += res.inserted + res.duplicates;
          t.ack.url = opts.client.baseUrl;
          if (batch.final) t.ack.finalSeq = t.feed.readSeq;
          writeAck(opts.dataDir, sid, t.ack);
          status.delivered += res.inserted;
          status.lastDeliveryAt = new Date(now()).toISOString();
          t.batchLimit = Math.min(limits.maxEvents, t.batchLimit * 2);
          sent = true;
          setState('sending');
        } catch (err) {
          // Anything but a BatonError was thrown here, before a response (serializing the body): retrying cannot
          // help, so it goes down the invalid path that isolates and quarantines the event.
          const e = isBatonError(err) ? err : new BatonError('invalid_request', String(err), { cause: err });
          if (e.code === 'auth') {
            recordAuthFailure(opts, e);
            setState('auth', e);
            exit = 'auth';
            return exit;
          }
          if (e.code === 'rate_limited') {
            setState('rate_limited', e);
            await sleep(retryAfterMs(e) ?? 1000);
            waiting = true;
            break;
          }
          if (RETRYABLE.has(e.code)) {
            failures++;
            setState('waiting', e);
            if (failures === 1 || failures % 20 === 0)
              senderLog(opts.dataDir, { msg: 'tracker unreachable', code: e.code, error: e.message });
            await sleep(
              retryWait(e, failures - 1, { baseMs: opts.retryBaseMs ?? 500, maxMs: opts.retryMaxMs ?? 4000 }),
            );
            waiting = true;
            break;
          }
          // The tracker refused this batch as invalid: halve it until the bad event is alone, then set it aside.
          if (batch.request.events.length > 1)
            t.batchLimit = Math.max(1, Math.floor(batch.request.events.length / 2));
          else reject(sid, t, batch.request.events[0]!.event.uuid, e);
          setState('error', e);
          sent = true; // progress (a smaller batch or one event set aside): go on at once, not after the idle wait
        }
      }
      if (sent || waiting) {
        idleSince = now();
        continue;
      }
      if (now() - idleSince >= (opts.idleMs ?? 10_000)) break;
      if (status.state !== 'idle') setState('idle');
      await sleep(opts.pollMs ?? 300);
    }
  } finally {
    status.exit = exit;
    setState(exit === 'auth' ? 'auth' : 'stopped');
    senderLog(opts.dataDir, { msg: 'exit', reason: exit, delivered: status.delivered });
    release();
  }
  return exit;

  /** False when a hook held the outbox lock throughout: the session waits for the next round. */
  async function catchUp(sid: string, t: Tracked): Promise<boolean> {
    // A fork's inherited subagent files are known only once its copied history was read: sweep again if reading
    // what the first sweep copied names more of them (at most once more: the history does not grow meanwhile).
    let followed = '';
    for (let round = 0; round < 2; round++) {
      const paths = [...t.feed.transcripts, ...t.feed.inheritedSubagentFiles()];
      if (round > 0 && paths.join('\n') === followed) break;
      followed = paths.join('\n');
      let r;
      try {
        r = catchUpSession(opts.dataDir, sid, paths);
      } catch (err) {
        // The outbox cannot be written (disk full, permissions): deliver what is there, never the end.
        senderLog(opts.dataDir, {
          msg: 'catch-up failed',
          sessionId: sid,
          error: err instanceof Error ? err.message : String(err),
        });
        return false;
      }
      if (r.state === 'busy') return false;
      if (r.lines > 0) senderLog(opts.dataDir, { msg: 'caught up', sessionId: sid, lines: r.lines });
      await t.feed.pull(Infinity);
    }
    t.caughtUpAt = t.feed.bytesRead;
    return true;
  }

  async function track(sid: string, hasSpill: boolean): Promise<Tracked | null> {
    const known = tracked.get(sid);
    if (known) return known.ack.ignored ? null : known;
    const size = outboxSize(opts.dataDir, sid);
    if (doneAt.get(sid) === size && !hasSpill) return null;
    let ack = readAck(opts.dataDir, sid);
    // Acknowledged by another tracker (the user switched): this one has none of it yet.
    if (ack.url && ack.url !== opts.client.baseUrl && !ack.ignored) ack = emptyAck();
    if (ack.ignored || (ack.doneBytes !== undefined && ack.doneBytes === size && !hasSpill)) {
      doneAt.set(sid, size);
      return null;
    }
    const feed = new SessionFeed(opts.dataDir, sid, ack.seq, gate);
    await feed.pull(Infinity);
    const t: Tracked = { feed, ack, batchLimit: limits.maxEvents, ignoreChecked: false, caughtUpAt: -1 };
    tracked.set(sid, t);
    return t;
  }

  function ignore(sid: string, t: Tracked): void {
    t.ack.ignored = true;
    writeAck(opts.dataDir, sid, t.ack);
    tracked.set(sid, t);
    senderLog(opts.dataDir, { msg: 'project ignored', sessionId: sid });
  }

  function markDone(sid: string, t: Tracked): void {
    const size = outboxSize(opts.dataDir, sid);
    if (size !== t.feed.bytesRead) return;
    t.ack.doneBytes = size;
    writeAck(opts.dataDir, sid, t.ack);
    tracked.delete(sid);
    doneAt.set(sid, size);
  }

  function reject(sid: string, t: Tracked, uuid: string, e: BatonError): void {
    t.feed.pending.shift();
    t.batchLimit = limits.maxEvents;
    t.feed.setAside({
      sessionId: sid,
      reason: 'rejected_by_tracker',
      uuid,
      code: e.code,
      message: e.message.slice(0, 300),
    });
    senderLog(opts.dataDir, { msg: 'quarantined', sessionId: sid, uuid, code: e.code });
  }
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
