// Transcript entries (issue 12): append and read a session's transcript lines, owner only.
import type {
  AppendEntriesRequest,
  AppendEntriesResponse,
  ListEntriesQuery,
  ListEntriesResponse,
  ListSubkeysResponse,
} from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import type { Repositories, SessionRow } from '../db/repositories/index.js';
import type { Store } from '../db/store.js';
import type { Caller, ServiceDeps } from './service-deps.js';
import { writeSession } from './session-writer.js';
import { toNewEntry } from './store-entries.js';
import { ownSession } from './sessions.js';

/**
 * The caller's session, created when the id is new: entries may arrive before (or without) any events. A session
 * born here is an Agent SDK SessionStore's ('session-store'): the tracker derives its events from its entries.
 */
async function sessionForWrite(
  repos: Repositories,
  caller: Caller,
  sessionId: string,
  now: number,
): Promise<SessionRow> {
  const found = await repos.sessions.lockByUserAndId(caller.userId, sessionId);
  if (found) return found;
  const result = await writeSession(
    repos,
    { userId: caller.userId, sessionId, items: [], source: 'session-store', pointerSource: 'session-store' },
    now,
  );
  return result.row;
}

/**
 * Sets the session's projectKey on its first keyed append; a different one later is refused (409). The claim is one
 * conditional UPDATE, so of two first appends with different keys exactly one wins, without holding a lock.
 */
async function checkProjectKey(store: Store, row: SessionRow, projectKey: string | undefined) {
  if (projectKey === undefined || row.project_key === projectKey) return;
  let held = row.project_key;
  if (held === null || held === undefined) {
    if (await store.sessions.claimProjectKey(Number(row.pk), projectKey)) return;
    held = (await store.sessions.findByPk(Number(row.pk)))?.project_key ?? null;
    if (held === projectKey) return;
  }
  throw BatonError.refusal('conflict', `session ${row.id} belongs to another projectKey`, {
    reason: 'project_key_mismatch',
    details: { projectKey: held ?? '' },
  });
}

/**
 * Outside any transaction: the lines go in as one atomic append (one statement on PostgreSQL), so 50 sessions
 * appending at once do not queue on session row locks or hold pooled connections across round trips.
 */
export async function appendEntries(
  deps: ServiceDeps,
  caller: Caller,
  sessionId: string,
  req: AppendEntriesRequest,
): Promise<AppendEntriesResponse> {
  const now = deps.now();
  const row =
    (await deps.store.sessions.findByUserAndId(caller.userId, sessionId)) ??
    (await deps.store.transaction((repos) => sessionForWrite(repos, caller, sessionId, now)));
  await checkProjectKey(deps.store, row, req.projectKey);
  const result = await deps.store.transcriptEntries
    .append(Number(row.pk), req.subKey, req.entries.map(toNewEntry), now)
    .catch((err: unknown) => {
      // The session was deleted between the unlocked read above and the append (the lines' foreign key refuses them):
      // as if the read had come second, a 404, not a 500.
      const code = (err as { code?: unknown }).code;
      if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
        throw new BatonError('not_found', `no session ${sessionId}`);
      throw err;
    });
  if (result.appended > 0) deps.derive.changed(row);
  return result;
}

export async function listEntries(
  deps: ServiceDeps,
  caller: Caller,
  sessionId: string,
  query: ListEntriesQuery,
): Promise<ListEntriesResponse> {
  const row = await ownSession(deps.store, caller, sessionId);
  // One more than asked tells whether another page follows.
  const rows = await deps.store.transcriptEntries.load(row.pk, query.subKey, {
    afterSeq: query.after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    entries: page.map((r) => ({
      seq: r.seq,
      uuid: r.uuid,
      line: JSON.parse(r.text) as Record<string, unknown>,
    })),
    next: rows.length > query.limit ? page[page.length - 1]!.seq : null,
  };
}

/** Rows per query of the JSONL download: a few MB of lines per read, well under any parameter or memory limit. */
export const JSONL_ROWS = 2000;
const NEWLINE = Buffer.from('\n');

/**
 * One transcript file as JSONL: each stored line's bytes exactly as kept, then '\n', in seq order. The caller's
 * ownership is checked before anything is sent (404 otherwise); then the rows are read `rows` at a time (keyset on
 * seq), inflated and passed on as bytes, never parsed. Pull-based: a slow reader slows the reads down, and the next
 * chunk is read while the previous one is on its way.
 */
export async function streamEntries(
  deps: ServiceDeps,
  caller: Caller,
  sessionId: string,
  subKey: string,
  rows = JSONL_ROWS,
): Promise<ReadableStream<Uint8Array>> {
  const row = await ownSession(deps.store, caller, sessionId);
  const read = (afterSeq: number) => {
    const page = deps.store.transcriptEntries.loadBytes(row.pk, subKey, { afterSeq, limit: rows });
    // A page read ahead for a reader that has left fails nowhere visible; pull() still sees every failure.
    page.catch(() => undefined);
    return page;
  };
  let next: ReturnType<typeof read> | null = read(0);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const page = await next!;
        // A short page is the last one: no query is spent on finding out.
        next = page.length === rows ? read(page[page.length - 1]!.seq) : null;
        if (page.length > 0) controller.enqueue(Buffer.concat(page.flatMap((r) => [r.bytes, NEWLINE])));
        if (next === null) controller.close();
      } catch (err) {
        controller.error(err);
      }
    },
    cancel() {
      next = null;
    },
  });
}

export async function listSubkeys(
  deps: ServiceDeps,
  caller: Caller,
  sessionId: string,
): Promise<ListSubkeysResponse> {
  const row = await ownSession(deps.store, caller, sessionId);
  return { subKeys: await deps.store.transcriptEntries.listSubkeys(row.pk) };
}
