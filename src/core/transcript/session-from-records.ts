// A session built from transcript records already in memory (the tracker's stored entries), by the same rules as a
// file on disk: the records-based twin of loadSession.
import type { Session } from '../model/session.js';
import { collectSession } from './collect-session.js';
import type { Obj } from './guards.js';
import { recordBatch, runFeed, type RecordFeed } from './session-run.js';

/**
 * One transcript line: the record, and where it sat in its file when known: its byte offset, or its length in bytes
 * without the newline (offsets then add up). Only records without a uuid use it, for their events' ids.
 */
export interface TranscriptLineRecord {
  record: Obj;
  offset?: number;
  bytes?: number;
}

export interface TranscriptRecords {
  /** The session id (its main file's name). */
  sessionId: string;
  /** The main transcript's lines in file order. */
  main: readonly TranscriptLineRecord[];
  /**
   * The session's other files by sub key, each in file order. Subagent files ('subagents/…/agent-<id>', the Agent
   * SDK's subpath) are read as subagents; other sub keys are not transcript chains and are left out.
   */
  files: ReadonlyMap<string, readonly TranscriptLineRecord[]>;
}

const AGENT_SUB_KEY = /^subagents\/(?:.*\/)?agent-([^/]+)$/;

/** The agent id a sub key names ('subagents/agent-abc' → 'abc'), or undefined when it is no subagent file. */
function subagentIdOf(subKey: string): string | undefined {
  return AGENT_SUB_KEY.exec(subKey)?.[1];
}

/** Byte offsets as the lines had in their file: given ones, else the sum of the lengths before (else the index). */
function offsetsOf(lines: readonly TranscriptLineRecord[]): number[] {
  let at = 0;
  return lines.map((l, i) => {
    const offset = l.offset ?? (at < 0 ? i : at);
    at = l.bytes === undefined || at < 0 ? -1 : offset + l.bytes + 1;
    return offset;
  });
}

function recordsFeed(input: TranscriptRecords): RecordFeed {
  // Path order, as the file reader lists subagent files.
  const agents = [...input.files.keys()].sort().flatMap((subKey) => {
    const agentId = subagentIdOf(subKey);
    return agentId === undefined ? [] : [{ agentId, lines: input.files.get(subKey)! }];
  });
  const batch = (lines: readonly TranscriptLineRecord[]) => (stats: Parameters<RecordFeed['main']>[0]) =>
    recordBatch(
      lines.map((l) => l.record),
      stats,
      offsetsOf(lines),
    );
  return {
    main: batch(input.main),
    subagents: () => Promise.resolve(agents.map((a) => ({ agentId: a.agentId, read: batch(a.lines) }))),
  };
}

/** The Session the file reader would load from these records (events, turns, sidechains, meta, totals, stats). */
export function sessionFromRecords(input: TranscriptRecords): Promise<Session> {
  return collectSession((onEvent) => runFeed(input.sessionId, recordsFeed(input), onEvent));
}
