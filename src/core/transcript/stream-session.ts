// Streams a session's events (main chain, then each subagent file) to a callback, returning meta and totals.
import { basename, dirname, join } from 'node:path';
import type { ReadStats, SessionEvent, SessionMeta, SessionTotals } from '../model/session.js';
import { findSubagentFiles, type SubagentFile } from './locate.js';
import { readRecordBatches } from './read-records.js';
import { createReadStats } from './read-stats.js';
import {
  SessionBuilder,
  type DeliveredEvent,
  type EventContext,
  type RecordSource,
} from './session-builder.js';

export type { EventContext } from './session-builder.js';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

/** Inline sidechain events (old transcripts) held back until the main chain is done, per agent. */
type Held = Map<string, DeliveredEvent[]>;

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
  held?: Held,
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
        // A sidechain inside the main transcript (Claude Code 1.x) becomes a subagent block like a subagent file's:
        // held back and delivered after the main chain, attached to its call. Only old transcripts have these.
        if (held !== undefined && d.ctx.agentId !== undefined) {
          let list = held.get(d.ctx.agentId);
          if (list === undefined) held.set(d.ctx.agentId, (list = []));
          list.push(d);
          continue;
        }
        const r = onEvent(d.event, d.ctx);
        if (r !== undefined) await r; // only async consumers pay for an await per event
      }
      out.length = 0;
    }
  }
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

export async function runSession(
  path: string,
  onEvent: OnEvent,
  opts: StreamSessionOptions = {},
): Promise<RunSessionResult> {
  const stem = basename(path).replace(/\.jsonl$/, '');
  const builder = new SessionBuilder(createReadStats(), UUID_RE.test(stem) ? { sessionId: stem } : {});
  const fromOffset = opts.fromOffset ?? 0;
  const lineOpts = {
    ...(opts.maxLineBytes === undefined ? {} : { maxLineBytes: opts.maxLineBytes }),
    ...(opts.admit ? { admit: opts.admit } : {}),
  };
  const held: Held = new Map();
  const nextOffset = await deliver(path, builder, undefined, onEvent, { ...lineOpts, fromOffset }, held);
  const withFiles = opts.subagents ?? fromOffset === 0;
  const files = withFiles ? await subagentFilesFor(path, builder, stem) : [];
  // One order everywhere: the order the parent spawned them (its Agent/Task calls), then unlinked ones by path.
  const agents = [...new Set([...held.keys(), ...files.map((f) => f.agentId)])];
  const firstSeen = new Map(agents.map((a, i) => [a, i]));
  agents.sort(
    (a, b) => builder.links.rank(a) - builder.links.rank(b) || firstSeen.get(a)! - firstSeen.get(b)!,
  );
  for (const agentId of agents) {
    for (const d of held.get(agentId) ?? []) {
      const r = onEvent(d.event, builder.agentContext(agentId));
      if (r !== undefined) await r;
    }
    for (const file of files) {
      if (file.agentId === agentId) await deliver(file.path, builder, { agentId }, onEvent, lineOpts);
    }
  }
  const { meta, totals } = builder.finish(stem);
  return { meta, totals, stats: builder.stats, nextOffset, agentToolUse: builder.agentToolUse };
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
