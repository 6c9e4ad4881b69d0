// Accumulates SessionTotals while events stream by: tokens once per API response, tool and file counts, cost.
import type { SessionEvent, SessionTotals } from '../model/session.js';
import { estimateCostUsd, type ModelUsage } from '../pricing.js';
import { count, isObj, objAt, str, type Obj } from './guards.js';
import { FILE_WRITING_TOOLS } from './known-types.js';

export const SYNTHETIC_MODEL = '<synthetic>';

interface Usage {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
  cacheWrite1h: number;
}

function emptyUsage(): Usage {
  return { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0 };
}

export class TotalsAccumulator {
  /** Usage already counted per API response, keyed by message.id + requestId. */
  private readonly seenResponses = new Map<string, Usage>();
  private readonly byModel = new Map<string, Usage>();
  private readonly total = emptyUsage();
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
  addUsage(rec: Obj, msg: Obj): void {
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
    addTo(this.total, delta);
    if (model !== SYNTHETIC_MODEL) {
      let m = this.byModel.get(model);
      if (m === undefined) this.byModel.set(model, (m = emptyUsage()));
      addTo(m, delta);
    }
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

  finish(turns: number, durationMs: number): SessionTotals {
    const usage: Array<[string, ModelUsage]> = [...this.byModel];
    return {
      tokens: {
        input: this.total.input,
        output: this.total.output,
        cacheRead: this.total.cacheRead,
        cacheWrite: this.total.cacheWrite,
      },
      costUsd: estimateCostUsd(usage),
      turns,
      prompts: this.prompts,
      messages: this.messages,
      toolCalls: this.toolCalls,
      toolErrors: this.toolErrors,
      tools: Object.fromEntries(this.tools),
      filesTouched: [...this.files],
      durationMs,
    };
  }
}

function addTo(into: Usage, d: Usage): void {
  into.input += d.input;
  into.output += d.output;
  into.cacheRead += d.cacheRead;
  into.cacheWrite += d.cacheWrite;
  into.cacheWrite1h += d.cacheWrite1h;
}
