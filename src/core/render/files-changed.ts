// The "files changed" view of a session: every file edit, grouped by file in first-touched order, with +/- totals.
import type { SessionEvent } from '../model/session.js';
import { FILE_EDIT_TOOLS, fileEditOf, type FileEdit } from './file-edits.js';

export interface FileChangeEdit {
  seq: number;
  uuid: string;
  tool: string;
  edit: FileEdit;
}

export interface FileChange {
  path: string;
  edits: FileChangeEdit[];
  added: number;
  removed: number;
}

/** Diff lines kept over a whole session; past it, edits keep their counts and say their lines were left out. */
export const MAX_SESSION_LINES = 20_000;

export interface FilesChangedFold {
  /** One stored event; anything but a file-editing tool call is ignored. */
  add(event: SessionEvent, seq: number): void;
  result(): FileChange[];
}

/**
 * Folded one event at a time, so a huge session is read page by page (memory holds the edits, not the events).
 * Kept lines are bounded by `maxLines` over the whole session.
 */
export function createFilesChanged(maxLines = MAX_SESSION_LINES): FilesChangedFold {
  const files = new Map<string, FileChange>();
  let budget = maxLines;
  return {
    add(event, seq) {
      if (event.kind !== 'tool_call' || !FILE_EDIT_TOOLS.has(event.name)) return;
      const edit = fileEditOf(event);
      if (!edit) return;
      const kept = edit.hunks.reduce((n, h) => n + h.lines.length, 0);
      const shown =
        kept <= budget ? edit : { ...edit, hunks: [], omitted: edit.omitted + kept, note: edit.note };
      budget -= shown === edit ? kept : 0;
      let file = files.get(edit.path);
      if (!file) {
        file = { path: edit.path, edits: [], added: 0, removed: 0 };
        files.set(edit.path, file);
      }
      file.edits.push({ seq, uuid: event.uuid, tool: event.name, edit: shown });
      file.added += edit.added;
      file.removed += edit.removed;
    },
    result: () => [...files.values()],
  };
}

/** The files changed by these events, in one call (tests and small sessions). */
export function filesChanged(events: Iterable<{ seq: number; event: SessionEvent }>): FileChange[] {
  const fold = createFilesChanged();
  for (const e of events) fold.add(e.event, e.seq);
  return fold.result();
}
