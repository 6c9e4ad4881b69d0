// Streams a session's events (main chain, then each subagent file) to a callback, returning meta and totals.
import { basename, dirname, join } from 'node:path';
import type { ReadStats, SessionMeta, SessionTotals } from '../model/session.js';
import { findSubagentFiles, type SubagentFile } from './locate.js';
import { readRecordBatches } from './read-records.js';
import type { SessionBuilder } from './session-builder.js';
import {
  runFeed,
  type OnEvent,
  type RecordFeed,
  type RecordFilter,
  type RunSessionResult,
} from './session-run.js';

export type { EventContext } from './session-builder.js';
export type { OnEvent, RecordFilter, RunSessionResult } from './session-run.js';

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

export interface StreamSessionResult {
  meta: SessionMeta;
  totals: SessionTotals;
  stats: ReadStats;
  /** Offset just after the last complete line of the main transcript: where an incremental read resumes. */
  nextOffset: number;
}

/**
 * Subagent files of a session: its own `<stem>/subagents/`, plus, for a fork, the files of subagents its copied
 * history spawned that only the parent's directory holds (Claude Code does not copy them into the fork's).
 */
async function subagentFilesFor(
  path: string,
  builder: SessionBuilder,
  stem: string,
): Promise<SubagentFile[]> {
  const files = await findSubagentFiles(path);
  const parent = builder.parentSessionId(stem);
  if (parent === undefined || parent.includes('/') || parent.includes('\\')) return files;
  const have = new Set(files.map((f) => f.agentId));
  const wanted = [...builder.agentToolUse.keys()].filter((id) => !have.has(id));
  if (wanted.length === 0) return files;
  const fromParent = await findSubagentFiles(join(dirname(path), `${parent}.jsonl`));
  return [...files, ...fromParent.filter((f) => wanted.includes(f.agentId))];
}

/** A transcript file and its subagent files as a record feed. */
function fileFeed(path: string, stem: string, opts: StreamSessionOptions): RecordFeed {
  const lineOpts = opts.maxLineBytes === undefined ? {} : { maxLineBytes: opts.maxLineBytes };
  return {
    main: (stats) => readRecordBatches(path, { ...lineOpts, fromOffset: opts.fromOffset ?? 0, stats }),
    subagents: async (builder) =>
      (await subagentFilesFor(path, builder, stem)).map((f) => ({
        agentId: f.agentId,
        read: (stats) => readRecordBatches(f.path, { ...lineOpts, stats }),
      })),
    ...(opts.admit ? { admit: opts.admit } : {}),
  };
}

export function runSession(
  path: string,
  onEvent: OnEvent,
  opts: StreamSessionOptions = {},
): Promise<RunSessionResult> {
  const stem = basename(path).replace(/\.jsonl$/, '');
  const withFiles = opts.subagents ?? (opts.fromOffset ?? 0) === 0;
  return runFeed(stem, fileFeed(path, stem, opts), onEvent, withFiles);
}

/**
 * Streams a transcript's events, deduplicated by uuid, in transcript order: the main chain first, then each
 * subagent's events (with `agentId`, and `toolUseId` of its spawning call when known) in the order the parent
 * spawned them. Memory stays bounded by the largest line, not the file size (old transcripts with inline
 * sidechains hold those sidechains' events until the main chain is done).
 */
export async function streamSession(
  transcriptPath: string,
  onEvent: OnEvent,
  opts: StreamSessionOptions = {},
): Promise<StreamSessionResult> {
  const { meta, totals, stats, nextOffset } = await runSession(transcriptPath, onEvent, opts);
  return { meta, totals, stats, nextOffset };
}
