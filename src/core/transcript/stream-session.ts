// Streams a session's events (main chain, then each subagent file) to a callback, returning meta and totals.
import { basename } from 'node:path';
import type { ReadStats, SessionEvent, SessionMeta, SessionTotals } from '../model/session.js';
import { findSubagentFiles } from './locate.js';
import { readRecordBatches } from './read-records.js';
import { createReadStats } from './read-stats.js';
import {
  SessionBuilder,
  type DeliveredEvent,
  type EventContext,
  type RecordSource,
} from './session-builder.js';

export type { EventContext } from './session-builder.js';

export interface StreamSessionOptions {
  /** Byte offset to resume from (a `nextOffset` of an earlier call). Turn indices restart at 0 for the slice. */
  fromOffset?: number;
  /** Also stream subagent files. Defaults to true for a whole-file read and false when `fromOffset` > 0. */
  subagents?: boolean;
  /** Lines longer than this (default 64 MiB) are skipped and counted in `stats.hugeLines`. */
  maxLineBytes?: number;
  /**
   * Makes a record filter for one file (called once per file, in reading order). A record it refuses never reaches
   * the normalizer, so nothing derived from it (events, title, totals, files touched) exists. The egress gate uses
   * this for paused spans; see src/core/egress.
   */
  admit?: () => RecordFilter;
}

/** True when a transcript record may be read; called in file order. */
export type RecordFilter = (record: Record<string, unknown>) => boolean;

export type OnEvent = (e: SessionEvent, ctx: EventContext) => void | Promise<void>;

export interface StreamSessionResult {
  meta: SessionMeta;
  totals: SessionTotals;
  stats: ReadStats;
  /** Offset just after the last complete line of the main transcript: where an incremental read resumes. */
  nextOffset: number;
}

/** Internal result that also carries what loadSession needs to link sidechains to their tool calls. */
export interface RunSessionResult extends StreamSessionResult {
  agentToolUse: ReadonlyMap<string, string>;
}

async function deliver(
  path: string,
  builder: SessionBuilder,
  source: RecordSource | undefined,
  onEvent: OnEvent,
  opts: {
    fromOffset?: number;
    maxLineBytes?: number;
    admit?: () => RecordFilter;
  },
): Promise<number> {
  const { admit: makeFilter, ...readOpts } = opts;
  const admit = makeFilter?.();
  const gen = readRecordBatches(path, { ...readOpts, stats: builder.stats });
  const out: DeliveredEvent[] = [];
  for (;;) {
    const step = await gen.next();
    if (step.done) return step.value.nextOffset;
    for (const item of step.value) {
      if (admit && !admit(item.record)) continue;
      builder.addRecord(item.record, item.offset, out, source);
      if (out.length === 0) continue;
      for (const d of out) {
        // Inline sidechain records interleave with the main chain; say so, so streaming consumers keep order.
        const ctx = source === undefined && d.ctx.agentId !== undefined ? { ...d.ctx, inline: true } : d.ctx;
        const r = onEvent(d.event, ctx);
        if (r !== undefined) await r; // only async consumers pay for an await per event
      }
      out.length = 0;
    }
  }
}

export async function runSession(
  path: string,
  onEvent: OnEvent,
  opts: StreamSessionOptions = {},
): Promise<RunSessionResult> {
  const builder = new SessionBuilder(createReadStats());
  const fromOffset = opts.fromOffset ?? 0;
  const lineOpts = {
    ...(opts.maxLineBytes === undefined ? {} : { maxLineBytes: opts.maxLineBytes }),
    ...(opts.admit ? { admit: opts.admit } : {}),
  };
  const nextOffset = await deliver(path, builder, undefined, onEvent, { ...lineOpts, fromOffset });
  if (opts.subagents ?? fromOffset === 0) {
    const files = await findSubagentFiles(path);
    // Subagents in the order the parent reported them, then any others (still running, or unlinked) by path.
    const order = [...builder.agentToolUse.keys()];
    const rank = (agentId: string): number => {
      const i = order.indexOf(agentId);
      return i === -1 ? order.length : i;
    };
    files.sort((a, b) => rank(a.agentId) - rank(b.agentId));
    for (const file of files) await deliver(file.path, builder, { agentId: file.agentId }, onEvent, lineOpts);
  }
  const { meta, totals } = builder.finish(basename(path).replace(/\.jsonl$/, ''));
  return { meta, totals, stats: builder.stats, nextOffset, agentToolUse: builder.agentToolUse };
}

/**
 * Streams a transcript's events, deduplicated by uuid, in transcript order: the main chain first, then each
 * subagent file's events (with `agentId` set). Memory stays bounded by the largest line, not the file size.
 */
export async function streamSession(
  transcriptPath: string,
  onEvent: OnEvent,
  opts: StreamSessionOptions = {},
): Promise<StreamSessionResult> {
  const { meta, totals, stats, nextOffset } = await runSession(transcriptPath, onEvent, opts);
  return { meta, totals, stats, nextOffset };
}
