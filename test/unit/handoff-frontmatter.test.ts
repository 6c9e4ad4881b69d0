// core/handoff/frontmatter: one fence rule for Baton's strict YAML reader and the tracker's tolerant one.
import { describe, expect, it } from 'vitest';
import { parseFrontmatter, splitFrontmatter } from '../../src/core/handoff/frontmatter.js';
import { parseDocument, renderDocument, type HandoffDocument } from '../../src/core/handoff/index.js';

const doc: HandoffDocument = {
  meta: {
    contextId: 'fm-2026-11-22-101500',
    topic: 'Frontmatter',
    date: '2026-11-22T10:15:00.000Z',
    sessionId: 's-1',
    projects: [{ name: 'api', path: '/home/dev/api', branch: 'main' }],
    cwd: '/home/dev/api',
    claudeVersion: null,
    batonVersion: '0.1.0',
    routine: 'handoff',
    preset: null,
    narrativeMissing: [],
  },
  title: 'Handoff: frontmatter',
  sections: { summary: 'One rule.' },
  extras: [],
};

describe('splitFrontmatter', () => {
  it('needs a leading, closed --- block; LF or CRLF; blanks after the closing fence', () => {
    expect(splitFrontmatter('---\na: 1\n---\nbody')).toEqual({ block: 'a: 1', body: 'body' });
    expect(splitFrontmatter('---\r\na: 1\r\n---\r\nbody')).toEqual({ block: 'a: 1', body: 'body' });
    expect(splitFrontmatter('---\na: 1\n---  \nbody')).toEqual({ block: 'a: 1', body: 'body' });
    expect(splitFrontmatter('---\na: 1\n---')).toEqual({ block: 'a: 1', body: '' });
    expect(splitFrontmatter('---\nnot closed')).toBeNull();
    expect(splitFrontmatter('---js\na: 1\n---\n')).toBeNull();
    expect(splitFrontmatter('text\n---\na: 1\n---\n')).toBeNull();
  });
});

describe('both readers of a rendered handoff', () => {
  it('agree on the body and on the flat fields the tracker uses', () => {
    const text = renderDocument(doc);
    const tracker = parseFrontmatter(text);
    const split = splitFrontmatter(text)!;
    expect(tracker.body).toBe(split.body);
    const parsed = parseDocument(text);
    expect(parsed.title).toBe(doc.title);
    expect(parsed.meta).toMatchObject({ ...doc.meta, claudeVersion: null });
    for (const key of ['contextId', 'topic', 'cwd', 'routine', 'batonVersion'] as const)
      expect(tracker.frontmatter[key]).toBe(parsed.meta[key]);
  });

  it('an unclosed block is no frontmatter for either', () => {
    expect(parseFrontmatter('---\ncontextId: x')).toEqual({ frontmatter: {}, body: '---\ncontextId: x' });
    expect(() => parseDocument('---\ncontextId: x')).toThrow(/no YAML frontmatter/);
  });

  it('a block that is not YAML is refused by the strict reader, read as far as it goes by the tolerant one', () => {
    const text = '---\ntopic: a: b\n---\n# T\n';
    expect(() => parseDocument(text)).toThrow(/not valid YAML/);
    expect(parseFrontmatter(text).frontmatter).toEqual({ topic: 'a: b' });
  });
});
