// Links subagents to the Agent/Task tool call that spawned them, and orders them by when the parent spawned them.
import { isObj, objAt, str, type Obj } from './guards.js';

interface AgentCall {
  toolUseId: string;
  /** The prompt the call handed the subagent: how an old inline sidechain is matched to its call. */
  prompt: string | undefined;
  turn: number;
  /** Position of the calling record in the main file (compared with a fork's inherited boundary). */
  seq: number;
}

export class SubagentLinks {
  /** Subagent id → the tool_use id of the call that spawned it. */
  readonly toolUseOf = new Map<string, string>();
  /** Agent/Task calls of the main chain in call order (the order the parent spawned them). */
  private readonly calls: AgentCall[] = [];
  private readonly callById = new Map<string, AgentCall>();
  private readonly linkedCalls = new Set<string>();
  /** Old inline sidechains (no agentId): record uuid → its chain's id. */
  private readonly inlineChain = new Map<string, string>();

  addCall(toolUseId: string, input: unknown, turn: number, seq: number): void {
    if (toolUseId === '' || this.callById.has(toolUseId)) return;
    const prompt = isObj(input) ? str(input.prompt) : undefined;
    const call = { toolUseId, prompt, turn, seq };
    this.calls.push(call);
    this.callById.set(toolUseId, call);
  }

  callOf(agentId: string): AgentCall | undefined {
    const id = this.toolUseOf.get(agentId);
    return id === undefined ? undefined : this.callById.get(id);
  }

  private link(agentId: string, toolUseId: string): void {
    if (this.toolUseOf.has(agentId)) return;
    this.toolUseOf.set(agentId, toolUseId);
    this.linkedCalls.add(toolUseId);
  }

  /** A main-chain tool result of an Agent/Task call names the subagent it ran (`toolUseResult.agentId`). */
  linkFromResult(rec: Obj): void {
    const result = rec.toolUseResult;
    if (!isObj(result)) return;
    const agentId = str(result.agentId);
    if (agentId === undefined || this.toolUseOf.has(agentId)) return;
    const content = objAt(rec, 'message')?.content;
    if (!Array.isArray(content)) return;
    for (const block of content) {
      if (isObj(block) && block.type === 'tool_result') {
        const id = str(block.tool_use_id);
        if (id !== undefined) this.link(agentId, id);
        return;
      }
    }
  }

  /**
   * The agent id of a sidechain record found inside the main transcript. Claude Code 2.x names it (`agentId`);
   * 1.x did not, so records are grouped into chains by parentUuid, each chain rooted at the subagent's prompt and
   * linked to the not yet answered Task call that handed it that prompt (parallel calls each get their own).
   */
  inlineAgentId(rec: Obj, uuid: string | undefined): string {
    const named = str(rec.agentId);
    if (named !== undefined) return named;
    const parent = str(rec.parentUuid);
    let chain = parent === undefined ? undefined : this.inlineChain.get(parent);
    if (chain === undefined) {
      chain = `sidechain-${uuid ?? this.inlineChain.size}`;
      const call = this.matchCall(rootPrompt(rec));
      if (call !== undefined) this.link(chain, call.toolUseId);
    }
    if (uuid !== undefined) this.inlineChain.set(uuid, chain);
    return chain;
  }

  private matchCall(prompt: string | undefined): AgentCall | undefined {
    let fallback: AgentCall | undefined;
    for (const c of this.calls) {
      if (this.linkedCalls.has(c.toolUseId)) continue;
      if (prompt !== undefined && c.prompt !== undefined && c.prompt.trim() === prompt.trim()) return c;
      fallback ??= c;
    }
    return fallback;
  }

  /** Rank of a subagent in spawn order (the call's position); unlinked ones after all linked ones. */
  rank(agentId: string): number {
    const call = this.callOf(agentId);
    return call === undefined ? Number.MAX_SAFE_INTEGER : this.calls.indexOf(call);
  }
}

function rootPrompt(rec: Obj): string | undefined {
  if (rec.type !== 'user') return undefined;
  const content = objAt(rec, 'message')?.content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  const texts = content.filter((b) => isObj(b) && b.type === 'text' && typeof b.text === 'string');
  return texts.length ? texts.map((b) => (b as { text: string }).text).join('\n\n') : undefined;
}
