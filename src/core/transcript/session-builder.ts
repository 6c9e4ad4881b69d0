// Turns a stream of transcript records into deduplicated SessionEvents with turn context, plus meta and totals.
import type { ReadStats, SessionEvent, SessionMeta, SessionTotals } from '../model/session.js';
import { objAt, str, type Obj } from './guards.js';
import { AGENT_TOOL_NAMES, NON_EVENT_TYPES } from './known-types.js';
import { MetaAccumulator } from './meta-accumulator.js';
import { countSkippedType, countUnknownType } from './read-stats.js';
import {
  assistantRecordEvents,
  attachmentRecordEvents,
  systemRecordEvents,
  userRecordEvents,
  type RecordContext,
} from './record-events.js';
import { SubagentLinks } from './subagent-links.js';
import { TotalsAccumulator } from './totals-accumulator.js';

/** Where an event belongs: its turn in the main chain, and the subagent it came from (sidechain events). */
export interface EventContext {
  turnIndex: number;
  agentId?: string;
  /** The Agent/Task tool call that spawned the subagent (sidechain events, once the link is known). */
  toolUseId?: string;
  /** A sidechain record found inside the main transcript (not a subagent file): it arrives between main events. */
  inline?: boolean;
}

export interface DeliveredEvent {
  event: SessionEvent;
  ctx: EventContext;
}

/** Where a record was read from: the main transcript, or a subagent file (`agentId` from its name). */
export interface RecordSource {
  agentId?: string;
}

export interface SessionBuilderOptions {
  /**
   * The session's own id, when the caller knows it (the transcript's file name): a main record with another
   * sessionId was copied from a parent (forks by Claude Code versions that kept the old id).
   */
  sessionId?: string;
}

const MAIN: RecordSource = {};

/**
 * Turns: every main-chain prompt opens one, typed or queued. Claude Code 2.1.332 writes a prompt typed while a turn
 * runs only as a `queued_command` attachment at the point it handed it to the model, so the turn splits there:
 * what the assistant does after that point answers the queued prompt. System events (task notifications, command
 * output, compaction) never open a turn; events before the first prompt go to turn 0.
 */
export class SessionBuilder {
  private readonly seen = new Set<string>();
  private turn = -1;
  private readonly turnCtx: EventContext[] = [];
  private readonly agentCtx = new Map<string, EventContext>();
  readonly links = new SubagentLinks();
  private readonly meta = new MetaAccumulator();
  private readonly totals = new TotalsAccumulator();
  /** Main-file records read (deduplicated): positions to compare agent calls with a fork's inherited boundary. */
  private mainSeq = 0;
  /** Position of the last main record a fork copied from its parent (-1: none, this is no fork). */
  private inheritedSeq = -1;
  /** Earliest timestamp of a main record after the inherited history (a fork's own start). */
  private ownStartMs = Infinity;

  constructor(
    readonly stats: ReadStats,
    private readonly opts: SessionBuilderOptions = {},
  ) {}

  /** Subagent id → the Task/Agent tool_use that spawned it (from the tool result's `toolUseResult.agentId`). */
  get agentToolUse(): ReadonlyMap<string, string> {
    return this.links.toolUseOf;
  }

  /** Adds one record; its events (if any) are appended to `out` in order. */
  addRecord(rec: Obj, offset: number, out: DeliveredEvent[], source: RecordSource = MAIN): void {
    const recordUuid = str(rec.uuid);
    if (recordUuid !== undefined) {
      // Resumed and forked sessions repeat records under the same uuid: each counts once.
      if (this.seen.has(recordUuid)) {
        this.stats.duplicateRecords++;
        return;
      }
      this.seen.add(recordUuid);
    }
    const isMain = source.agentId === undefined;
    this.meta.observeTime(rec);
    if (isMain) {
      this.meta.observeMain(rec);
      this.mainSeq++;
    }
    if (rec.isMeta === true) this.stats.metaRecords++;
    const agentId =
      source.agentId ?? (rec.isSidechain === true ? this.links.inlineAgentId(rec, recordUuid) : undefined);
    const events = this.recordEvents(rec, offset, source, agentId, recordUuid);
    if (events !== null) for (const event of events) out.push({ event, ctx: this.place(event, agentId) });
    if (isMain) this.observeFork(rec);
  }

  /** The record's events, or null when it is deliberately skipped (then counted by type) or unknown. */
  private recordEvents(
    rec: Obj,
    offset: number,
    source: RecordSource,
    agentId: string | undefined,
    recordUuid: string | undefined,
  ): SessionEvent[] | null {
    const isMain = source.agentId === undefined;
    const ctx: RecordContext = {
      uuid: recordUuid ?? (isMain ? `off:${offset}` : `off:${source.agentId}:${offset}`),
    };
    if (rec.parentUuid === null || typeof rec.parentUuid === 'string') ctx.parentUuid = rec.parentUuid;
    if (typeof rec.timestamp === 'string') ctx.timestamp = rec.timestamp;
    if (agentId !== undefined) ctx.agentId = agentId;

    const type = rec.type;
    if (type === 'user') {
      // isMeta user records are injected, not typed: the expanded body of a slash command, caveats, skills.
      if (rec.isMeta === true) return null;
      if (isMain && rec.isSidechain !== true) this.links.linkFromResult(rec);
      return userRecordEvents(rec, ctx);
    }
    if (type === 'assistant') {
      const msg = objAt(rec, 'message');
      if (msg !== undefined) {
        const ms = typeof rec.timestamp === 'string' ? Date.parse(rec.timestamp) : NaN;
        this.totals.addUsage(rec, msg, agentId, ms);
        this.meta.observeModel(str(msg.model));
      }
      return assistantRecordEvents(rec, ctx, this.stats);
    }
    if (type === 'system') {
      const events = systemRecordEvents(rec, ctx, this.stats);
      if (events.length === 0) countSkippedType(this.stats, `system:${str(rec.subtype) ?? '(none)'}`);
      return events;
    }
    if (type === 'attachment') {
      const events = attachmentRecordEvents(rec, ctx);
      if (events === null) {
        countSkippedType(this.stats, `attachment:${str(objAt(rec, 'attachment')?.type) ?? '(none)'}`);
      }
      return events;
    }
    if (typeof type === 'string' && NON_EVENT_TYPES.has(type)) {
      if (type === 'cost-state' && isMain) this.totals.addCostState(rec, this.meta.endTime);
      else this.meta.observeTitle(rec);
      countSkippedType(this.stats, type);
      return null;
    }
    countUnknownType(this.stats, typeof type === 'string' ? type : '(no type)');
    return null;
  }

  /**
   * A fork (`--fork-session`) starts with its parent's history: Claude Code 2.1.330+ rewrites sessionId but keeps the
   * parent's id in `requestSessionId` of copied assistant records; older versions kept the old sessionId. Everything
   * up to the last such record is inherited.
   */
  private observeFork(rec: Obj): void {
    const sid = str(rec.sessionId);
    const rsid = str(rec.requestSessionId);
    const own = this.opts.sessionId;
    const copied =
      (rsid !== undefined && sid !== undefined && rsid !== sid) ||
      (own !== undefined && sid !== undefined && sid !== own);
    if (copied) {
      this.inheritedSeq = this.mainSeq;
      this.ownStartMs = Infinity;
      this.totals.markInherited(this.turn + 1);
      return;
    }
    if (this.inheritedSeq === -1 || typeof rec.timestamp !== 'string') return;
    const ms = Date.parse(rec.timestamp);
    if (ms < this.ownStartMs) this.ownStartMs = ms;
  }

  /** Turn bookkeeping: each main-chain prompt opens a turn; events before the first prompt go to turn 0. */
  private place(event: SessionEvent, agentId: string | undefined): EventContext {
    if (agentId !== undefined) {
      this.totals.addEvent(event, false);
      return this.agentContext(agentId);
    }
    if (event.kind === 'prompt') {
      this.turn++;
      this.meta.observeFirstPrompt(event.text);
    } else if (this.turn === -1) {
      this.turn = 0;
    }
    this.totals.addEvent(event, true);
    if (event.kind === 'tool_call' && AGENT_TOOL_NAMES.has(event.name)) {
      this.links.addCall(event.toolUseId, event.input, this.turn, this.mainSeq);
    }
    let c = this.turnCtx[this.turn];
    if (c === undefined) this.turnCtx[this.turn] = c = { turnIndex: this.turn };
    return c;
  }

  /** The context of a subagent's events: the turn of its spawning call, and that call's id once it is known. */
  agentContext(agentId: string): EventContext {
    let c = this.agentCtx.get(agentId);
    if (c !== undefined && (c.toolUseId !== undefined || !this.links.toolUseOf.has(agentId))) return c;
    const call = this.links.callOf(agentId);
    const turnIndex = c?.turnIndex ?? call?.turn ?? Math.max(this.turn, 0);
    c = call === undefined ? { turnIndex, agentId } : { turnIndex, agentId, toolUseId: call.toolUseId };
    this.agentCtx.set(agentId, c);
    return c;
  }

  /** The parent session id, when this transcript is a fork (as far as read). */
  parentSessionId(fileStem: string): string | undefined {
    return this.meta.finish(fileStem).parentSessionId;
  }

  finish(fileStem: string): { meta: SessionMeta; totals: SessionTotals } {
    const durationMs = this.meta.durationMs;
    const inheritedAgents = new Set<string>();
    if (this.inheritedSeq !== -1) {
      for (const agentId of this.links.toolUseOf.keys()) {
        const call = this.links.callOf(agentId);
        if (call !== undefined && call.seq <= this.inheritedSeq) inheritedAgents.add(agentId);
      }
    }
    const start = this.meta.startTime;
    const inheritedDurationMs =
      Number.isFinite(this.ownStartMs) && Number.isFinite(start)
        ? Math.max(0, Math.round(this.ownStartMs - start))
        : durationMs;
    return {
      meta: this.meta.finish(fileStem),
      totals: this.totals.finish({
        turns: this.turn + 1,
        durationMs,
        inheritedAgents,
        inheritedDurationMs,
        spawnedBy: this.links.toolUseOf,
        spawnRank: (agentId) => this.links.rank(agentId),
      }),
    };
  }
}
