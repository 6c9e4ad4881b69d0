// A session that edits files with every file-changing tool (and types a slash command), for the diff page tests.
import type { Session, SessionEvent } from '../../src/core/model/session.js';
import { makeSession } from './fixtures.js';

const BIG = Array.from({ length: 120 }, (_, i) => `export const v${i} = ${i};`).join('\n');

/** The calls, each followed by its result; `seq` of the i-th call in the stored session is known to tests. */
export function editCalls(): SessionEvent[] {
  const calls: Array<{ name: string; input: unknown }> = [
    {
      name: 'Edit',
      input: {
        file_path: '/home/dev/retry-lib/src/retry.ts',
        old_string: 'await sleep(delay);\nif (Date.now() > deadline) throw last;',
        new_string: 'if (Date.now() + delay > deadline) throw last;\nawait sleep(delay);',
      },
    },
    {
      name: 'MultiEdit',
      input: {
        file_path: '/home/dev/retry-lib/src/retry.ts',
        edits: [
          { old_string: 'const MAX = 3;', new_string: 'const MAX = 5;' },
          { old_string: 'function retry(', new_string: 'export function retry(' },
        ],
      },
    },
    { name: 'Write', input: { file_path: '/home/dev/retry-lib/src/constants.ts', content: `${BIG}\n` } },
    {
      name: 'NotebookEdit',
      input: {
        notebook_path: '/home/dev/retry-lib/notes.ipynb',
        cell_id: 'cell-1',
        new_source: 'import retry\nprint(retry.MAX)',
        cell_type: 'code',
        edit_mode: 'replace',
      },
    },
  ];
  return calls.flatMap((c, i): SessionEvent[] => [
    { kind: 'tool_call', uuid: `edit-${i}`, toolUseId: `tu-edit-${i}`, name: c.name, input: c.input },
    {
      kind: 'tool_result',
      uuid: `edit-result-${i}`,
      toolUseId: `tu-edit-${i}`,
      content: `The file has been updated (${c.name}).`,
      isError: false,
    },
  ]);
}

/** One turn: a typed `/baton:start now` slash command, then the edits. */
export function editSession(title: string): Session {
  const s = makeSession({ title, prompts: ['placeholder'] });
  s.turns[0]!.events = [
    {
      kind: 'prompt',
      uuid: 'slash',
      text: '/baton:start now',
      command: { name: '/baton:start', args: 'now' },
    },
    ...editCalls(),
  ];
  return s;
}

/** What the files-changed page must total: retry.ts (Edit 1/1: a moved line; MultiEdit 2/2), constants.ts, notes.ipynb. */
export const EXPECTED_FILES = [
  { path: '/home/dev/retry-lib/src/retry.ts', added: 3, removed: 3, edits: 2 },
  { path: '/home/dev/retry-lib/src/constants.ts', added: 120, removed: 0, edits: 1 },
  { path: '/home/dev/retry-lib/notes.ipynb', added: 2, removed: 0, edits: 1 },
];
