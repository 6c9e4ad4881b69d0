// baton resume writes each line the tracker sends as it is, with only the record's own cwd mapped and its uuid noted,
// found in the text without parsing: the result must be what parsing, rewriteCwd and JSON.stringify would give.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { mapLine, topLevelFields } from '../../src/resume/download.js';
import { rewriteCwd } from '../../src/resume/target-dir.js';

const rewrite = { from: '/home/dev/proj', to: '/w/checkout' };

/** What resume wrote before the texts were kept as they are: parse, map, stringify. */
const reference = (text: string) =>
  JSON.stringify(rewriteCwd(JSON.parse(text) as Record<string, unknown>, rewrite));

const tricky: unknown[] = [
  { parentUuid: null, cwd: '/home/dev/proj', uuid: 'a' },
  // Nested cwd and uuid keys before the record's own: only the top-level ones count.
  {
    message: { cwd: '/home/dev/proj', uuid: 'nested' },
    toolUseResult: [{ cwd: '/home/dev/proj' }],
    cwd: '/home/dev/proj/sub',
    uuid: 'b',
  },
  // ... and after it (a walk that took the last one seen would pick these).
  { cwd: '/home/dev/proj/a', uuid: 'h', message: { cwd: '/home/dev/proj/z', uuid: 'nested-after' } },
  // The pattern inside a string value (its quotes escaped), and braces inside strings.
  { text: '"cwd":"/home/dev/proj" {[ ]} \\"', cwd: '/home/dev/proj', uuid: 'c' },
  // A sibling path is not below `from`; a path with characters JSON escapes; a non-string cwd; no cwd at all.
  { cwd: '/home/dev/project', uuid: 'd' },
  { cwd: '/home/dev/proj/dir "quoted" \\ back\u0000 é', uuid: 'e\u2028"' },
  { cwd: null, uuid: 'f' },
  { cwd: 42 },
  { type: 'summary', leafUuid: 'x' },
  { uuids: ['g'], cwdx: '/home/dev/proj', uuid: '' },
  { a: { b: { c: [{ d: '}' }] } }, cwd: '/home/dev/proj' },
];

test('the mapped text equals parse + rewriteCwd + stringify, and the uuids are the records own', () => {
  for (const value of tricky) {
    const text = JSON.stringify(value);
    const uuids = new Set<string>();
    expect({ text, out: mapLine(text, rewrite, uuids) }).toEqual({ text, out: reference(text) });
    const own = (value as { uuid?: unknown }).uuid;
    expect([...uuids]).toEqual(typeof own === 'string' ? [own] : []);
  }
});

test('a recorded transcript comes out as before, line for line; unmapped lines are the same string', () => {
  const lines = readFileSync('test/fixtures/transcripts/recorded/multi-turn-bash-resume.jsonl', 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.stringify(JSON.parse(l)));
  const fixtureRewrite = {
    from: (JSON.parse(lines.find((l) => l.includes('"cwd"'))!) as { cwd: string }).cwd,
    to: '/x',
  };
  for (const text of lines) {
    const uuids = new Set<string>();
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(mapLine(text, fixtureRewrite, uuids)).toBe(JSON.stringify(rewriteCwd(parsed, fixtureRewrite)));
    expect([...uuids]).toEqual(typeof parsed.uuid === 'string' ? [parsed.uuid] : []);
    expect(mapLine(text, null, null)).toBe(text);
  }
});

test('a text the walk cannot read is parsed: a broken line fails as it always did', () => {
  expect(topLevelFields('[1]')).toBeNull();
  expect(topLevelFields('{"cwd":"unterminated')).toBeNull();
  expect(() => mapLine('{"cwd":"unterminated', rewrite, null)).toThrow(SyntaxError);
  // Spacing JSON.stringify never writes: still mapped through the parse.
  expect(mapLine('{ "cwd" : "/home/dev/proj/a" }', rewrite, null)).toBe('{"cwd":"/w/checkout/a"}');
});
