// One session's outbox turned into tracker events: transcript lines → SessionEvents (the core normalizer), in order.
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { EventItem, SessionEntryItem } from '../../../core/api/index.js';
import type { EgressGate, Gated } from '../../../core/egress/index.js';
import type { ReadStats, SessionMeta, SessionTotals } from '../../../core/model/session.js';
import type { RecordFilter } from '../../../core/transcript/stream-session.js';
import { gitMetaOf } from '../../../core/git/origin.js';
import { createReadStats } from '../../../core/transcript/read-stats.js';
import { SessionBuilder, type DeliveredEvent } from '../../../core/transcript/session-builder.js';
import { subKeyOfSubagentPath } from '../../../core/transcript/sub-key.js';
import { readOutbox } from '../../outbox/reader.js';
import type { OutboxRecord, OutboxRecords } from '../../outbox/schema.js';
import { quarantine, type QuarantineEntry } from '../../outbox/quarantine.js';

/** An event or a raw transcript line waiting for the tracker, in outbox order (one queue: one acknowledgement). */
export type PendingItem = PendingEvent | PendingEntry;

export interface PendingEvent {
  /** Replaced by its gated copy the first time a batch looks at it. */
  item: EventItem;
  /** Outbox seq of the record the event came from. */
  outboxSeq: number;
  entry?: undefined;
}

/** One transcript line for the tracker's mirror; gated (once, in file order) the first time a batch looks at it. */
export interface PendingEntry {
  entry: RawEntry | Gated<SessionEntryItem>;
  /** What it adds to a request body: an estimate until the line is gated, then its serialized length. */
  bytes: number;
  outboxSeq: number;
  item?: undefined;
}

export interface RawEntry {
  line: Record<string, unknown>;
  subKey: string;
  /** The line's byte offset in its transcript file: the key of a line without a uuid (entryKeyAt). */
  offset: number;
}

/**
 * Replays a session's outbox from the start through the transcript normalizer, so event positions (`seq`,
 * `turnIndex`) and running totals come out identical on every run; only events past the acknowledged outbox seq
 * are queued for sending. Events are keyed by transcript uuid, so a resend is a harmless duplicate.
 */
export class SessionFeed {
  private readonly builder: SessionBuilder;
  private mainSeq = 0;
  private readonly agentSeq = new Map<string, number>();
  private nextByte = 0;
  /** Last outbox seq read. */
  readSeq = 0;
  /** Outbox bytes consumed so far. */
  get bytesRead(): number {
    return this.nextByte;
  }
  readonly pending: PendingItem[] = [];
  /** The newest event produced (also when already acknowledged): re-sent to carry the final summary. */
  lastItem: EventItem | null = null;
  ended = false;
  cwd: string | undefined;
  /** Transcript paths named by start/end entries: the catch-up sweeps them even before a hook copied a line. */
  readonly transcripts = new Set<string>();
  private firstPrompt: string | undefined;
  /** One pause filter per transcript file (main, each subagent): it follows the file's order. */
  private readonly filters = new Map<string, RecordFilter>();

  constructor(
    readonly dataDir: string,
    readonly sessionId: string,
    private ackedSeq: number,
    private readonly gate: EgressGate,
    /** Where set-aside lines go (the data dir's quarantine by default; tests may collect them). */
    readonly setAside: (e: Omit<QuarantineEntry, 'at'>, line?: string) => void = (e, line) =>
      void quarantine(dataDir, e, line),
  ) {
    // The session's own id tells a fork's inherited records from its own (versions that keep the parent's id).
    this.builder = new SessionBuilder(createReadStats(), { sessionId });
  }

  /** Reads what the outbox gained since the last pull. Returns the number of records read. */
  async pull(maxRecords = 2000): Promise<number> {
    const res = await readOutbox(this.dataDir, this.sessionId, {
      fromSeq: this.readSeq + 1,
      fromByte: this.nextByte,
      limit: maxRecords,
    });
    for (const rec of res.records) this.consume(rec);
    this.nextByte = res.nextByte;
    if (res.records.length) this.readSeq = res.lastSeq;
    return res.records.length;
  }

  /** Everything up to `seq` is on the tracker: drop it from the queue. */
  acknowledge(count: number, seq: number): void {
    this.pending.splice(0, count);
    this.ackedSeq = Math.max(this.ackedSeq, seq);
  }

  /** What the reader skipped so far (shown on the tracker's session page like in exports). */
  get stats(): ReadStats {
    return this.builder.stats;
  }

  /** Subagents with the Agent/Task call that spawned them, in the order the parent spawned them. */
  sidechains(): Array<{ agentId: string; toolUseId?: string }> {
    const links = this.builder.links;
    return [...this.builder.agentToolUse]
      .sort(([a], [b]) => links.rank(a) - links.rank(b))
      .map(([agentId, toolUseId]) => ({ agentId, toolUseId }));
  }

  /**
   * For a fork: the parent's subagent files that the fork's copied history spawned. Claude Code does not copy them
   * into the fork's own `subagents/`, so without these the fork would lose them (the reader does the same for exports).
   */
  inheritedSubagentFiles(): string[] {
    const parent = this.builder.parentSessionId(this.sessionId);
    if (parent === undefined || parent.includes('/') || parent.includes('\\')) return [];
    const out: string[] = [];
    for (const main of this.transcripts) {
      if (/^agent-.+\.jsonl$/.test(basename(main))) continue;
      for (const agentId of this.builder.agentToolUse.keys()) {
        const file = `agent-${agentId}.jsonl`;
        if (existsSync(join(dirname(main), this.sessionId, 'subagents', file))) continue;
        const inherited = join(dirname(main), parent, 'subagents', file);
        if (existsSync(inherited)) out.push(inherited);
      }
    }
    return out;
  }

  /** Meta and totals of everything read so far (deterministic: the same outbox gives the same summary). */
  snapshot(): { meta: SessionMeta; totals: SessionTotals } {
    const { meta, totals } = this.builder.finish(this.sessionId);
    const cwd = meta.cwd ?? this.cwd;
    const project =
      meta.project ??
      cwd
        ?.split(/[\\/]+/)
        .filter(Boolean)
        .pop();
    const extra = {
      ...(cwd ? { cwd } : {}),
      ...(project ? { project } : {}),
      ...(this.firstPrompt ? { firstPrompt: this.firstPrompt } : {}),
      // Which checkout the cwd was in, so `baton resume` on another machine finds its own (read from git's files).
      ...gitMetaOf(cwd),
    };
    return { meta: { ...meta, id: this.sessionId, ...extra }, totals };
  }

  private consume(rec: OutboxRecord): void {
    if (rec.k === 'start') {
      // A resumed session reopens: its end is not the end any more.
      this.ended = false;
      this.cwd ??= rec.cwd;
      if (rec.transcriptPath) this.transcripts.add(rec.transcriptPath);
      return;
    }
    if (rec.k === 'prompt') {
      this.cwd ??= rec.cwd;
      return;
    }
    if (rec.k === 'end') {
      this.ended = true;
      if (typeof rec.transcriptPath === 'string') this.transcripts.add(rec.transcriptPath);
      return;
    }
    if (rec.k !== 'records') return;
    const lines: Array<Omit<PendingEntry, 'outboxSeq'>> = [];
    const events = this.normalize(rec, lines);
    this.enqueue(rec.seq, events, lines);
  }

  /**
   * The events a transcript copy's lines make; lines the normalizer cannot take are set aside, never fatal. Every
   * line that is a JSON object also goes to `lines`, paused ones too: the gate judges them in file order.
   */
  private normalize(rec: OutboxRecords, lines: Array<Omit<PendingEntry, 'outboxSeq'>>): DeliveredEvent[] {
    const out: DeliveredEvent[] = [];
    // A copy whose path has no subagents folder (older outboxes) is named by its agent id.
    const subKey = rec.agentId
      ? subKeyOfSubagentPath(
          /[\\/]subagents[\\/]/.test(rec.path) ? rec.path : `subagents/agent-${rec.agentId}`,
        )
      : '';
    const source = rec.agentId ? { agentId: rec.agentId } : undefined;
    const fileKey = rec.agentId ?? '';
    let admit = this.filters.get(fileKey);
    if (!admit) this.filters.set(fileKey, (admit = this.gate.recordFilter(this.sessionId)));
    // Set aside, never fatal: a line the normalizer cannot take is quarantined with its reason (once: records the
    // tracker already confirmed were quarantined by the run that sent them), and the rest goes on.
    const fresh = rec.seq > this.ackedSeq;
    const where = { path: rec.path, ...(rec.agentId ? { agentId: rec.agentId } : {}) };
    const setAside = (e: Omit<QuarantineEntry, 'at' | 'sessionId'>, line?: string) => {
      if (fresh) this.setAside({ sessionId: this.sessionId, ...where, ...e }, line);
    };
    for (const r of rec.skipped ?? [])
      setAside({ reason: 'line_too_large', from: r.from, to: r.to, message: `${r.to - r.from} bytes` });
    let offset = rec.from;
    for (let i = 0; i < rec.lines.length; i++) {
      const line = rec.lines[i]!;
      // The line's place in its file (`at` when a cut span or a dropped blank line broke the arithmetic).
      const at = rec.at?.[i] ?? offset;
      offset = at + Buffer.byteLength(line) + 1;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (err) {
        // Counted like the transcript reader counts it, so the session page and an export say the same.
        this.builder.stats.malformedLines++;
        setAside({ reason: 'unparsable_line', from: at, to: offset, message: messageOf(err) }, line);
        continue;
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        this.builder.stats.malformedLines++;
        continue;
      }
      this.builder.stats.records++;
      const record = parsed as Record<string, unknown>;
      // Already on the tracker (a replay after a restart): the entry gate still follows the file's order.
      if (subKey !== null) {
        if (fresh) lines.push({ entry: { line: record, subKey, offset: at }, bytes: line.length });
        else this.gate.entry(record, { sessionId: this.sessionId, subKey, seen: true });
      }
      // Paused records never become events, a title or totals (the hook skips them; this covers a pause it missed).
      if (!admit(parsed as Record<string, unknown>)) continue;
      const got: DeliveredEvent[] = [];
      try {
        this.builder.addRecord(parsed as Record<string, unknown>, at, got, source);
      } catch (err) {
        // e.g. a tool input nested thousands of levels deep: RangeError in a recursive walk. Before, it crashed
        // the sender on every restart and the session never moved again. Its raw line is not mirrored either
        // (the gate walks it the same way): one line, one quarantine entry.
        if (fresh && subKey !== null) lines.pop();
        setAside(
          {
            reason: 'normalize_failed',
            from: at,
            to: offset,
            code: (err as Error)?.name,
            message: messageOf(err),
          },
          line,
        );
        continue;
      }
      out.push(...got);
    }
    return out;
  }

  /**
   * Numbers the events (per main thread and per subagent) and queues those the tracker has not confirmed, after the
   * record's raw lines (`lines` holds only fresh ones).
   */
  private enqueue(
    outboxSeq: number,
    out: DeliveredEvent[],
    lines: Array<Omit<PendingEntry, 'outboxSeq'>>,
  ): void {
    for (const e of lines) this.pending.push({ ...e, outboxSeq });
    for (const d of out) {
      const agentId = d.ctx.agentId ?? d.event.agentId;
      let seq: number;
      if (agentId) {
        seq = this.agentSeq.get(agentId) ?? 0;
        this.agentSeq.set(agentId, seq + 1);
      } else seq = this.mainSeq++;
      if (!agentId && d.event.kind === 'prompt' && this.firstPrompt === undefined) {
        const text = d.event.text.trim();
        this.firstPrompt = text.length > 500 ? `${text.slice(0, 499)}…` : text;
      }
      const item: EventItem = { seq, turnIndex: d.ctx.turnIndex, event: d.event };
      this.lastItem = item;
      if (outboxSeq > this.ackedSeq) this.pending.push({ item, outboxSeq });
    }
  }
}

function messageOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 300);
}
