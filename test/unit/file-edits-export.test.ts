// File edits in the Markdown and text exports: a ```diff block / an indented unified diff instead of input JSON.
import { expect, it } from 'vitest';
import { renderSession } from '../../src/core/export/index.js';
import { editSession } from '../browser/diff-fixtures.js';

it('Markdown shows each file edit as a ```diff block with its +/- counts; the results still follow', () => {
  const md = renderSession(editSession('Edits'), 'md');
  expect(md).toContain('<summary>🔧 Edit: /home/dev/retry-lib/src/retry.ts (+1 −1)</summary>');
  expect(md).toContain(
    '```diff\n@@\n+if (Date.now() + delay > deadline) throw last;\n await sleep(delay);\n-if (Date.now() > deadline) throw last;\n```',
  );
  expect(md).toContain('```diff\n@@ -0,0 +1,120 @@\n+export const v0 = 0;\n');
  expect(md).not.toContain('"old_string"');
  expect(md.match(/📤 Result from (Edit|MultiEdit|Write|NotebookEdit)/g)).toHaveLength(4);
});

it('text shows each file edit as an indented unified diff', () => {
  const txt = renderSession(editSession('Edits'), 'txt');
  expect(txt).toMatch(
    /TOOL CALL MultiEdit\(\/home\/dev\/retry-lib\/src\/retry\.ts\) \+2 -2\n\s+@@\n\s+-const MAX = 3;\n\s+\+const MAX = 5;/,
  );
  expect(txt).not.toContain('"new_string"');
});
