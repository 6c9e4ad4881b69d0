// Fetches one transcript file of a session from the tracker into a staged (not yet visible) file: pages of 1000
// entries, the next page requested while the current one is written, each line written once as it came (cwd mapped).
import type { TrackerClient } from '../client/index.js';
import { openAtomicFile, type AtomicFile } from '../core/fs/write-atomic.js';
import { rewriteCwd, type TargetDir } from './target-dir.js';

export const PAGE = 1000;

export interface StagedFile {
  subKey: string;
  file: AtomicFile;
  /** Lines written. */
  lines: number;
  /** The uuids of the lines that had one. */
  uuids: Set<string>;
}

type EntriesClient = Pick<TrackerClient['sessions'], 'listEntries'>;

/**
 * Stages `subKey` of `sessionId` at `path`; the caller commits or aborts it. Memory holds two pages at most, and
 * the work is linear in the file's size.
 */
export async function stageFile(
  sessions: EntriesClient,
  sessionId: string,
  subKey: string,
  path: string,
  rewrite: TargetDir['rewrite'],
): Promise<StagedFile> {
  const file = await openAtomicFile(path, { mode: 0o600 });
  const staged: StagedFile = { subKey, file, lines: 0, uuids: new Set() };
  let pending = sessions.listEntries(sessionId, { subKey, after: 0, limit: PAGE });
  try {
    for (;;) {
      const page = await pending;
      // Pipelining: the next page is on its way while this one is mapped and written.
      if (page.next !== null)
        pending = sessions.listEntries(sessionId, { subKey, after: page.next, limit: PAGE });
      let chunk = '';
      for (const e of page.entries) {
        if (e.uuid !== null) staged.uuids.add(e.uuid);
        chunk += `${JSON.stringify(rewriteCwd(e.line, rewrite))}\n`;
      }
      staged.lines += page.entries.length;
      if (chunk) await staged.file.write(chunk);
      if (page.next === null) break;
    }
    return staged;
  } catch (err) {
    pending.catch(() => undefined); // a page still in flight must not surface as an unhandled rejection
    await file.abort();
    throw err;
  }
}
