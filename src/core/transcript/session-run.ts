// The one rule set that turns a session's records into events, whatever holds them (files on disk, or the
// tracker's stored entries): main chain first, inline sidechains held back, then each subagent in spawn order.
import type { ReadStats, SessionEvent, SessionMeta, SessionTotals } from '../model/session.js';
import type { Obj } from './guards.js';
import type { RecordItem } from './read-records.js';
import { createReadStats } from './read-stats.js';
import {
  SessionBuilder,
  type DeliveredEvent,
  type EventContext,
  type RecordSource,
} from './session-builder.js';

/** True when a transcript record may be read; called in file order. */
export type RecordFilter = (record: Record<string, unknown>) => boolean;

export type OnEvent = (e: SessionEvent, ctx: EventContext) => void | Promise<void>;

/** One file's records in batches; its return value (a file's next offset) is passed through for the main file. */
export type RecordBatches = AsyncGenerator<RecordItem[], { nextOffset: number } | void, void>;

/** A subagent's file: its id (from the file name or sub key) and its records. */
export interface SubagentRecords {
  agentId: string;
  read(stats: ReadStats): RecordBatches;
}

/** Where a session's records come from. */
export interface RecordFeed {
  /** The main transcript's records (stats: the counters a file reader fills while it skips lines). */
  main(stats: ReadStats): RecordBatches;
  /** Subagent files, asked for once the main chain is read (a fork's parent is known then). */
  subagents(builder: SessionBuilder): Promise<SubagentRecords[]>;
  /** Makes a record filter for one file (the egress gate's pauses); see StreamSessionOptions.admit. */
  admit?: () => RecordFilter;
}

export interface RunSessionResult {
  meta: SessionMeta;
  totals: SessionTotals;
  stats: ReadStats;
  /** Offset just after the last complete line of the main transcript (0 when the feed is not a file). */
  nextOffset: number;
  /** Subagent id → the Agent/Task tool_use that spawned it. */
  agentToolUse: ReadonlyMap<string, string>;
}

/** Inline sidechain events (old transcripts) held back until the main chain is done, per agent. */
type Held = Map<string, DeliveredEvent[]>;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function deliver(
  batches: RecordBatches,
  builder: SessionBuilder,
  source: RecordSource | undefined,
  onEvent: OnEvent,
  admit: RecordFilter | undefined,
  held?: Held,
): Promise<number> {
  const out: DeliveredEvent[] = [];
  for (;;) {
    const step = await batches.next();
    if (step.done) return step.value?.nextOffset ?? 0;
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
 * Runs a session's records through one SessionBuilder. `stem` is the session id as its main file is named (a
 * uuid stem tells the builder which records a fork copied). `withSubagents: false` reads the main chain only.
 */
export async function runFeed(
  stem: string,
  feed: RecordFeed,
  onEvent: OnEvent,
  withSubagents = true,
): Promise<RunSessionResult> {
  const builder = new SessionBuilder(createReadStats(), UUID_RE.test(stem) ? { sessionId: stem } : {});
  const held: Held = new Map();
  const nextOffset = await deliver(
    feed.main(builder.stats),
    builder,
    undefined,
    onEvent,
    feed.admit?.(),
    held,
  );
  const files = withSubagents ? await feed.subagents(builder) : [];
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
      if (file.agentId === agentId)
        await deliver(file.read(builder.stats), builder, { agentId }, onEvent, feed.admit?.());
    }
  }
  const { meta, totals } = builder.finish(stem);
  return { meta, totals, stats: builder.stats, nextOffset, agentToolUse: builder.agentToolUse };
}

/** Records per batch of an in-memory feed: between batches the event loop gets a turn (a server derives here). */
const MEMORY_BATCH = 512;

/**
 * Records already in memory, in batches (with the byte offsets a file would give them, for uuid-less records).
 * Each batch after the first waits for a macrotask, so a long session never holds a server's event loop for long.
 */
export async function* recordBatch(
  records: readonly Obj[],
  stats: ReadStats,
  offsets?: readonly number[],
): RecordBatches {
  for (let from = 0; from < records.length; from += MEMORY_BATCH) {
    if (from > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const items: RecordItem[] = [];
    for (let i = from; i < Math.min(records.length, from + MEMORY_BATCH); i++) {
      stats.records++;
      const offset = offsets?.[i] ?? i;
      items.push({ record: records[i]!, offset, endOffset: offset });
    }
    yield items;
  }
}
