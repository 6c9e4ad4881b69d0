// Merges the two live sources into one ordered event stream: hook records (early) and transcript records (complete).
import type { SessionEvent } from '../../../core/model/session.js';
import type { TranscriptItem } from './transcript-tail.js';

/** The outbox fields the relay uses (hook-written JSON lines; everything optional but seq/ts/k). */
export interface OutboxLiveEntry {
  seq: number;
  ts: string;
  k: string;
  text?: string;
  promptId?: string;
  name?: string;
  toolUseId?: string;
  input?: unknown;
  agentId?: string;
  source?: string;
  reason?: string;
}

/** A line of the live inbox: a note or status the user/agent wants viewers to see. */
export interface InboxNote {
  id: string;
  ts: string;
  kind: 'note' | 'status';
  text: string;
}

export interface Emitted {
  event: SessionEvent;
  turnIndex: number;
}

/** Session lifecycle seen in the outbox: SessionStart (resume/clear/…) and SessionEnd (with its reason). */
export type Lifecycle = { kind: 'start'; source?: string } | { kind: 'end'; reason?: string };

export interface MergeSnapshot {
  turn: number;
  promptsFromHook: string[];
  promptsFromTranscript: string[];
  tools: string[];
}

const KEEP_KEYS = 5000;

/**
 * Whichever source shows a prompt or tool call first wins; the other copy is dropped (keyed by prompt id / tool_use
 * id). In practice the transcript already holds a tool_use when PreToolUse runs, while a typed prompt reaches the
 * transcript hundreds of ms after UserPromptSubmit: so prompts usually come from the hook, everything else from the
 * transcript. Turn indexes are counted here (a main-chain prompt opens a turn), so both sources agree on them.
 */
export class LiveMerger {
  private turn = -1;
  /** Prompt keys sent from the hook whose transcript twin has not been seen yet. */
  private readonly promptsFromHook = new Set<string>();
  private readonly promptsFromTranscript = new Set<string>();
  private readonly tools = new Set<string>();

  constructor(snapshot?: MergeSnapshot) {
    if (!snapshot) return;
    this.turn = snapshot.turn;
    for (const k of snapshot.promptsFromHook) this.promptsFromHook.add(k);
    for (const k of snapshot.promptsFromTranscript) this.promptsFromTranscript.add(k);
    for (const k of snapshot.tools) this.tools.add(k);
  }

  fromTranscript(items: readonly TranscriptItem[]): Emitted[] {
    const out: Emitted[] = [];
    for (const { event, promptId } of items) {
      if (event.kind === 'prompt' && event.agentId === undefined) {
        const key = promptKey(promptId, event.text);
        if (this.promptsFromHook.delete(key)) {
          this.promptsFromTranscript.add(key);
          continue;
        }
        this.promptsFromTranscript.add(key);
      } else if (event.kind === 'tool_call') {
        if (this.tools.has(event.toolUseId)) continue;
        this.tools.add(event.toolUseId);
      }
      out.push(this.place(event));
    }
    return out;
  }

  /** Hook records waiting for the transcript to catch up (a tool start, and everything after it). */
  private held: Array<{ entry: OutboxLiveEntry; since: number }> = [];

  get holding(): boolean {
    return this.held.length > 0;
  }

  /** When the oldest held record stops waiting (ms timestamp), or null. */
  holdUntil(holdMs: number): number | null {
    return this.held.length ? this.held[0]!.since + holdMs : null;
  }

  /**
   * Events for hook records (prompts, tool starts) plus lifecycle signals, in outbox order. A tool start whose
   * tool_use the transcript has not shown yet waits up to `holdMs` (the transcript is written asynchronously and
   * may lag the hook by tens of ms): if the tool_use arrives meanwhile, the transcript's copy — after the text that
   * preceded it — is the one shown. Records behind a waiting one wait too, so the order holds.
   */
  fromOutbox(
    entries: readonly OutboxLiveEntry[],
    now: number = Date.now(),
    holdMs = 0,
  ): { emitted: Emitted[]; lifecycle: Lifecycle[] } {
    const queue = [...this.held, ...entries.map((entry) => ({ entry, since: now }))];
    this.held = [];
    const ready: OutboxLiveEntry[] = [];
    for (let i = 0; i < queue.length; i++) {
      const { entry, since } = queue[i]!;
      const waiting =
        entry.k === 'tool_start' &&
        entry.toolUseId !== undefined &&
        !this.tools.has(entry.toolUseId) &&
        now - since < holdMs;
      if (waiting) {
        this.held = queue.slice(i);
        break;
      }
      ready.push(entry);
    }
    return this.process(ready);
  }

  private process(entries: readonly OutboxLiveEntry[]): { emitted: Emitted[]; lifecycle: Lifecycle[] } {
    const emitted: Emitted[] = [];
    const lifecycle: Lifecycle[] = [];
    for (const e of entries) {
      if (e.k === 'prompt' && typeof e.text === 'string') {
        const key = promptKey(e.promptId, e.text);
        if (this.promptsFromTranscript.has(key) || this.promptsFromHook.has(key)) continue;
        this.promptsFromHook.add(key);
        emitted.push(this.place(hookPrompt(e)));
      } else if (e.k === 'tool_start' && e.toolUseId && e.name) {
        if (this.tools.has(e.toolUseId)) continue;
        this.tools.add(e.toolUseId);
        emitted.push(
          this.place({
            uuid: `live-tool-${e.toolUseId}`,
            kind: 'tool_call',
            toolUseId: e.toolUseId,
            name: e.name,
            input: e.input ?? {},
            timestamp: e.ts,
            ...(e.agentId ? { agentId: e.agentId } : {}),
          }),
        );
      } else if (e.k === 'start') {
        lifecycle.push({ kind: 'start', ...(e.source ? { source: e.source } : {}) });
      } else if (e.k === 'end') {
        lifecycle.push({ kind: 'end', ...(e.reason ? { reason: e.reason } : {}) });
      }
    }
    return { emitted, lifecycle };
  }

  note(n: InboxNote): Emitted {
    return this.place({
      uuid: `live-note-${n.id}`,
      kind: 'system',
      subtype: `live_${n.kind}`,
      text: n.text,
      timestamp: n.ts,
    });
  }

  snapshot(): MergeSnapshot {
    const last = (s: Set<string>) => [...s].slice(-KEEP_KEYS);
    return {
      turn: this.turn,
      promptsFromHook: last(this.promptsFromHook),
      promptsFromTranscript: last(this.promptsFromTranscript),
      tools: last(this.tools),
    };
  }

  private place(event: SessionEvent): Emitted {
    if (event.kind === 'prompt' && event.agentId === undefined) this.turn++;
    return { event, turnIndex: Math.max(this.turn, 0) };
  }
}

function promptKey(promptId: string | undefined, text: string): string {
  return promptId ? `id:${promptId}` : `text:${text}`;
}

/** A typed `/plugin:cmd args` prompt is shown as a command, as the transcript reader would show it. */
function hookPrompt(e: OutboxLiveEntry): SessionEvent {
  const text = e.text ?? '';
  const base = {
    uuid: `live-prompt-${e.promptId ?? `${e.seq}`}`,
    kind: 'prompt' as const,
    text,
    timestamp: e.ts,
  };
  const m = /^(\/[\w:.-]+)(?:\s+([\s\S]*))?$/.exec(text.trim());
  return m ? { ...base, command: { name: m[1]!, args: (m[2] ?? '').trim() } } : base;
}
