// `baton tracker rebuild`: every session holding transcript entries re-derived from them, in batches (an improved
// normalizer reaches stored sessions without a re-upload). Idempotent: a second run writes the same rows.
import type { Store } from '../db/store.js';
import { deriveSession } from './derive-session.js';

export interface RebuildOptions {
  /** Only sessions with this id (of any user). */
  sessionId?: string;
  /** Sessions per batch (default 50): each is read, derived and written before the next batch is listed. */
  batchSize?: number;
  now: () => number;
  /** Called after each batch with the running counts. */
  onBatch?: (progress: RebuildResult) => void;
}

export interface RebuildResult {
  sessions: number;
  events: number;
  /** Sessions whose stored events differed from the derived ones (replaced); the others only gained events, if any. */
  replaced: number;
}

export async function rebuildSessions(store: Store, opts: RebuildOptions): Promise<RebuildResult> {
  const out: RebuildResult = { sessions: 0, events: 0, replaced: 0 };
  const size = opts.batchSize ?? 50;
  for (let after = 0; ;) {
    const pks = await store.transcriptEntries.sessionsWithEntries(after, size, opts.sessionId);
    for (const pk of pks) {
      const r = await deriveSession(store, pk, opts.now());
      if (!r) continue;
      out.sessions++;
      out.events += r.events;
      if (r.replaced) out.replaced++;
    }
    opts.onBatch?.({ ...out });
    if (pks.length < size) return out;
    after = pks[pks.length - 1]!;
  }
}
