// `--latest`: the newest session of this project on the tracker: same repository (git remote) first, else the same
// project name, for sessions stored before the remote was recorded.
import { basename } from 'node:path';
import type { SessionSummary } from '../core/api/index.js';
import { BatonError, isBatonError } from '../core/errors.js';
import { sameRemote } from './remote.js';
import type { LocalCheckout } from './target-dir.js';
import type { SessionsClient } from './write-session.js';

/** How many recent sessions of other project names are checked for the same remote (one detail call each). */
const SCAN = 50;
const DETAIL_CONCURRENCY = 8;

const hasEntries = (s: SessionSummary): boolean => s.entryCount === undefined || s.entryCount > 0;

export async function latestSessionId(
  sessions: SessionsClient,
  here: { cwd: string; checkout: LocalCheckout | null; project?: string },
): Promise<string> {
  const name = here.project ?? basename(here.checkout?.root ?? here.cwd);
  const remote = here.checkout?.remote ?? null;
  const remoteOf = async (id: string): Promise<string | null> =>
    (await sessions.get(id, { limit: 0 })).meta.gitRemote ?? null;

  // The project of this name, newest first: the first one of the same repository, or with no remote recorded.
  const named = await sessions.list({ project: name, limit: 20 }).catch((err: unknown) => {
    if (isBatonError(err) && err.code === 'not_found') return { sessions: [] };
    throw err;
  });
  for (const s of named.sessions.filter(hasEntries)) {
    const theirs = remote ? await remoteOf(s.id) : null;
    if (!remote || !theirs || sameRemote(remote, theirs)) return s.id;
  }
  // Another name for the same repository (a checkout in a folder named differently on the other machine).
  if (remote) {
    const recent = (await sessions.list({ limit: SCAN })).sessions.filter(hasEntries);
    for (let i = 0; i < recent.length; i += DETAIL_CONCURRENCY) {
      const batch = recent.slice(i, i + DETAIL_CONCURRENCY);
      const remotes = await Promise.all(batch.map((s) => remoteOf(s.id)));
      const hit = batch.find((_, j) => sameRemote(remote, remotes[j]));
      if (hit) return hit.id;
    }
  }
  throw new BatonError(
    'not_found',
    `no session on the tracker for project "${name}"${remote ? ` or repository ${remote}` : ''} yet`,
  );
}
