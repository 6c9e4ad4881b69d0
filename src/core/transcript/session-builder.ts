// Turns a stream of transcript records into deduplicated SessionEvents with turn context, plus meta and totals.
import type { ReadStats, SessionEvent, SessionMeta, SessionTotals } from '../model/session.js';
import { isObj, objAt, str, type Obj } from './guards.js';
import { AGENT_TOOL_NAMES, NON_EVENT_TYPES } from './known-types.js';
import { MetaAccumulator } from './meta-accumulator.js';
import { countUnknownType } from './read-stats.js';
import {
  assistantRecordEvents,
  systemRecordEvents,
  userRecordEvents,
  type RecordContext,
} from './record-events.js';
import { TotalsAccumulator } from './totals-accumulator.js';

/** Where an event belongs: its turn in the main chain, and the subagent it came from (sidechain events). */
export interface EventContext {
  turnIndex: number;
  agentId?: string;
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

const MAIN: RecordSource = {};

export class SessionBuilder {
  private readonly seen = new Set<string>();
  private turn = -1;
  private readonly turnCtx: EventContext[] = [];
  private readonly agentCtx = new Map<string, EventContext>();
  /** Subagent id → the Task/Agent tool_use that spawned it (from the tool result's `toolUseResult.agentId`). */
  readonly agentToolUse = new Map<string, string>();
  /** Task/Agent tool_use id → the turn it was called in, so subagent events land in that turn's context. */
  private readonly agentCallTurn = new Map<string, number>();
  private readonly meta = new MetaAccumulator();
  private readonly totals = new TotalsAccumulator();

  constructor(readonly stats: ReadStats) {}

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
    if (isMain) this.meta.observeMain(rec);
    if (rec.isMeta === true) this.stats.metaRecords++;

    const type = rec.type;
    let events: SessionEvent[];
    const agentId =
      source.agentId ?? (rec.isSidechain === true ? (str(rec.agentId) ?? 'sidechain') : undefined);
    const ctx: RecordContext = {
      uuid: recordUuid ?? (isMain ? `off:${offset}` : `off:${source.agentId}:${offset}`),
    };
    if (rec.parentUuid === null || typeof rec.parentUuid === 'string') ctx.parentUuid = rec.parentUuid;
    if (typeof rec.timestamp === 'string') ctx.timestamp = rec.timestamp;
    if (agentId !== undefined) ctx.agentId = agentId;

    if (type === 'user') {
      // isMeta user records are injected, not typed: the expanded body of a slash command, caveats, skills.
      if (rec.isMeta === true) return;
      events = userRecordEvents(rec, ctx);
      if (isMain) this.linkSubagent(rec);
    } else if (type === 'assistant') {
      const msg = objAt(rec, 'message');
      if (msg !== undefined) {
        this.totals.addUsage(rec, msg);
        this.meta.observeModel(str(msg.model));
      }
      events = assistantRecordEvents(rec, ctx, this.stats);
    } else if (type === 'system') {
      events = systemRecordEvents(rec, ctx, this.stats);
    } else {
      if (typeof type === 'string' && NON_EVENT_TYPES.has(type)) this.meta.observeTitle(rec);
      else countUnknownType(this.stats, typeof type === 'string' ? type : '(no type)');
      return;
    }
    for (const event of events) out.push({ event, ctx: this.place(event, agentId) });
  }

  /** Turn bookkeeping: each main-chain prompt opens a turn; events before the first prompt go to turn 0. */
  private place(event: SessionEvent, agentId: string | undefined): EventContext {
    if (agentId !== undefined) {
      this.totals.addEvent(event, false);
      return this.contextForAgent(agentId);
    }
    if (event.kind === 'prompt') {
      this.turn++;
      this.meta.observeFirstPrompt(event.text);
    } else if (this.turn === -1) {
      this.turn = 0;
    }
    this.totals.addEvent(event, true);
    if (event.kind === 'tool_call' && AGENT_TOOL_NAMES.has(event.name)) {
      this.agentCallTurn.set(event.toolUseId, this.turn);
    }
    let c = this.turnCtx[this.turn];
    if (c === undefined) this.turnCtx[this.turn] = c = { turnIndex: this.turn };
    return c;
  }

  private contextForAgent(agentId: string): EventContext {
    let c = this.agentCtx.get(agentId);
    if (c === undefined) {
      const toolUseId = this.agentToolUse.get(agentId);
      const turn = toolUseId !== undefined ? this.agentCallTurn.get(toolUseId) : undefined;
      c = { turnIndex: turn ?? Math.max(this.turn, 0), agentId };
      this.agentCtx.set(agentId, c);
    }
    return c;
  }

  /** The Task/Agent tool result names the subagent it ran (`toolUseResult.agentId`). */
  private linkSubagent(rec: Obj): void {
    const result = rec.toolUseResult;
    if (!isObj(result)) return;
    const agentId = str(result.agentId);
    if (agentId === undefined || this.agentToolUse.has(agentId)) return;
    const content = objAt(rec, 'message')?.content;
    if (!Array.isArray(content)) return;
    for (const block of content) {
      if (isObj(block) && block.type === 'tool_result') {
        const id = str(block.tool_use_id);
        if (id !== undefined) this.agentToolUse.set(agentId, id);
        return;
      }
    }
  }

  finish(fileStem: string): { meta: SessionMeta; totals: SessionTotals } {
    return {
      meta: this.meta.finish(fileStem),
      totals: this.totals.finish(this.turn + 1, this.meta.durationMs),
    };
  }
}
