// plugin/ is what a marketplace install copies (issue 13: not the whole clone). The validator reads plugin.json and
// hooks.json only as regular files, so plugin/ holds copies of those two: they must not drift from the root's.
import { readFileSync, readdirSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..', '..');

it.each(['.claude-plugin/plugin.json', 'hooks/hooks.json'])('plugin/%s is the same as the root one', (f) => {
  expect(readFileSync(join(repo, 'plugin', f), 'utf8')).toBe(readFileSync(join(repo, f), 'utf8'));
});

it('every other entry of plugin/ links to the runtime file of the same name in the repository', () => {
  for (const name of readdirSync(join(repo, 'plugin')).filter((n) => n !== '.claude-plugin' && n !== 'hooks'))
    expect(realpathSync(join(repo, 'plugin', name)), name).toBe(realpathSync(join(repo, name)));
});
