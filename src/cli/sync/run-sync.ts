// `baton sync` pipeline: select transcripts, skip unchanged ones, prepare (redact) and upload in batches under the cap.
import { isProjectIgnored } from '../../capture/delivery/sender/ignore.js';
import { openEgressGate } from '../../capture/session/egress.js';
import type { TrackerClient } from '../../client/index.js';
import type { EgressGate, Gated } from '../../core/egress/index.js';
import type { RedactionReport } from '../../core/model/session.js';
import { BatonError, isBatonError } from '../../core/errors.js';
import type { Session } from '../../core/model/session.js';
import type { CliContext } from '../invocation.js';
import type { EntryBatch } from '../../core/transcript/read-entries.js';
import { prepareSession, type PreparedSession } from '../../export/prepare-session.js';
import {
  UPLOAD_LIMITS,
  uploadSession,
  type EntrySource,
  type UploadLimits,
} from '../../export/upload-session.js';
import type { Progress } from './progress.js';
import { selectTranscripts, type SelectOptions } from './select.js';
import { fingerprint, loadSyncState, saveSyncState, type SyncState } from './sync-state.js';

export interface SyncOptions extends Omit<SelectOptions, 'cwd'> {
  redact: boolean;
  dryRun?: boolean;
  /** Estimated JSON bytes per upload request (the tracker's upload cap is 64 MB). Default 16 MB. */
  batchBytes?: number;
  /** A session whose events and lines pass `pushMaxBytes` goes alone through uploadSession. Default UPLOAD_LIMITS. */
  limits?: UploadLimits;
}

export interface SyncReport {
  considered: number;
  uploaded: number;
  unchanged: number;
  ignored: number;
  empty: number;
  failed: Array<{ path: string; error: string }>;
  events: number;
  bytes: number;
  seconds: number;
  /** Secrets redacted across every uploaded session, by rule (see describeRedaction). */
  redaction: RedactionReport;
  redacting: boolean;
}

interface Pending {
  path: string;
  fingerprint: string;
  bytes: number;
  session: Gated<Session>;
  /** The session's transcript lines, read through the run's gate (each file is read once per gate). */
  entries: EntryBatch;
}

interface Todo {
  path: string;
  fingerprint: string;
  bytes: number;
}

/** One sync run's working state: what is left to do, what was done, and the state file that remembers it. */
interface SyncRun {
  ctx: CliContext;
  client: TrackerClient;
  opts: SyncOptions;
  gate: EgressGate;
  state: SyncState;
  report: SyncReport;
  todo: Todo[];
  /** Unchanged, but synced when the tracker kept no transcript lines: sent again once this one keeps them. */
  withoutLines: Todo[];
  totalBytes: number;
  done: number;
  doneBytes: number;
  tick(): void;
  /** Remembers a transcript as handled (uploaded, ignored or empty) so the next sync skips it until it changes. */
  record(p: Todo, sessionId: string, extra?: { ignored?: boolean }): void;
  save(): void;
}

export async function runSync(
  ctx: CliContext,
  client: TrackerClient,
  opts: SyncOptions,
  progress: Progress,
): Promise<SyncReport> {
  const started = Date.now();
  const run = await openSync(ctx, client, opts, progress);
  if (opts.dryRun) {
    run.report.uploaded = run.todo.length;
    run.report.bytes = run.totalBytes;
    run.report.seconds = (Date.now() - started) / 1000;
    return run.report;
  }
  try {
    await uploadAll(run);
  } catch (err) {
    run.save();
    const why = err instanceof Error ? err.message : String(err);
    throw new BatonError(
      isBatonError(err) ? err.code : 'internal',
      `sync stopped: ${why} — ${run.done} session(s) uploaded so far; rerun baton sync to continue`,
      { cause: err },
    );
  }
  run.report.bytes = run.doneBytes;
  run.report.seconds = (Date.now() - started) / 1000;
  return run.report;
}

/** Selects the transcripts and keeps those whose fingerprint changed since the last sync. */
async function openSync(
  ctx: CliContext,
  client: TrackerClient,
  opts: SyncOptions,
  progress: Progress,
): Promise<SyncRun> {
  const dataDir = ctx.config.dataDir;
  const state = loadSyncState(dataDir, client.baseUrl);
  const list = await selectTranscripts(ctx.claudeConfigDir, { ...opts, cwd: ctx.io.cwd });
  // One gate for the whole run: every session leaves through it (pauses recorded here, <private> spans, redaction).
  const gate = openEgressGate({ dataDir, redact: opts.redact });
  const report = emptyReport(list.length, { total: 0, byRule: {} }, opts.redact);
  const todo: Todo[] = [];
  const withoutLines: Todo[] = [];
  for (const t of list) {
    const fp = await fingerprint(t.path, t.size);
    const synced = state.sessions[t.path];
    const item = { path: t.path, fingerprint: fp.value, bytes: fp.bytes };
    // Synced before transcript lines rode along: due once more, so the tracker gets its lines (idempotent).
    if (synced?.fingerprint !== fp.value || synced.entries === undefined) todo.push(item);
    else {
      report.unchanged++;
      // Synced to a tracker that kept no lines (too old): due again once a tracker takes them (see uploadAll).
      if (synced.entries === false) withoutLines.push(item);
    }
  }
  const run: SyncRun = {
    ctx,
    client,
    opts,
    gate,
    state,
    report,
    todo,
    withoutLines,
    totalBytes: todo.reduce((n, t) => n + t.bytes, 0),
    done: 0,
    doneBytes: 0,
    tick: () =>
      progress.update({
        done: run.done,
        total: todo.length,
        bytes: run.doneBytes,
        totalBytes: run.totalBytes,
        skipped: report.unchanged,
      }),
    record(p, sessionId, extra = {}) {
      state.sessions[p.path] = {
        fingerprint: p.fingerprint,
        sessionId,
        at: new Date().toISOString(),
        // false: the tracker kept no lines (too old; the client sent the events alone), so not yet resumable.
        entries: client.sessions.transcriptLines.kept() !== false,
        ...extra,
      };
      run.done++;
      run.doneBytes += p.bytes;
    },
    save: () => saveSyncState(dataDir, state),
  };
  return run;
}

function emptyReport(considered: number, redaction: RedactionReport, redacting: boolean): SyncReport {
  return {
    considered,
    uploaded: 0,
    unchanged: 0,
    ignored: 0,
    empty: 0,
    failed: [],
    events: 0,
    bytes: 0,
    seconds: 0,
    redaction,
    redacting,
  };
}

/** Prepares each transcript and uploads it: in batches under the byte cap, a too-large one on its own. */
async function uploadAll(run: SyncRun): Promise<void> {
  const up = createUploader(run);
  const max = (run.opts.limits ?? UPLOAD_LIMITS).pushMaxBytes;
  try {
    for (const t of [...run.todo, ...run.withoutLines]) {
      if (!run.todo.includes(t)) {
        // A session synced without its lines goes again only while this tracker may keep them: the first one sent
        // tells (an older tracker refuses lines once, and the client remembers).
        if (run.client.sessions.transcriptLines.kept() === undefined) await up.finish();
        if (run.client.sessions.transcriptLines.kept() === false) break;
        run.report.unchanged--;
      }
      // Lines and events in one read; but a transcript over the cap is read again by uploadSession, its lines
      // streamed as they are sent (never all in memory).
      const prepared = await prepare(run, t, t.bytes <= max);
      if (!prepared) continue;
      const { session, entries } = prepared;
      if (!entries) await up.alone({ ...t, session }, { transcriptPath: t.path });
      else if (t.bytes + entries.bytes > max) await up.alone({ ...t, session }, { read: entries });
      else await up.add({ ...t, session, entries });
    }
    await up.finish();
  } catch (err) {
    await up.settled();
    throw err;
  }
}

/** The session to upload, or null when it failed to read, its project is ignored, or it holds no event. */
async function prepare(run: SyncRun, t: Todo, withEntries: boolean): Promise<PreparedSession | null> {
  const { report } = run;
  let prepared: PreparedSession;
  try {
    prepared = await prepareSession(run.gate, t.path, { withEntries });
  } catch (err) {
    report.failed.push({ path: t.path, error: err instanceof Error ? err.message : String(err) });
    return null;
  }
  const { session } = prepared;
  if (isProjectIgnored(session.meta.cwd, run.ctx.config.syncIgnore)) {
    report.ignored++;
    run.record(t, session.meta.id, { ignored: true });
    return null;
  }
  if (session.turns.every((turn) => turn.events.length === 0) && session.sidechains.length === 0) {
    report.empty++;
    run.record(t, session.meta.id);
    return null;
  }
  addRedaction(report.redaction, prepared.redaction);
  return prepared;
}

/** Sums per-session reports: the gate's own report would count each secret twice (in an event and in its line). */
function addRedaction(into: RedactionReport, r: RedactionReport): void {
  into.total += r.total;
  for (const [rule, n] of Object.entries(r.byRule)) into.byRule[rule] = (into.byRule[rule] ?? 0) + n;
}

const REFUSED = ['invalid_request', 'too_large'];

/** One upload request for a batch; a batch the tracker refuses is retried session by session. */
async function sendBatch(run: SyncRun, items: Pending[]): Promise<void> {
  const { client, gate, report } = run;
  try {
    const transcripts = items
      .filter((i) => i.entries.entries.length > 0)
      .map((i) => ({ sessionId: i.session.meta.id, entries: i.entries.entries }));
    const body = { sessions: items.map((i) => i.session), ...(transcripts.length ? { transcripts } : {}) };
    const res = await client.sessions.upload(gate.body(body), { timeoutMs: 300_000 });
    res.sessions.forEach((s, i) => {
      report.events += s.eventsInserted;
      run.record(items[i]!, s.sessionId);
    });
    report.uploaded += items.length;
  } catch (err) {
    if (!isBatonError(err) || !REFUSED.includes(err.code) || items.length === 1) {
      if (isBatonError(err) && REFUSED.includes(err.code)) {
        report.failed.push({ path: items[0]!.path, error: err.message });
        return;
      }
      throw err;
    }
    // One bad session must not sink its batch: send them one by one.
    for (const item of items) await sendOne(run, item, { read: item.entries });
  } finally {
    run.save();
    run.tick();
  }
}

async function sendOne(
  run: SyncRun,
  item: Todo & { session: Gated<Session> },
  from: EntrySource,
): Promise<void> {
  const { report } = run;
  try {
    const limits = run.opts.limits ? { limits: run.opts.limits } : {};
    const res = await uploadSession(run.client, run.gate, item.session, limits, from);
    report.events += res.eventsInserted;
    report.uploaded++;
    run.record(item, res.sessionId);
  } catch (err) {
    if (isBatonError(err) && REFUSED.includes(err.code))
      report.failed.push({ path: item.path, error: err.message });
    else throw err;
  }
}

/** Batches prepared sessions and uploads them, at most one request in flight while the next batch is prepared. */
function createUploader(run: SyncRun) {
  const limit = run.opts.batchBytes ?? 16 * 1024 * 1024;
  let batch: Pending[] = [];
  let batchBytes = 0;
  let inflight: Promise<void> = Promise.resolve();

  const flush = async () => {
    if (!batch.length) return;
    const items = batch;
    batch = [];
    batchBytes = 0;
    // At most one upload in flight while the next batch is being prepared.
    await inflight;
    inflight = sendBatch(run, items);
  };
  return {
    async add(item: Pending) {
      batch.push(item);
      // The request carries both: the session's events (about its transcript's size) and its lines.
      batchBytes += item.bytes + item.entries.bytes;
      if (batchBytes >= limit || batch.length >= 1000) await flush();
    },
    /** Over the single-request cap: uploaded on its own (uploadSession splits it), after the batch in flight. */
    async alone(item: Todo & { session: Gated<Session> }, from: EntrySource) {
      await inflight;
      await sendOne(run, item, from);
      run.save();
      run.tick();
    },
    async finish() {
      await flush();
      await inflight;
    },
    settled: () => inflight.catch(() => undefined),
  };
}

export type { SyncState };
