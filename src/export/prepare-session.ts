// Loads a transcript into the session model ready to leave the machine, through the egress gate.
import { existsSync } from 'node:fs';
import type { EgressGate, Gated } from '../core/egress/index.js';
import { gitOriginOf } from '../core/git/origin.js';
import type { RedactionReport, Session, SessionMeta } from '../core/model/session.js';
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
  session.meta = withGitOrigin(session.meta);
  const redaction = session.redaction ?? { total: 0, byRule: {} };
  return { session, redaction, ...(entries ? { entries } : {}) };
}

/**
 * The repository the session ran in (root, and origin without credentials), so another machine can map its cwd onto
 * its own checkout. Only for a cwd that still exists here: walking up from a deleted one could find another repository.
 */
function withGitOrigin(meta: SessionMeta): SessionMeta {
  if (meta.cwd === undefined || meta.gitRoot !== undefined || !existsSync(meta.cwd)) return meta;
  const git = gitOriginOf(meta.cwd);
  // The contract's limits; a path or URL past them is no use to another machine anyway.
  if (git === null || git.root.length > 4096) return meta;
  const remote = git.remote !== null && git.remote.length <= 2000 ? { gitRemote: git.remote } : {};
  return { ...meta, gitRoot: git.root, ...remote };
}
