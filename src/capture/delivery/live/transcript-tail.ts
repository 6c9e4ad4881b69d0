// Follows a session transcript (and its subagent files) from saved byte offsets, yielding new SessionEvents.
import { basename } from 'node:path';
import type { SessionEvent } from '../../../core/model/session.js';
import { isBatonError } from '../../../core/errors.js';
import { findSubagentFiles, readRecordBatches, type RecordFilter } from '../../../core/transcript/index.js';
import { createReadStats } from '../../../core/transcript/read-stats.js';
import {
  SessionBuilder,
  type DeliveredEvent,
  type RecordSource,
} from '../../../core/transcript/session-builder.js';

export interface TranscriptItem {
  event: SessionEvent;
  /** The record's `promptId` (Claude Code ≥ 2.1): ties a prompt record to its UserPromptSubmit hook call. */
  promptId?: string;
}

/**
 * One SessionBuilder lives as long as the tail, so uuid dedup (resume/fork repeats) holds across reads.
 * `offsets` maps file path → byte offset already consumed; it is what the relay persists.
 */
export class TranscriptTail {
  private readonly builder: SessionBuilder;
  readonly offsets: Record<string, number>;

  /** One pause filter per file, kept across reads (it follows each file's order). */
  private readonly filters = new Map<string, RecordFilter>();

  /** `admit` makes the egress gate's record filter for a file: paused records never become events here. */
  constructor(
    public path: string,
    offsets: Record<string, number> = {},
    private readonly admit?: () => RecordFilter,
  ) {
    this.offsets = { ...offsets };
    // The session's own id (the file name) tells a fork's inherited records from its own.
    this.builder = new SessionBuilder(createReadStats(), {
      sessionId: basename(path).replace(/\.jsonl$/, ''),
    });
  }

  private subagents: Array<{ path: string; agentId: string }> = [];
  private subagentsListedAt = 0;

  /**
   * New events of the main transcript, then of each subagent file, in file order. The subagent folder is listed
   * at most once a second (a readdir per pass is wasted work while none runs).
   */
  async read(now: number = Date.now()): Promise<TranscriptItem[]> {
    const out: TranscriptItem[] = [];
    await this.readFile(this.path, {}, out);
    if (now - this.subagentsListedAt >= 1000) {
      this.subagents = await findSubagentFiles(this.path);
      this.subagentsListedAt = now;
    }
    for (const f of this.subagents) await this.readFile(f.path, { agentId: f.agentId }, out);
    return out;
  }

  private async readFile(path: string, source: RecordSource, out: TranscriptItem[]): Promise<void> {
    const from = this.offsets[path] ?? 0;
    try {
      this.offsets[path] = await this.consume(path, from, source, out);
    } catch (err) {
      if (isBatonError(err) && err.code === 'not_found') return;
      // Shorter than what we consumed: the file was replaced. Start over; uuid dedup drops what was seen.
      if (isBatonError(err) && err.code === 'conflict') {
        this.offsets[path] = await this.consume(path, 0, source, out);
        return;
      }
      throw err;
    }
  }

  private async consume(
    path: string,
    from: number,
    source: RecordSource,
    out: TranscriptItem[],
  ): Promise<number> {
    const gen = readRecordBatches(path, { fromOffset: from });
    const delivered: DeliveredEvent[] = [];
    let filter = this.filters.get(path);
    if (!filter && this.admit) this.filters.set(path, (filter = this.admit()));
    for (;;) {
      const step = await gen.next();
      if (step.done) return step.value.nextOffset;
      for (const item of step.value) {
        if (filter && !filter(item.record)) continue;
        this.builder.addRecord(item.record, item.offset, delivered, source);
        if (delivered.length === 0) continue;
        const promptId = typeof item.record.promptId === 'string' ? item.record.promptId : undefined;
        for (const d of delivered) out.push(promptId ? { event: d.event, promptId } : { event: d.event });
        delivered.length = 0;
      }
    }
  }
}
