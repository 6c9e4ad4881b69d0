// `baton sync` pipeline: select transcripts, skip unchanged ones, prepare (redact) and upload in batches under the cap.
import { isProjectIgnored } from '../../capture/delivery/sender/ignore.js';
import { openEgressGate } from '../../capture/session/egress.js';
import type { TrackerClient } from '../../client/index.js';
import type { Gated } from '../../core/egress/index.js';
import type { RedactionReport } from '../../core/model/session.js';
import { BatonError, isBatonError } from '../../core/errors.js';
import type { Session } from '../../core/model/session.js';
import type { CliContext } from '../context.js';
import { prepareSession } from '../push/prepare-session.js';
import { PUSH_MAX_BYTES, uploadSession } from '../push/upload-session.js';
import type { Progress } from './progress.js';
import { selectTranscripts, type SelectOptions } from './select.js';
import { fingerprint, loadSyncState, saveSyncState, type SyncState } from './sync-state.js';

export interface SyncOptions extends Omit<SelectOptions, 'cwd'> {
  redact: boolean;
  dryRun?: boolean;
  /** Estimated JSON bytes per upload request (the tracker's upload cap is 64 MB). Default 16 MB. */
  batchBytes?: number;
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
}

export async function runSync(
  ctx: CliContext,
  client: TrackerClient,
  opts: SyncOptions,
  progress: Progress,
): Promise<SyncReport> {
  const started = Date.now();
  const dataDir = ctx.config.dataDir;
  const state = loadSyncState(dataDir, client.baseUrl);
  const list = await selectTranscripts(ctx.claudeConfigDir, { ...opts, cwd: ctx.io.cwd });
  // One gate for the whole run: every session leaves through it (pauses recorded here, <private> spans, redaction).
  const gate = openEgressGate({ dataDir, redact: opts.redact });
  const report: SyncReport = {
    considered: list.length,
    uploaded: 0,
    unchanged: 0,
    ignored: 0,
    empty: 0,
    failed: [],
    events: 0,
    bytes: 0,
    seconds: 0,
    redaction: gate.report(),
    redacting: opts.redact,
  };
  const todo: Array<{ path: string; fingerprint: string; bytes: number }> = [];
  for (const t of list) {
    const fp = await fingerprint(t.path, t.size);
    if (state.sessions[t.path]?.fingerprint === fp.value) report.unchanged++;
    else todo.push({ path: t.path, fingerprint: fp.value, bytes: fp.bytes });
  }
  const totalBytes = todo.reduce((n, t) => n + t.bytes, 0);
  let done = 0;
  let doneBytes = 0;
  const tick = () =>
    progress.update({ done, total: todo.length, bytes: doneBytes, totalBytes, skipped: report.unchanged });
  const record = (
    p: { path: string; fingerprint: string; bytes: number },
    sessionId: string,
    extra: { ignored?: boolean } = {},
  ) => {
    state.sessions[p.path] = {
      fingerprint: p.fingerprint,
      sessionId,
      at: new Date().toISOString(),
      ...extra,
    };
    done++;
    doneBytes += p.bytes;
  };
  if (opts.dryRun) {
    report.uploaded = todo.length;
    report.bytes = totalBytes;
    report.seconds = (Date.now() - started) / 1000;
    return report;
  }

  let batch: Pending[] = [];
  let batchBytes = 0;
  let inflight: Promise<void> = Promise.resolve();
  const limit = opts.batchBytes ?? 16 * 1024 * 1024;

  const send = async (items: Pending[]): Promise<void> => {
    try {
      const res = await client.sessions.upload(gate.body({ sessions: items.map((i) => i.session) }), {
        timeoutMs: 300_000,
      });
      res.sessions.forEach((s, i) => {
        report.events += s.eventsInserted;
        record(items[i]!, s.sessionId);
      });
      report.uploaded += items.length;
    } catch (err) {
      if (!isBatonError(err) || !['invalid_request', 'too_large'].includes(err.code) || items.length === 1) {
        if (isBatonError(err) && ['invalid_request', 'too_large'].includes(err.code)) {
          report.failed.push({ path: items[0]!.path, error: err.message });
          return;
        }
        throw err;
      }
      // One bad session must not sink its batch: send them one by one.
      for (const item of items) await sendOne(item);
    } finally {
      saveSyncState(dataDir, state);
      tick();
    }
  };
  const sendOne = async (item: Pending): Promise<void> => {
    try {
      const res = await uploadSession(client, gate, item.session);
      report.events += res.eventsInserted;
      report.uploaded++;
      record(item, res.sessionId);
    } catch (err) {
      if (isBatonError(err) && ['invalid_request', 'too_large'].includes(err.code))
        report.failed.push({ path: item.path, error: err.message });
      else throw err;
    }
  };
  const flush = async () => {
    if (!batch.length) return;
    const items = batch;
    batch = [];
    batchBytes = 0;
    // At most one upload in flight while the next batch is being prepared.
    await inflight;
    inflight = send(items);
  };

  try {
    for (const t of todo) {
      let session: Gated<Session>;
      try {
        session = (await prepareSession(gate, t.path)).session;
      } catch (err) {
        report.failed.push({ path: t.path, error: err instanceof Error ? err.message : String(err) });
        continue;
      }
      if (isProjectIgnored(session.meta.cwd, ctx.config.syncIgnore)) {
        report.ignored++;
        record(t, session.meta.id, { ignored: true });
        continue;
      }
      if (session.turns.every((turn) => turn.events.length === 0) && session.sidechains.length === 0) {
        report.empty++;
        record(t, session.meta.id);
        continue;
      }
      if (t.bytes > PUSH_MAX_BYTES) {
        await inflight;
        await sendOne({ ...t, session });
        saveSyncState(dataDir, state);
        tick();
        continue;
      }
      batch.push({ ...t, session });
      batchBytes += t.bytes;
      if (batchBytes >= limit || batch.length >= 1000) await flush();
    }
    await flush();
    await inflight;
  } catch (err) {
    await inflight.catch(() => undefined);
    saveSyncState(dataDir, state);
    const why = err instanceof Error ? err.message : String(err);
    throw new BatonError(
      isBatonError(err) ? err.code : 'internal',
      `sync stopped: ${why} — ${done} session(s) uploaded so far; rerun baton sync to continue`,
      { cause: err },
    );
  }
  report.bytes = doneBytes;
  report.seconds = (Date.now() - started) / 1000;
  report.redaction = gate.report();
  return report;
}

export type { SyncState };
