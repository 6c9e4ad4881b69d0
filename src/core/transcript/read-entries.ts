// A session's raw transcript lines (the main file, then each subagent file) through the egress gate, for the
// tracker's lossless mirror (issue 12). Streams in batches: memory holds one read chunk's lines, never a whole file.
import { basename, dirname, join, relative, sep } from 'node:path';
import type { SessionEntryItem } from '../api/transcript-entries.js';
import type { Gated } from '../egress/index.js';
import { isObj, str, type Obj } from './guards.js';
import { findSubagentFiles, type SubagentFile } from './locate.js';
import { readRecordBatches } from './read-records.js';

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
  subKey: string;
}

/**
 * The idempotency key of a line without a uuid (titles, snapshots, queue operations…): its byte offset in its file.
 * Claude Code only appends to a transcript, so a line keeps its offset, and every read of the file names it alike;
 * two equal lines at different places stay two lines, as resume needs them.
 */
export const entryKeyAt = (offset: number): string => `@${offset}`;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The contract's TranscriptSubKey, checked here without zod (the export bundle stays free of it). */
const SUB_KEY_RE = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;
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
  yield* readFile(gate, { path: transcriptPath, subKey: '' }, sessionId, opts, fork);
  for (const file of await entryFiles(transcriptPath, stem, fork)) {
    yield* readFile(gate, file, sessionId, opts);
  }
}

/** Every gated line of the session in memory at once (for a session known to be small enough to send whole). */
export async function readAllEntries(
  gate: EntryGate,
  transcriptPath: string,
  opts: ReadEntriesOptions = {},
): Promise<EntryBatch> {
  const all: EntryBatch = { entries: [], sizes: [], bytes: 0 };
  for await (const b of readEntryBatches(gate, transcriptPath, opts)) {
    for (let i = 0; i < b.entries.length; i++) {
      all.entries.push(b.entries[i]!);
      all.sizes.push(b.sizes[i]!);
    }
    all.bytes += b.bytes;
  }
  return all;
}

async function* readFile(
  gate: EntryGate,
  file: EntryFile,
  sessionId: string,
  opts: ReadEntriesOptions,
  fork?: ForkHints,
): AsyncGenerator<EntryBatch, void, void> {
  const where = file.subKey === '' ? { sessionId } : { sessionId, subKey: file.subKey };
  const keyBytes = file.subKey.length + ITEM_OVERHEAD;
  const gen = readRecordBatches(
    file.path,
    opts.maxLineBytes === undefined ? {} : { maxLineBytes: opts.maxLineBytes },
  );
  for (;;) {
    const step = await gen.next();
    if (step.done) return;
    const batch: EntryBatch = { entries: [], sizes: [], bytes: 0 };
    for (const item of step.value) {
      fork?.observe(item.record);
      const rec = item.record;
      const g = gate.entry(
        rec,
        typeof rec.uuid === 'string' && rec.uuid !== ''
          ? where
          : { ...where, lineKey: entryKeyAt(item.offset) },
      );
      if (g === null) continue;
      const size = item.endOffset - item.offset + keyBytes + (g.uuid?.length ?? 0);
      batch.entries.push(g);
      batch.sizes.push(size);
      batch.bytes += size;
    }
    if (batch.entries.length > 0) yield batch;
  }
}

/** The session's subagent files with their sub keys, plus a fork's inherited ones (known once the main file is read). */
async function entryFiles(transcriptPath: string, stem: string, fork: ForkHints): Promise<EntryFile[]> {
  const own = await findSubagentFiles(transcriptPath);
  const out = withSubKeys(own, join(dirname(transcriptPath), stem));
  const parent = fork.parent();
  if (parent === undefined || parent.includes('/') || parent.includes('\\')) return out;
  const have = new Set(own.map((f) => f.agentId));
  const wanted = fork.agentIds.filter((id) => !have.has(id));
  if (wanted.length === 0) return out;
  const parentPath = join(dirname(transcriptPath), `${parent}.jsonl`);
  const inherited = (await findSubagentFiles(parentPath)).filter((f) => wanted.includes(f.agentId));
  return [...out, ...withSubKeys(inherited, join(dirname(transcriptPath), parent))];
}

/** `<sessionDir>/subagents/agent-x.jsonl` → 'subagents/agent-x'; a name the contract cannot carry is left out. */
function withSubKeys(files: SubagentFile[], sessionDir: string): EntryFile[] {
  const out: EntryFile[] = [];
  for (const f of files) {
    const subKey = relative(sessionDir, f.path)
      .split(sep)
      .join('/')
      .replace(/\.jsonl$/, '');
    if (SUB_KEY_RE.test(subKey) && subKey.length <= 300) out.push({ path: f.path, subKey });
  }
  return out;
}

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
