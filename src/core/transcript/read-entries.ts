// A session's raw transcript lines (the main file, then each subagent file) through the egress gate, for the
// tracker's lossless mirror (issue 12): streamed in batches (memory holds one read chunk's lines, never a whole file),
// or, for a session small enough to send whole, gathered in the same pass that reads its events.
import { basename, dirname, join } from 'node:path';
import type { SessionEntryItem } from '../api/transcript-entries.js';
import type { Gated } from '../egress/index.js';
import type { ReadStats, Session } from '../model/session.js';
import { collectSession } from './collect-session.js';
import { isObj, str, type Obj } from './guards.js';
import { findSubagentFiles, type SubagentFile } from './locate.js';
import { readRecordBatches, type RecordItem } from './read-records.js';
import { subKeyOfSubagentPath } from './sub-key.js';
import { runFeed, type RecordBatches, type RecordFeed, type RecordFilter } from './session-run.js';

/** The part of the egress gate this reader needs (EgressGate.entry): one line in, the gated entry or null out. */
export interface EntryGate {
  entry(
    line: Record<string, unknown>,
    where: { sessionId: string | undefined; subKey?: string; lineKey?: string },
  ): Gated<SessionEntryItem> | null;
}

/** One read chunk's gated lines, in file order, with their size on disk. */
export interface EntryBatch {
  entries: Array<Gated<SessionEntryItem>>;
  /**
   * Per entry: its raw line bytes plus the item's own fields, what it adds to a request body (redaction barely moves
   * it). Measured on disk, so sizing a request costs no JSON.stringify.
   */
  sizes: number[];
  /** The sum of `sizes`. */
  bytes: number;
}

export interface ReadEntriesOptions {
  /** Lines longer than this are skipped (default: the reader's 64 MiB). */
  maxLineBytes?: number;
}

/** A file of the session and its sub key ('' for the main transcript, else e.g. 'subagents/agent-<id>'). */
interface EntryFile {
  path: string;
  agentId: string;
  /** null: a file name the contract's sub keys cannot carry (its events are read, its lines not mirrored). */
  subKey: string | null;
}

/**
 * The idempotency key of a line without a uuid (titles, snapshots, queue operations…): its byte offset in its file.
 * Claude Code only appends to a transcript, so a line keeps its offset, and every read of the file names it alike;
 * two equal lines at different places stay two lines, as resume needs them.
 */
export const entryKeyAt = (offset: number): string => `@${offset}`;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The contract's TranscriptSubKey, checked here without zod (the export bundle stays free of it). */
/** JSON around a line in a request (`{"subKey":…,"uuid":…,"line":…}`), beyond the sub key and uuid themselves. */
const ITEM_OVERHEAD = 40;

/**
 * The gated lines of a session's transcript, batch by batch: the main file first, then its subagent files in path
 * order, then (for a fork) the parent's subagent files its copied history spawned, as the session reader includes
 * them. Paused and non-object lines are left out by the gate; unparsable lines are skipped as the reader skips them.
 */
export async function* readEntryBatches(
  gate: EntryGate,
  transcriptPath: string,
  opts: ReadEntriesOptions = {},
): AsyncGenerator<EntryBatch, void, void> {
  const stem = basename(transcriptPath).replace(/\.jsonl$/, '');
  const sessionId = stem;
  const fork = new ForkHints(stem);
  yield* readFile(gate, transcriptPath, '', sessionId, opts, fork);
  for (const file of await subagentFiles(transcriptPath, stem, fork.parent(), fork.agentIds)) {
    if (file.subKey !== null) yield* readFile(gate, file.path, file.subKey, sessionId, opts);
  }
}

/** The gate as the one-pass loader needs it: the entry rule, the pause rule for events, and the session seal. */
export interface SessionEntryGate extends EntryGate {
  recordFilter(fallbackSessionId?: string): RecordFilter;
  session(s: Session): Gated<Session>;
}

/**
 * The gated session and all its gated lines from one read of its files: each record goes to the line gate and then
 * on to the normalizer (as the gate's loadSession reads it: the same pause rule, the same subagent files). Memory
 * holds the whole session and its lines: for a session known to be small enough to send whole.
 */
export async function loadSessionWithEntries(
  gate: SessionEntryGate,
  transcriptPath: string,
  opts: ReadEntriesOptions = {},
): Promise<{ session: Gated<Session>; entries: EntryBatch }> {
  const stem = basename(transcriptPath).replace(/\.jsonl$/, '');
  const entries: EntryBatch = { entries: [], sizes: [], bytes: 0 };
  const read = (path: string, subKey: string | null) => (stats: ReadStats) =>
    tee(readRecordBatches(path, { ...lineOptions(opts), stats }), (items) => {
      if (subKey !== null) gateItems(gate, items, stem, subKey, entries);
    });
  const feed: RecordFeed = {
    main: read(transcriptPath, ''),
    subagents: async (builder) =>
      (
        await subagentFiles(transcriptPath, stem, builder.parentSessionId(stem), builder.agentToolUse.keys())
      ).map((f) => ({ agentId: f.agentId, read: read(f.path, f.subKey) })),
    admit: () => gate.recordFilter(stem),
  };
  const session = await collectSession((onEvent) => runFeed(stem, feed, onEvent));
  return { session: gate.session(session), entries };
}

/** The batches as they are, each shown to `see` first. */
async function* tee(inner: RecordBatches, see: (items: RecordItem[]) => void): RecordBatches {
  for (;;) {
    const step = await inner.next();
    if (step.done) return step.value;
    see(step.value);
    yield step.value;
  }
}

async function* readFile(
  gate: EntryGate,
  path: string,
  subKey: string,
  sessionId: string,
  opts: ReadEntriesOptions,
  fork?: ForkHints,
): AsyncGenerator<EntryBatch, void, void> {
  const gen = readRecordBatches(path, lineOptions(opts));
  for (;;) {
    const step = await gen.next();
    if (step.done) return;
    if (fork) for (const item of step.value) fork.observe(item.record);
    const batch: EntryBatch = { entries: [], sizes: [], bytes: 0 };
    gateItems(gate, step.value, sessionId, subKey, batch);
    if (batch.entries.length > 0) yield batch;
  }
}

/** Gates one read chunk's records of one file, in file order, adding the kept ones to `into`. */
function gateItems(
  gate: EntryGate,
  items: readonly RecordItem[],
  sessionId: string,
  subKey: string,
  into: EntryBatch,
): void {
  const where = subKey === '' ? { sessionId } : { sessionId, subKey };
  const keyBytes = subKey.length + ITEM_OVERHEAD;
  for (const item of items) {
    const rec = item.record;
    const g = gate.entry(
      rec,
      typeof rec.uuid === 'string' && rec.uuid !== ''
        ? where
        : { ...where, lineKey: entryKeyAt(item.offset) },
    );
    if (g === null) continue;
    const size = item.endOffset - item.offset + keyBytes + (g.uuid?.length ?? 0);
    into.entries.push(g);
    into.sizes.push(size);
    into.bytes += size;
  }
}

const lineOptions = (opts: ReadEntriesOptions) =>
  opts.maxLineBytes === undefined ? {} : { maxLineBytes: opts.maxLineBytes };

/**
 * The session reader's rule (stream-session's subagentFilesFor) with sub keys: the session's own subagent files,
 * then, for a fork of `parent`, the parent's files of the subagents its copied history ran (`agentIds`).
 */
async function subagentFiles(
  transcriptPath: string,
  stem: string,
  parent: string | undefined,
  agentIds: Iterable<string>,
): Promise<EntryFile[]> {
  const own = await findSubagentFiles(transcriptPath);
  const out = withSubKeys(own);
  if (parent === undefined || parent.includes('/') || parent.includes('\\')) return out;
  const have = new Set(own.map((f) => f.agentId));
  const wanted = [...agentIds].filter((id) => !have.has(id));
  if (wanted.length === 0) return out;
  const parentPath = join(dirname(transcriptPath), `${parent}.jsonl`);
  const inherited = (await findSubagentFiles(parentPath)).filter((f) => wanted.includes(f.agentId));
  return [...out, ...withSubKeys(inherited)];
}

/** Each file with its sub key (`<sessionDir>/subagents/agent-x.jsonl` → 'subagents/agent-x'). */
const withSubKeys = (files: SubagentFile[]): EntryFile[] =>
  files.map((f) => ({ ...f, subKey: subKeyOfSubagentPath(f.path) }));

/**
 * What the main file says about a fork, gathered while its lines go by (the session reader's rule, see
 * MetaAccumulator.finish): the parent is the first other sessionId, else the first other requestSessionId; the
 * subagents its history ran are named by Agent/Task results (`toolUseResult.agentId`).
 */
class ForkHints {
  private readonly sessionIds: string[] = [];
  private readonly requestSessionIds: string[] = [];
  readonly agentIds: string[] = [];

  constructor(private readonly stem: string) {}

  observe(rec: Obj): void {
    const sid = str(rec.sessionId);
    if (sid !== undefined && !this.sessionIds.includes(sid)) this.sessionIds.push(sid);
    const rsid = str(rec.requestSessionId);
    if (rsid !== undefined && !this.requestSessionIds.includes(rsid)) this.requestSessionIds.push(rsid);
    const result = rec.toolUseResult;
    const agentId = isObj(result) ? str(result.agentId) : undefined;
    if (agentId !== undefined && !this.agentIds.includes(agentId)) this.agentIds.push(agentId);
  }

  parent(): string | undefined {
    const ids = this.sessionIds;
    const id =
      UUID_RE.test(this.stem) || ids.includes(this.stem) ? this.stem : (ids[ids.length - 1] ?? this.stem);
    return ids.find((s) => s !== id) ?? this.requestSessionIds.find((s) => s !== id);
  }
}
