// Transcript lines riding along with a push, an event append or an upload, stored in the write's own transaction.
import type { SessionEntryItem } from '../../src/core/api/index.js';
import type { Repositories } from '../db/repositories/index.js';

/** What an entries append did, summed over the files it touched. */
export interface StoredEntries {
  appended: number;
  duplicates: number;
}

/**
 * Stores transcript lines riding along with a write, grouped by file (each file keeps the items' order), in the
 * caller's transaction: the events and the entries of one request commit together or not at all.
 */
export async function storeEntries(
  repos: Repositories,
  sessionPk: number,
  items: readonly SessionEntryItem[],
  now: number,
): Promise<StoredEntries> {
  const byFile = new Map<string, Array<{ uuid: string | null; text: string }>>();
  for (const item of items) {
    const subKey = item.subKey ?? '';
    let list = byFile.get(subKey);
    if (list === undefined) byFile.set(subKey, (list = []));
    list.push(toNewEntry(item));
  }
  const out: StoredEntries = { appended: 0, duplicates: 0 };
  for (const [subKey, entries] of byFile) {
    const r = await repos.transcriptEntries.append(sessionPk, subKey, entries, now);
    out.appended += r.appended;
    out.duplicates += r.duplicates;
  }
  return out;
}

/** A request's line as the store keeps it: its uuid key, and the line's JSON text. */
export const toNewEntry = (e: {
  uuid?: string | null;
  line: unknown;
}): { uuid: string | null; text: string } => ({
  uuid: e.uuid ?? null,
  text: JSON.stringify(e.line),
});
