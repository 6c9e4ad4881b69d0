// The "files changed" of a stored session: its file-editing tool calls, read page by page and folded per file.
import { createFilesChanged, type FileChange } from '../../src/core/render/files-changed.js';
import type { SessionRow } from '../db/repositories/index.js';
import type { Store } from '../db/store.js';
import { fromEventRow } from './event-rows.js';

const PAGE = 500;

/**
 * Only tool calls are read, in (agent_id, seq, id) keyset pages like the events repository's iterate(): a session
 * of any size costs one page of rows at a time plus the edits kept (bounded in core's fold).
 */
export async function sessionFilesChanged(repos: Store, row: SessionRow): Promise<FileChange[]> {
  const fold = createFilesChanged();
  let after: { agent: string; seq: number; id: number } | null = null;
  for (;;) {
    let q = repos.db
      .selectFrom('events')
      .selectAll()
      .where('session_pk', '=', row.pk)
      .where('kind', '=', 'tool_call');
    if (after) {
      const a = after;
      q = q.where((eb) =>
        eb.or([
          eb('agent_id', '>', a.agent),
          eb.and([eb('agent_id', '=', a.agent), eb('seq', '>', a.seq)]),
          eb.and([eb('agent_id', '=', a.agent), eb('seq', '=', a.seq), eb('id', '>', a.id)]),
        ]),
      );
    }
    const rows = await q.orderBy('agent_id').orderBy('seq').orderBy('id').limit(PAGE).execute();
    for (const r of rows) {
      const stored = fromEventRow(r);
      fold.add(stored.event, stored.seq);
    }
    if (rows.length < PAGE) return fold.result();
    const last = rows[rows.length - 1]!;
    after = { agent: last.agent_id, seq: Number(last.seq), id: Number(last.id) };
  }
}
