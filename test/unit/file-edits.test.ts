// File edits as diffs: what each file-changing tool's input becomes, and the per-file totals of a session.
import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../src/core/model/session.js';
import { diffText } from '../../src/core/render/diff-tree.js';
import {
  MAX_DIFF_CHARS,
  MAX_EDIT_LINES,
  MAX_LINE_CHARS,
  fileEditOf,
  type FileEdit,
} from '../../src/core/render/file-edits.js';
import { createFilesChanged, filesChanged } from '../../src/core/render/files-changed.js';

const lines = (e: FileEdit) => e.hunks.flatMap((h) => h.lines.map((l) => `${l.kind}:${l.text}`));

describe('fileEditOf', () => {
  it('Edit: context, removed and added lines of the fragment, counted', () => {
    const e = fileEditOf({
      name: 'Edit',
      input: { file_path: '/r/src/a.ts', old_string: 'a\nb\nc', new_string: 'a\nB\nc\nd' },
    })!;
    expect(e).toMatchObject({ path: '/r/src/a.ts', kind: 'edit', lang: 'typescript', added: 2, removed: 1 });
    expect(lines(e)).toEqual(['ctx:a', 'del:b', 'add:B', 'ctx:c', 'add:d']);
    // A fragment's line numbers are not the file's: none are given.
    expect(e.absoluteLines).toBe(false);
    expect(e.hunks[0]!.lines.every((l) => l.oldNo === undefined && l.newNo === undefined)).toBe(true);
  });

  it('Edit with replace_all says every occurrence was replaced', () => {
    const e = fileEditOf({
      name: 'Edit',
      input: { file_path: 'x.py', old_string: 'foo', new_string: 'bar', replace_all: true },
    })!;
    expect(e.note).toBe('Every occurrence replaced.');
    expect(lines(e)).toEqual(['del:foo', 'add:bar']);
    const once = fileEditOf({
      name: 'Edit',
      input: { file_path: 'x.py', old_string: 'foo', new_string: 'bar' },
    })!;
    expect(once.note).toBeUndefined();
  });

  it('MultiEdit: every edit, in the order given', () => {
    const e = fileEditOf({
      name: 'MultiEdit',
      input: {
        file_path: 'm.go',
        edits: [
          { old_string: 'first', new_string: 'FIRST' },
          { old_string: 'second', new_string: 'SECOND' },
          { old_string: 'third', new_string: '' },
        ],
      },
    })!;
    expect(e.lang).toBe('go');
    expect(lines(e)).toEqual(['del:first', 'add:FIRST', 'del:second', 'add:SECOND', 'del:third']);
    expect([e.added, e.removed]).toEqual([2, 3]);
  });

  it('Write: the whole file as added lines, numbered from 1', () => {
    const e = fileEditOf({ name: 'Write', input: { file_path: 'n.rs', content: 'fn main() {\n}\n' } })!;
    expect(e).toMatchObject({ kind: 'write', lang: 'rust', added: 2, removed: 0, absoluteLines: true });
    expect(e.hunks[0]!.lines.map((l) => l.newNo)).toEqual([1, 2]);
    expect(diffText(e)).toBe('@@ -0,0 +1,2 @@\n+fn main() {\n+}\n');
  });

  it('NotebookEdit: a replaced cell as added lines; a deleted cell as a note', () => {
    const e = fileEditOf({
      name: 'NotebookEdit',
      input: {
        notebook_path: 'a.ipynb',
        cell_id: 'c1',
        new_source: 'import os\nos.getcwd()',
        cell_type: 'code',
      },
    })!;
    expect(e).toMatchObject({ kind: 'notebook', lang: 'python', added: 2, note: 'Cell replaced (cell c1).' });
    const md = fileEditOf({
      name: 'NotebookEdit',
      input: { notebook_path: 'a.ipynb', new_source: '# T', cell_type: 'markdown', edit_mode: 'insert' },
    })!;
    expect(md).toMatchObject({ lang: 'markdown', note: 'New cell.' });
    const del = fileEditOf({
      name: 'NotebookEdit',
      input: { notebook_path: 'a.ipynb', cell_id: 'c2', new_source: '', edit_mode: 'delete' },
    })!;
    expect(del).toMatchObject({ hunks: [], added: 0, removed: 0, note: 'Cell deleted.' });
  });

  it('CRLF text: lines carry no carriage return and count as LF text would', () => {
    const e = fileEditOf({
      name: 'Edit',
      input: { file_path: 'w.c', old_string: 'a\r\nb\r\nc\r\n', new_string: 'a\r\nB\r\nc\r\n' },
    })!;
    expect(lines(e)).toEqual(['ctx:a', 'del:b', 'add:B', 'ctx:c']);
    const w = fileEditOf({ name: 'Write', input: { file_path: 'w.c', content: 'x\r\ny\r\n' } })!;
    expect(lines(w)).toEqual(['add:x', 'add:y']);
  });

  it('no trailing newline: silent when both sides lack it, a note when only one does', () => {
    const both = fileEditOf({ name: 'Edit', input: { file_path: 'a', old_string: 'x', new_string: 'y' } })!;
    expect(lines(both)).toEqual(['del:x', 'add:y']);
    const one = fileEditOf({ name: 'Edit', input: { file_path: 'a', old_string: 'x\n', new_string: 'x' } })!;
    expect(lines(one)).toContain('note:No newline at end of file');
  });

  it('huge inputs: whole counts, kept lines and line length bounded, no O(N·D) diff', () => {
    const big = Array.from({ length: 50_000 }, (_, i) => `line ${i}`).join('\n');
    const w = fileEditOf({ name: 'Write', input: { file_path: 'big.txt', content: big } })!;
    expect(w.added).toBe(50_000);
    expect(lines(w)).toHaveLength(MAX_EDIT_LINES);
    expect(w.omitted).toBe(50_000 - MAX_EDIT_LINES);
    expect(diffText(w)).toContain(`${50_000 - MAX_EDIT_LINES} more lines not shown`);
    // Over MAX_DIFF_CHARS: everything removed, then everything added, without diffing.
    const old = 'a\n'.repeat(MAX_DIFF_CHARS / 2);
    const e = fileEditOf({
      name: 'Edit',
      input: { file_path: 'b', old_string: old, new_string: `${old}b\n` },
    })!;
    expect([e.removed, e.added]).toEqual([MAX_DIFF_CHARS / 2, MAX_DIFF_CHARS / 2 + 1]);
    const long = fileEditOf({ name: 'Write', input: { file_path: 'min.js', content: 'x'.repeat(100_000) } })!;
    expect(long.hunks[0]!.lines[0]!.text.length).toBe(MAX_LINE_CHARS + 1);
  });

  it('other tools, missing paths and odd inputs give null; the language is only ever from the fixed table', () => {
    expect(fileEditOf({ name: 'Bash', input: { command: 'ls' } })).toBeNull();
    expect(fileEditOf({ name: 'Edit', input: { old_string: 'a', new_string: 'b' } })).toBeNull();
    expect(fileEditOf({ name: 'Write', input: 'not an object' })).toBeNull();
    expect(fileEditOf({ name: 'Write', input: ['x'] })).toBeNull();
    for (const p of ['a.constructor', 'a.toString', 'a."><script>', 'a.evil language-x', 'Makefile'])
      expect(fileEditOf({ name: 'Write', input: { file_path: p, content: 'x' } })!.lang).toBeUndefined();
  });
});

describe('filesChanged', () => {
  const call = (uuid: string, name: string, input: unknown): SessionEvent => ({
    kind: 'tool_call',
    uuid,
    toolUseId: `t-${uuid}`,
    name,
    input,
  });

  it('groups edits per file in first-touched order, with totals and the seq of each edit', () => {
    const files = filesChanged([
      { seq: 1, event: { kind: 'prompt', uuid: 'p', text: 'go' } },
      { seq: 2, event: call('a', 'Write', { file_path: 'src/a.ts', content: '1\n2\n3\n' }) },
      { seq: 3, event: call('b', 'Read', { file_path: 'src/b.ts' }) },
      { seq: 4, event: call('c', 'Edit', { file_path: 'src/b.ts', old_string: 'x', new_string: 'y' }) },
      { seq: 5, event: call('d', 'Edit', { file_path: 'src/a.ts', old_string: '2', new_string: 'two\n2b' }) },
    ]);
    expect(files.map((f) => [f.path, f.added, f.removed, f.edits.map((e) => [e.seq, e.tool])])).toEqual([
      [
        'src/a.ts',
        5,
        1,
        [
          [2, 'Write'],
          [5, 'Edit'],
        ],
      ],
      ['src/b.ts', 1, 1, [[4, 'Edit']]],
    ]);
  });

  it('bounds the lines kept over a session; the counts stay whole', () => {
    const fold = createFilesChanged(10);
    const content = 'l\n'.repeat(8);
    fold.add(call('a', 'Write', { file_path: 'a', content }), 1);
    fold.add(call('b', 'Write', { file_path: 'b', content }), 2);
    const [a, b] = fold.result();
    expect(a!.edits[0]!.edit.hunks).toHaveLength(1);
    expect(b!.edits[0]!.edit).toMatchObject({ hunks: [], omitted: 8, added: 8 });
    expect(b!.added).toBe(8);
  });
});
