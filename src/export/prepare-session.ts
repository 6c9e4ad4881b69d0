// Loads a transcript into the session model ready to leave the machine, through the egress gate.
import type { EgressGate, Gated } from '../core/egress/index.js';
import { gitMetaOf } from '../core/git/origin.js';
import type { RedactionReport, Session } from '../core/model/session.js';
import { loadSessionWithEntries, type EntryBatch } from '../core/transcript/read-entries.js';

export interface PreparedSession {
  session: Gated<Session>;
  /** What the gate redacted in this session's events (its lines carry the same secrets: not counted twice). */
  redaction: RedactionReport;
  /** With `withEntries`: the session's gated transcript lines, read in the same pass as its events. */
  entries?: EntryBatch;
}

export async function prepareSession(
  gate: EgressGate,
  transcriptPath: string,
  opts: { withEntries?: boolean } = {},
): Promise<PreparedSession> {
  // One read for both when the lines are wanted now (sync's batches); a second read costs about as much again.
  const { session, entries } = opts.withEntries
    ? await loadSessionWithEntries(gate, transcriptPath)
    : { session: await gate.loadSession(transcriptPath), entries: undefined };
  const firstPrompt = session.turns.flatMap((t) => t.events).find((e) => e.kind === 'prompt');
  if (firstPrompt && firstPrompt.kind === 'prompt' && !session.meta.firstPrompt) {
    // Built from a gated event: already cut and redacted.
    const text = firstPrompt.text.trim();
    session.meta = { ...session.meta, firstPrompt: text.length > 500 ? `${text.slice(0, 499)}…` : text };
  }
  // Which checkout it ran in (kept when the session already says).
  if (session.meta.gitRoot === undefined) session.meta = { ...session.meta, ...gitMetaOf(session.meta.cwd) };
  const redaction = session.redaction ?? { total: 0, byRule: {} };
  return { session, redaction, ...(entries ? { entries } : {}) };
}
