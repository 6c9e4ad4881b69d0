// A file edit as a render tree (a unified diff, one row per line) and as plain unified-diff text for md/txt exports.
import type { DiffLine, FileEdit, Hunk } from './file-edits.js';
import { codeLine, h, type RenderElement, type RenderNode } from './tree.js';

/** Diffs up to this many shown lines start open; longer ones start folded. */
export const OPEN_DIFF_LINES = 40;

const MARK: Record<DiffLine['kind'], string> = { add: '+', del: '−', ctx: ' ', note: '\\' };

export function shownLines(edit: FileEdit): number {
  let n = 0;
  for (const hunk of edit.hunks) n += hunk.lines.length;
  return n;
}

/** `open` for a small diff's <details>, nothing for a large one. */
export function openIfSmall(edit: FileEdit): '' | undefined {
  return shownLines(edit) <= OPEN_DIFF_LINES ? '' : undefined;
}

/** "+3 −1", each count in its own span for colour. */
export function diffStat(added: number, removed: number): RenderElement {
  return h(
    'span',
    { class: 'diffstat' },
    h('span', { class: 'd-add' }, `+${added}`),
    ' ',
    h('span', { class: 'd-del' }, `−${removed}`),
  );
}

function row(line: DiffLine, edit: FileEdit): RenderElement {
  const numbers: RenderNode[] = edit.absoluteLines
    ? [
        h('span', { class: 'ln' }, line.oldNo === undefined ? '' : String(line.oldNo)),
        h('span', { class: 'ln' }, line.newNo === undefined ? '' : String(line.newNo)),
      ]
    : [];
  // The language comes from the fixed extension table in file-edits.ts; notes are never highlighted.
  const text = line.kind === 'note' ? line.text : codeLine(line.text, edit.lang ?? '');
  return h(
    'div',
    { class: `dl d-${line.kind}` },
    ...numbers,
    h('span', { class: 'mk' }, MARK[line.kind]),
    text,
  );
}

function hunkHead(hunk: Hunk, edit: FileEdit, index: number): RenderElement | undefined {
  if (edit.absoluteLines)
    return h(
      'div',
      { class: 'dl d-hunk' },
      `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
    );
  // An edit's numbers are the fragment's, not the file's: only a separator between its hunks.
  return index > 0 ? h('div', { class: 'dl d-hunk' }, '⋯') : undefined;
}

/** The diff body: an optional note, the hunks, and how many lines were left out. */
export function diffTree(edit: FileEdit): RenderElement {
  return h(
    'div',
    { class: edit.absoluteLines ? 'diff numbered' : 'diff' },
    edit.note !== undefined && h('p', { class: 'diff-note' }, edit.note),
    ...edit.hunks.map((hunk, i) =>
      h('div', { class: 'hunk' }, hunkHead(hunk, edit, i), ...hunk.lines.map((l) => row(l, edit))),
    ),
    edit.omitted > 0 && h('p', { class: 'diff-note' }, `${edit.omitted} more lines not shown.`),
  );
}

const TEXT_MARK: Record<DiffLine['kind'], string> = { add: '+', del: '-', ctx: ' ', note: '\\ ' };

/** Unified-diff text (`@@` headers, +/-/space markers) for a ```diff block or an indented text block. */
export function diffText(edit: FileEdit): string {
  let out = '';
  for (const hunk of edit.hunks) {
    out += edit.absoluteLines
      ? `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@\n`
      : '@@\n';
    for (const l of hunk.lines) out += `${TEXT_MARK[l.kind]}${l.text}\n`;
  }
  if (edit.omitted > 0) out += `… ${edit.omitted} more lines not shown\n`;
  return out;
}
