// Rule (issue #11): the tracker client classifies failures by code and reason, never by matching message text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FILES = [
  ...readdirSync('src/client')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join('src/client', f)),
  'src/handoff/tracker-sync.ts',
];

/**
 * A message (ours, the server's, an Error's) read with a text test (includes, match, startsWith…), lower-cased for
 * one, or fed to a regex's test().
 */
const MESSAGE_MATCH =
  /message\b[^;\n]*\.(?:includes|match|test|startsWith|endsWith|indexOf|search|toLowerCase|toUpperCase)\(|\.test\([^;\n]*message/i;

describe('src/client never branches on message text', () => {
  it.each(FILES)('%s', (file) => {
    const offending = readFileSync(file, 'utf8')
      .split('\n')
      .map((line, i) => ({ line: line.trim(), n: i + 1 }))
      .filter(({ line }) => !line.startsWith('//') && !line.startsWith('*') && MESSAGE_MATCH.test(line));
    expect(offending).toEqual([]);
  });

  it('catches the pattern it is meant to catch', () => {
    for (const bad of [
      "const m = (serverMessage ?? '').toLowerCase();",
      "if (err.message.includes('expired')) return",
      '/timeout/i.test((err as Error).message)',
      'body.message.match(/revoked/)',
    ])
      expect(MESSAGE_MATCH.test(bad), bad).toBe(true);
  });
});
