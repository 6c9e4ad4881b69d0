// The sender's sweep of a session's transcripts to their end: what makes capture complete, however large the backlog.
import { basename } from 'node:path';
import { isBatonError } from '../../../core/errors.js';
import { appendToOutbox, type SweepTarget } from '../../outbox/writer.js';
import { subagentTargets } from '../../session/end.js';

/**
 * Copied per lock hold: the lock is let go between slices so hooks get in (a hook that still finds it busy spills).
 * At a few hundred MB/s a slice holds the lock for well under the hooks' 500 ms wait.
 */
export const CATCH_UP_SLICE_BYTES = 32 * 1024 * 1024;

/** `lines`: transcript lines copied by this catch-up. */
export interface CatchUpResult {
  state: 'done' | 'busy';
  lines: number;
}

/**
 * Merges the session's spilled hook entries and copies every transcript it follows (the main file, each subagent
 * file beside it, and `extra` paths the outbox named) from the saved offsets to the end, a slice at a time. Hooks
 * copy at most one 8 MiB chunk per file each, so a resumed session that was never captured, or subagent files, are
 * only complete after this. Returns `busy` when a hook held the lock for the whole wait: the caller tries again
 * later and must not declare the session complete meanwhile.
 */
export function catchUpSession(
  dataDir: string,
  sessionId: string,
  extra: Iterable<string> = [],
  opts: { lockWaitMs?: number; sliceBytes?: number } = {},
): CatchUpResult {
  const extraPaths = [...extra];
  let lines = 0;
  for (;;) {
    let res;
    try {
      res = appendToOutbox(dataDir, sessionId, [], {
        sweepKnown: (known) => targetsFor(sessionId, [...extraPaths, ...known]),
        sweepBudgetBytes: opts.sliceBytes ?? CATCH_UP_SLICE_BYTES,
        lockWaitMs: opts.lockWaitMs ?? 1000,
      });
    } catch (err) {
      if (isBatonError(err) && err.code === 'timeout') return { state: 'busy', lines };
      throw err;
    }
    lines += res.lines;
    if (!res.more) return { state: 'done', lines };
  }
}

/** Main transcripts first (each with the subagent files beside it), then any other agent file the outbox followed. */
export function targetsFor(sessionId: string, paths: string[]): SweepTarget[] {
  const out: SweepTarget[] = [];
  const agentOf = (p: string) => /^agent-(.+)\.jsonl$/.exec(basename(p))?.[1];
  for (const p of paths) {
    if (agentOf(p)) continue;
    out.push({ path: p }, ...subagentTargets(p, sessionId));
  }
  for (const p of paths) {
    const agentId = agentOf(p);
    if (agentId) out.push({ path: p, agentId });
  }
  return out;
}
