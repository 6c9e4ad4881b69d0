// What an Edit, MultiEdit, Write or NotebookEdit call did to a file, as unified-diff hunks (jsdiff), and the
// per-file totals of a whole session, folded one event at a time.
import { structuredPatch } from 'diff';
import { languageForPath } from './languages.js';

export type DiffLineKind = 'add' | 'del' | 'ctx' | 'note';

export interface DiffLine {
  kind: DiffLineKind;
  /** The line without its marker or line ending. */
  text: string;
  /** Line numbers, only when they are the file's own (a Write shows the whole file). */
  oldNo?: number;
  newNo?: number;
}

export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: DiffLine[];
}

export type FileEditKind = 'edit' | 'write' | 'notebook';

export interface FileEdit {
  path: string;
  kind: FileEditKind;
  /** A highlight.js language from the fixed extension table (never session text), when known. */
  lang?: string;
  hunks: Hunk[];
  /** Whole counts, also when lines were left out of `hunks`. */
  added: number;
  removed: number;
  /** Lines counted but not kept (huge inputs): the renderers say so. */
  omitted: number;
  /** Hunk line numbers are the file's (Write), not the edited fragment's (Edit). */
  absoluteLines: boolean;
  /** A remark of this module ("Every occurrence replaced."), shown as text only. */
  note?: string;
}

/** Lines kept per edit; the counts stay whole. Bounds memory and page size for generated or minified files. */
export const MAX_EDIT_LINES = 2_000;
/** One line longer than this is cut (a minified bundle is one line). */
export const MAX_LINE_CHARS = 2_000;
/** Inputs longer than this are not diffed (jsdiff is O(N·D)): shown as all removed, then all added. */
export const MAX_DIFF_CHARS = 400_000;
/** jsdiff gives up past this many changed lines; the same fallback applies (deterministic, unlike a timeout). */
const MAX_EDIT_LENGTH = 4_000;
const CONTEXT = 3;

const str = (o: Record<string, unknown>, k: string): string | undefined =>
  typeof o[k] === 'string' ? o[k] : undefined;

function cut(text: string): string {
  return text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)}…` : text;
}

/** Lines of a text, CRLF or LF, not counting one trailing line ending. */
function splitLines(s: string): string[] {
  if (s === '') return [];
  const lines = s.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Hunks being built for one FileEdit, keeping at most MAX_EDIT_LINES lines. */
class HunkSink {
  hunks: Hunk[] = [];
  added = 0;
  removed = 0;
  omitted = 0;
  private kept = 0;

  push(h: Omit<Hunk, 'lines'>, lines: Iterable<DiffLine>): void {
    const hunk: Hunk = { ...h, lines: [] };
    for (const l of lines) {
      if (l.kind === 'add') this.added++;
      else if (l.kind === 'del') this.removed++;
      if (this.kept >= MAX_EDIT_LINES) this.omitted++;
      else {
        hunk.lines.push(l.text.length > MAX_LINE_CHARS ? { ...l, text: cut(l.text) } : l);
        this.kept++;
      }
    }
    if (hunk.lines.length) this.hunks.push(hunk);
  }
}

function* numbered(kind: 'add' | 'del', lines: string[], absolute: boolean): Iterable<DiffLine> {
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (!absolute) yield { kind, text };
    else yield kind === 'add' ? { kind, text, newNo: i + 1 } : { kind, text, oldNo: i + 1 };
  }
}

/** Everything removed, then everything added: what a diff too big to compute, or a new file, looks like. */
function wholeSides(sink: HunkSink, oldText: string, newText: string, absolute: boolean): void {
  const oldLines = splitLines(oldText);
  const newLines = splitLines(newText);
  sink.push(
    { oldStart: oldLines.length ? 1 : 0, oldLines: oldLines.length, newStart: 1, newLines: newLines.length },
    [...numbered('del', oldLines, absolute), ...numbered('add', newLines, absolute)],
  );
}

function* parsed(
  lines: string[],
  h: { oldStart: number; newStart: number },
  absolute: boolean,
): Iterable<DiffLine> {
  let o = h.oldStart;
  let n = h.newStart;
  for (const raw of lines) {
    const m = raw[0];
    const text = raw.slice(1);
    if (m === '\\') yield { kind: 'note', text: 'No newline at end of file' };
    else if (m === '+') yield absolute ? { kind: 'add', text, newNo: n++ } : { kind: 'add', text };
    else if (m === '-') yield absolute ? { kind: 'del', text, oldNo: o++ } : { kind: 'del', text };
    else yield absolute ? { kind: 'ctx', text, oldNo: o++, newNo: n++ } : { kind: 'ctx', text };
  }
}

/** One old → new replacement into `sink`: a real diff when affordable, else the whole-sides fallback. */
function diffInto(sink: HunkSink, oldText: string, newText: string, absolute: boolean): void {
  // Edit fragments rarely end in a newline; both lacking one is no change worth a "\ No newline" line.
  const bare = !/\n$/.test(oldText) && !/\n$/.test(newText);
  const a = bare && oldText !== '' ? `${oldText}\n` : oldText;
  const b = bare && newText !== '' ? `${newText}\n` : newText;
  const patch =
    a.length + b.length <= MAX_DIFF_CHARS
      ? structuredPatch('a', 'b', a, b, undefined, undefined, {
          context: CONTEXT,
          stripTrailingCr: true,
          maxEditLength: MAX_EDIT_LENGTH,
        })
      : undefined;
  if (!patch) return wholeSides(sink, oldText, newText, absolute);
  for (const h of patch.hunks) sink.push(h, parsed(h.lines, h, absolute));
}

function finish(
  sink: HunkSink,
  base: { path: string; kind: FileEditKind; lang?: string; absoluteLines: boolean; note?: string },
): FileEdit {
  const edit: FileEdit = {
    path: base.path,
    kind: base.kind,
    hunks: sink.hunks,
    added: sink.added,
    removed: sink.removed,
    omitted: sink.omitted,
    absoluteLines: base.absoluteLines,
  };
  if (base.lang !== undefined) edit.lang = base.lang;
  if (base.note !== undefined) edit.note = base.note;
  return edit;
}

/** The tools that change files. */
export const FILE_EDIT_TOOLS: ReadonlySet<string> = new Set(['Edit', 'MultiEdit', 'Write', 'NotebookEdit']);

/**
 * The change an Edit, MultiEdit, Write or NotebookEdit call asked for, or null for any other call (or an input
 * without a path). A Write is shown as a whole new file, all lines added: the session does not reliably hold the
 * file's earlier content (Reads are cut, edits happen outside it), and a diff against a guess would mislead.
 */
export function fileEditOf(call: { name: string; input: unknown }): FileEdit | null {
  if (!FILE_EDIT_TOOLS.has(call.name)) return null;
  const input = call.input;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return null;
  const o = input as Record<string, unknown>;
  const path = str(o, 'file_path') ?? str(o, 'notebook_path');
  if (path === undefined) return null;
  const lang = languageForPath(path);
  const sink = new HunkSink();
  switch (call.name) {
    case 'Edit': {
      diffInto(sink, str(o, 'old_string') ?? '', str(o, 'new_string') ?? '', false);
      const note = o.replace_all === true ? 'Every occurrence replaced.' : undefined;
      return finish(sink, { path, kind: 'edit', lang, absoluteLines: false, note });
    }
    case 'MultiEdit': {
      const edits = Array.isArray(o.edits) ? (o.edits as unknown[]) : [];
      // In the order given: that is the order Claude Code applies them.
      for (const e of edits) {
        if (e === null || typeof e !== 'object') continue;
        const r = e as Record<string, unknown>;
        diffInto(sink, str(r, 'old_string') ?? '', str(r, 'new_string') ?? '', false);
      }
      return finish(sink, { path, kind: 'edit', lang, absoluteLines: false });
    }
    case 'Write':
      wholeSides(sink, '', str(o, 'content') ?? '', true);
      return finish(sink, { path, kind: 'write', lang, absoluteLines: true, note: 'Whole file written.' });
    default:
      return notebookEdit(sink, o, path);
  }
}

function notebookEdit(sink: HunkSink, o: Record<string, unknown>, path: string): FileEdit {
  const mode = str(o, 'edit_mode') ?? 'replace';
  // A notebook cell has no extension: markdown cells are Markdown, code cells almost always Python.
  const lang = str(o, 'cell_type') === 'markdown' ? 'markdown' : 'python';
  const cell = str(o, 'cell_id');
  if (mode === 'delete')
    return finish(sink, { path, kind: 'notebook', lang, absoluteLines: false, note: 'Cell deleted.' });
  wholeSides(sink, '', str(o, 'new_source') ?? '', true);
  const what = mode === 'insert' ? 'New cell' : 'Cell replaced';
  return finish(sink, {
    path,
    kind: 'notebook',
    lang,
    absoluteLines: true,
    note: cell === undefined ? `${what}.` : `${what} (cell ${oneWord(cell)}).`,
  });
}

/** A cell id is session text: kept short and plain, it is only ever a text node. */
function oneWord(s: string): string {
  const w = s.replace(/\s+/g, ' ').trim();
  return w.length > 40 ? `${w.slice(0, 40)}…` : w;
}
