// One sender run: its options, the working state they resolve to, and the sessions it follows.
import type { BatonError } from '../../../core/errors.js';
import type { EgressGate } from '../../../core/egress/index.js';
import { openEgressGate } from '../../session/egress.js';
import type { SessionAck } from './ack.js';
import type { BatchLimits } from './batch.js';
import type { SessionFeed } from './feed.js';
import type { TrackerClient } from '../../../client/index.js';
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

// 8 MB of body per request (the tracker takes 32): with the raw lines beside the events a body is about 1.5x the
// transcript it covers, and the sender sends at most one request a second.
const DEFAULT_LIMITS: BatchLimits = { maxEvents: 1000, maxEntries: 2000, maxBytes: 8 * 1024 * 1024 };

/** Queue items (events + transcript lines) one request may carry when nothing was refused. */
export const fullBatch = (limits: BatchLimits): number => limits.maxEvents + limits.maxEntries;

export interface Tracked {
  feed: SessionFeed;
  ack: SessionAck;
  /** Queue items per batch; lowered when the tracker rejects a batch as invalid, to isolate the bad item. */
  batchLimit: number;
  /** The project opt-out was checked (once the session's cwd is known). */
  ignoreChecked: boolean;
  /** Outbox bytes read right after the last catch-up (-1: none yet this run). The end waits for a fresh one. */
  caughtUpAt: number;
}

/** One sender run: its options resolved once, the sessions it follows, and its status file. */
export interface SenderRun {
  opts: SenderOptions;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  limits: BatchLimits;
  gate: EgressGate;
  tracked: Map<string, Tracked>;
  /** Sessions whose outbox was fully delivered at this size: skipped without reading. */
  doneAt: Map<string, number>;
  startedAt: number;
  status: SenderStatus;
  lastRequestAt: number;
  /** Consecutive failed requests with a retryable error (the backoff's attempt count). */
  failures: number;
  /** The log already says this tracker keeps no transcript lines (said once per run). */
  linesRefusedLogged: boolean;
  setState(state: SenderState, err?: BatonError): void;
}

export function startRun(opts: SenderOptions): SenderRun {
  const now = opts.now ?? Date.now;
  const startedAt = now();
  const tracked = new Map<string, Tracked>();
  const status: SenderStatus = {
    pid: process.pid,
    state: 'starting',
    trackerUrl: opts.client.baseUrl,
    startedAt: new Date(startedAt).toISOString(),
    updatedAt: new Date(startedAt).toISOString(),
    delivered: 0,
    pending: 0,
  };
  const run: SenderRun = {
    opts,
    now,
    sleep: opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
    limits: { ...DEFAULT_LIMITS, ...opts.limits },
    // Everything this sender sends passes this gate: pauses recorded on this machine, <private> spans, redaction.
    gate: openEgressGate({ dataDir: opts.dataDir, redact: opts.redact !== false }),
    tracked,
    doneAt: new Map(),
    startedAt,
    status,
    lastRequestAt: 0,
    linesRefusedLogged: false,
    failures: 0,
    setState(state, err) {
      status.state = state;
      status.updatedAt = new Date(now()).toISOString();
      if (err) status.lastError = { code: err.code, message: err.message, at: status.updatedAt };
      status.pending = [...tracked.values()].reduce((n, t) => n + t.feed.pending.length, 0);
      writeStatus(opts.dataDir, status);
    },
  };
  run.setState('starting');
  senderLog(opts.dataDir, { msg: 'start', tracker: opts.client.baseUrl });
  return run;
}
