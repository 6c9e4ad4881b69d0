// Accumulates SessionTotals while records stream by: tokens once per API response, tool and file counts, cost;
// Claude Code's own cost-state figure when the transcript has one; a fork's inherited part kept apart.
import type { InheritedTotals, SessionEvent, SessionTotals, SubagentUsage } from '../model/session.js';
import { parseCostState, type CostState } from './cost-state.js';
import { count, isObj, objAt, str, type Obj } from './guards.js';
import { FILE_WRITING_TOOLS } from './known-types.js';
import { UsageBucket, type Usage } from './usage-bucket.js';

export { SYNTHETIC_MODEL } from './usage-bucket.js';

interface AgentUsage {
  bucket: UsageBucket;
  /** Time of the agent's first counted response: orders it against the last cost-state. */
  firstMs: number;
}

interface InheritedSnapshot {
  main: UsageBucket;
  turns: number;
  prompts: number;
  messages: number;
}

export interface FinishOptions {
  turns: number;
  durationMs: number;
  /** Subagents spawned from the inherited history: their usage belongs to the inherited part. */
  inheritedAgents: ReadonlySet<string>;
  /** Time of the inherited part (set with the snapshot). */
  inheritedDurationMs: number;
  /** Subagent → its spawning call, and the spawn order: each subagent's usage is reported against its call. */
  spawnedBy?: ReadonlyMap<string, string>;
  spawnRank?: (agentId: string) => number;
}

export class TotalsAccumulator {
  /** Usage already counted per API response, keyed by message.id + requestId. */
  private readonly seenResponses = new Map<string, Usage>();
  /** Main-chain responses (the main transcript file, not sidechains). */
  private readonly main = new UsageBucket();
  /** Main-chain responses written after the last cost-state record (Claude Code had not counted them yet). */
  private sinceCostState = new UsageBucket();
  private readonly agents = new Map<string, AgentUsage>();
  private costState: CostState | undefined;
  private costStateMs = -Infinity;
  private inherited: InheritedSnapshot | undefined;
  private prompts = 0;
  private messages = 0;
  private toolCalls = 0;
  private toolErrors = 0;
  private readonly tools = new Map<string, number>(); // a Map: tool names are data, even `__proto__`
  private readonly files = new Set<string>();

  /**
   * Counts an assistant record's usage. One API response is written as several records that share message.id
   * and requestId and each repeat the usage, so a response is counted once. Early records of a response can
   * carry partial counts (output_tokens: 1 while streaming), so the largest value seen per field wins.
   */
  addUsage(rec: Obj, msg: Obj, agentId?: string, ms = NaN): void {
    const u = objAt(msg, 'usage');
    if (u === undefined) return;
    const next: Usage = {
      input: count(u.input_tokens),
      output: count(u.output_tokens),
      cacheRead: count(u.cache_read_input_tokens),
      cacheWrite: count(u.cache_creation_input_tokens),
      cacheWrite1h: count(objAt(u, 'cache_creation')?.ephemeral_1h_input_tokens),
    };
    const messageId = str(msg.id);
    const requestId = str(rec.requestId);
    let delta = next;
    if (messageId !== undefined || requestId !== undefined) {
      const key = `${messageId ?? ''}\u0000${requestId ?? ''}`;
      const prev = this.seenResponses.get(key);
      if (prev !== undefined) {
        delta = {
          input: Math.max(0, next.input - prev.input),
          output: Math.max(0, next.output - prev.output),
          cacheRead: Math.max(0, next.cacheRead - prev.cacheRead),
          cacheWrite: Math.max(0, next.cacheWrite - prev.cacheWrite),
          cacheWrite1h: Math.max(0, next.cacheWrite1h - prev.cacheWrite1h),
        };
        prev.input += delta.input;
        prev.output += delta.output;
        prev.cacheRead += delta.cacheRead;
        prev.cacheWrite += delta.cacheWrite;
        prev.cacheWrite1h += delta.cacheWrite1h;
      } else {
        this.seenResponses.set(key, { ...next });
      }
    }
    if (delta.input + delta.output + delta.cacheRead + delta.cacheWrite === 0) return;
    const model = str(msg.model) ?? 'unknown';
    if (agentId === undefined) {
      this.main.add(model, delta);
      this.sinceCostState.add(model, delta);
      return;
    }
    let a = this.agents.get(agentId);
    if (a === undefined) this.agents.set(agentId, (a = { bucket: new UsageBucket(), firstMs: Infinity }));
    a.bucket.add(model, delta);
    if (ms < a.firstMs) a.firstMs = ms;
  }

  /**
   * A `cost-state` record of the main transcript: Claude Code's running totals, compaction calls and interrupted
   * streams included. The last one wins; usage written after it is added on top. `atMs` is the newest main-file
   * timestamp so far (subagent responses after it were not in the figure yet).
   */
  addCostState(rec: Obj, atMs: number): void {
    const cs = parseCostState(rec);
    if (cs === undefined) return;
    // A running figure below what the records already show is not this session's (a record pasted from another
    // session, a counter that restarted): the records' own count stays the better figure then.
    const seen = this.main.total;
    const t = cs.tokens;
    if (
      t.input < seen.input ||
      t.output < seen.output ||
      t.cacheRead < seen.cacheRead ||
      t.cacheWrite < seen.cacheWrite
    ) {
      return;
    }
    this.costState = cs;
    this.costStateMs = atMs;
    this.sinceCostState = new UsageBucket();
  }

  /** Everything counted so far is a fork's inherited history (called after each record copied from the parent). */
  markInherited(turns: number): void {
    this.inherited = { main: this.main.clone(), turns, prompts: this.prompts, messages: this.messages };
  }

  /** Conversation counts (prompts, messages) come from the main chain only; tool work counts everywhere. */
  addEvent(e: SessionEvent, mainChain: boolean): void {
    switch (e.kind) {
      case 'prompt':
        if (mainChain) {
          this.prompts++;
          this.messages++;
        }
        break;
      case 'text':
        if (mainChain) this.messages++;
        break;
      case 'tool_call': {
        this.toolCalls++;
        this.tools.set(e.name, (this.tools.get(e.name) ?? 0) + 1);
        if (FILE_WRITING_TOOLS.has(e.name) && isObj(e.input)) {
          const file = str(e.input.file_path) ?? str(e.input.notebook_path) ?? str(e.input.path);
          if (file !== undefined) this.files.add(file);
        }
        break;
      }
      case 'tool_result':
        if (e.isError) this.toolErrors++;
        break;
      default:
        break;
    }
  }

  finish(o: FinishOptions): SessionTotals {
    const { tokens, costUsd } = this.usageTotals();
    const totals: SessionTotals = {
      tokens,
      costUsd,
      turns: o.turns,
      prompts: this.prompts,
      messages: this.messages,
      toolCalls: this.toolCalls,
      toolErrors: this.toolErrors,
      tools: Object.fromEntries(this.tools),
      filesTouched: [...this.files],
      durationMs: o.durationMs,
    };
    const inherited = this.inheritedTotals(o);
    if (inherited !== undefined) totals.inherited = inherited;
    const subagents = this.subagentUsage(o);
    if (subagents.length > 0) totals.subagents = subagents;
    return totals;
  }

  /** Each subagent's own responses, by spawning call, in spawn order (then by agent id). */
  private subagentUsage(o: FinishOptions): SubagentUsage[] {
    const rank = o.spawnRank ?? (() => 0);
    return [...this.agents]
      .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
      .map(([agentId, a]) => {
        const toolUseId = o.spawnedBy?.get(agentId);
        return {
          agentId,
          ...(toolUseId ? { toolUseId } : {}),
          tokens: a.bucket.tokens(),
          costUsd: a.bucket.costUsd(),
        };
      });
  }

  /** Claude Code's last cost-state plus what came after it; without one, every response at list prices. */
  private usageTotals(): Pick<SessionTotals, 'tokens' | 'costUsd'> {
    const cs = this.costState;
    if (cs === undefined) {
      const all = this.main.clone();
      for (const a of this.agents.values()) all.merge(a.bucket);
      return { tokens: all.tokens(), costUsd: all.costUsd() };
    }
    const after = this.sinceCostState.clone();
    for (const a of this.agents.values()) if (a.firstMs > this.costStateMs) after.merge(a.bucket);
    if (after.empty) return { tokens: { ...cs.tokens }, costUsd: cs.costUsd };
    const t = after.tokens();
    const extra = after.costUsd();
    return {
      tokens: {
        input: cs.tokens.input + t.input,
        output: cs.tokens.output + t.output,
        cacheRead: cs.tokens.cacheRead + t.cacheRead,
        cacheWrite: cs.tokens.cacheWrite + t.cacheWrite,
      },
      costUsd: extra === null ? null : Math.round((cs.costUsd + extra) * 1e9) / 1e9,
    };
  }

  private inheritedTotals(o: FinishOptions): InheritedTotals | undefined {
    const snap = this.inherited;
    if (snap === undefined) return undefined;
    const usage = snap.main.clone();
    for (const id of o.inheritedAgents) {
      const a = this.agents.get(id);
      if (a !== undefined) usage.merge(a.bucket);
    }
    return {
      tokens: usage.tokens(),
      costUsd: usage.costUsd(),
      durationMs: Math.min(o.inheritedDurationMs, o.durationMs),
      turns: Math.min(snap.turns, o.turns),
      prompts: snap.prompts,
      messages: snap.messages,
    };
  }
}
