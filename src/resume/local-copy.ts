// What a transcript already on this machine holds, against the tracker's copy: never replace newer local work.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';

export interface LocalFacts {
  lines: number;
  uuids: Set<string>;
}

/** Lines and uuids of the file at `path`, or null when there is none. Blank lines are not lines. */
export async function readLocalFacts(path: string): Promise<LocalFacts | null> {
  try {
    if (!(await stat(path)).isFile()) return null;
  } catch {
    return null;
  }
  const facts: LocalFacts = { lines: 0, uuids: new Set() };
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    facts.lines++;
    try {
      const rec = JSON.parse(line) as { uuid?: unknown } | null;
      if (rec && typeof rec.uuid === 'string') facts.uuids.add(rec.uuid);
    } catch {
      // A torn or foreign line still counts as a line the tracker may lack.
    }
  }
  return facts;
}

/**
 * absent: nothing here. newer: the local file has lines the tracker's copy lacks (an unknown uuid, or more lines):
 * replacing it would lose work. same: it holds every entry the tracker has, and no more: left as it is (on the
 * machine that wrote it, it is the original, before redaction). older: a part of the tracker's copy: replaced.
 */
export type LocalState = 'absent' | 'newer' | 'same' | 'older';

export function compareLocal(
  local: LocalFacts | null,
  remote: { lines: number; uuids: Set<string> },
): LocalState {
  if (!local) return 'absent';
  for (const u of local.uuids) if (!remote.uuids.has(u)) return 'newer';
  if (local.lines > remote.lines) return 'newer';
  if (local.lines === remote.lines && local.uuids.size === remote.uuids.size) return 'same';
  return 'older';
}
