// Transcript entries (issue 12): append and read a session's transcript lines, owner only.
import type {
  AppendEntriesRequest,
  AppendEntriesResponse,
  ListEntriesQuery,
  ListEntriesResponse,
  ListSubkeysResponse,
} from '../../src/core/api/index.js';
import type { SessionRow } from '../db/repositories/index.js';
import type { Caller, ServiceDeps } from './service-deps.js';
import { writeSession } from './session-writer.js';
import { ownSession } from './sessions.js';

/**
 * The caller's session, created when the id is new, as appending events or ingest does: entries may arrive before
 * (or without) the session's events.
 */
async function sessionForWrite(deps: ServiceDeps, caller: Caller, sessionId: string): Promise<SessionRow> {
  const found = await deps.store.sessions.findByUserAndId(caller.userId, sessionId);
  if (found) return found;
  const result = await deps.store.transaction((repos) =>
    writeSession(
      repos,
      { userId: caller.userId, sessionId, items: [], source: 'cli-stream', pointerSource: 'cli-stream' },
      deps.now(),
    ),
  );
  return result.row;
}

export async function appendEntries(
  deps: ServiceDeps,
  caller: Caller,
  sessionId: string,
  req: AppendEntriesRequest,
): Promise<AppendEntriesResponse> {
  const row = await sessionForWrite(deps, caller, sessionId);
  return deps.store.transcriptEntries.append(
    row.pk,
    req.subKey,
    req.entries.map((e) => ({ uuid: e.uuid ?? null, text: JSON.stringify(e.line) })),
    deps.now(),
  );
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

export async function listSubkeys(
  deps: ServiceDeps,
  caller: Caller,
  sessionId: string,
): Promise<ListSubkeysResponse> {
  const row = await ownSession(deps.store, caller, sessionId);
  return { subKeys: await deps.store.transcriptEntries.listSubkeys(row.pk) };
}
