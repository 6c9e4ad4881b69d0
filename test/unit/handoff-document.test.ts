// The handoff document: context ids, render → parse round trip (same fields), the "not written" marker, safety.
import { describe, expect, it } from 'vitest';
import {
  NOT_WRITTEN,
  isContextId,
  makeContextId,
  parseContextId,
  parseDocument,
  renderDocument,
  slugify,
  type HandoffDocument,
} from '../../src/core/handoff/index.js';
import { BatonError } from '../../src/core/errors.js';

function sampleDoc(): HandoffDocument {
  return {
    meta: {
      contextId: 'auth-refactor-2026-11-22-101500',
      topic: 'Auth refactor: "tokens" & sessions',
      date: '2026-11-22T10:15:00.000Z',
      sessionId: '7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11',
      projects: [
        {
          name: 'api',
          path: '/home/dev/my api',
          branch: 'feat/auth',
          head: 'abc1234',
          remote: 'https://example.test/api.git',
        },
        { name: 'web', path: '/home/dev/web', branch: null, head: null, remote: null },
      ],
      cwd: '/home/dev/my api',
      claudeVersion: '2.1.330',
      batonVersion: '0.1.0',
      routine: 'handoff',
      preset: null,
      narrativeMissing: ['decisions'],
    },
    title: 'Handoff: Auth refactor',
    sections: {
      projects: '### api\n\n- Branch: `feat/auth`',
      summary: 'We moved token checks into middleware.\n\n```md\n## not a heading inside a fence\n```',
      facts: '- Session: `7f3c…`',
      accomplished: '- Middleware written\n- Tests green',
      decisions: null,
      files: '### api\n\n- New:\n  - `src/mw.ts`',
      nextSteps: '1. Wire the middleware into the router\n2. Delete the old checks',
      resume: '```sh\nclaude --resume 7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11\n```',
    },
    extras: [{ heading: 'Open questions', body: 'Should refresh tokens rotate?' }],
  };
}

describe('context ids', () => {
  it('are <topic>-YYYY-MM-DD-HHMMSS in UTC with a slugged topic', () => {
    const id = makeContextId('Fix: Login flow (v2)!', new Date('2026-01-02T03:04:05.678Z'));
    expect(id).toBe('fix-login-flow-v2-2026-01-02-030405');
    expect(isContextId(id)).toBe(true);
    expect(parseContextId(id)).toEqual({
      topic: 'fix-login-flow-v2',
      date: new Date('2026-01-02T03:04:05.000Z'),
      suffix: null,
    });
  });

  it('fall back when the topic has nothing usable, and accept a collision suffix', () => {
    expect(makeContextId('???', new Date('2026-01-02T03:04:05Z'), 'My Project')).toBe(
      'my-project-2026-01-02-030405',
    );
    expect(slugify('Ünïcödé  tøpic')).toBe('unicode-t-pic');
    expect(isContextId('x-2026-01-02-030405-2')).toBe(true);
    expect(isContextId('../etc/passwd')).toBe(false);
    expect(parseContextId('nope')).toBeNull();
  });
});

describe('render → parse', () => {
  it('round-trips every field', () => {
    const doc = sampleDoc();
    const text = renderDocument(doc);
    expect(parseDocument(text)).toEqual(doc);
    // Rendering is deterministic: the parsed document renders to the same bytes.
    expect(renderDocument(parseDocument(text))).toBe(text);
  });

  it('writes YAML frontmatter, the sections in order, and marks unwritten narrative', () => {
    const text = renderDocument(sampleDoc());
    expect(text.startsWith('---\ncontextId: auth-refactor-2026-11-22-101500\n')).toBe(true);
    expect(text).toContain("date: '2026-11-22T10:15:00.000Z'");
    // (the summary holds one `## ` line inside a code fence: not a heading)
    const headings = [...text.matchAll(/^## (.+)$/gm)]
      .map((m) => m[1])
      .filter((h) => !h!.includes('inside a fence'));
    expect(headings).toEqual([
      'Projects worked on',
      'Session summary',
      'Session facts',
      'Accomplished',
      'Key decisions',
      'Files created/modified',
      'Next steps',
      'Resume',
      'Open questions',
    ]);
    expect(text).toContain(`## Key decisions\n\n${NOT_WRITTEN}`);
  });

  it('demotes headings inside a section so they cannot start a new one', () => {
    const doc = sampleDoc();
    doc.sections.accomplished = '## Sneaky\n\ntext';
    const parsed = parseDocument(renderDocument(doc));
    expect(parsed.sections.accomplished).toBe('### Sneaky\n\ntext');
    expect(parsed.extras).toEqual(doc.extras);
  });

  it('accepts an unquoted YAML timestamp written by hand', () => {
    const text = renderDocument(sampleDoc()).replace(
      "date: '2026-11-22T10:15:00.000Z'",
      'date: 2026-11-22T10:15:00Z',
    );
    expect(parseDocument(text).meta.date).toBe('2026-11-22T10:15:00.000Z');
  });
});

describe('parse errors', () => {
  it('refuses text without frontmatter, a bad field, and non-YAML engines', () => {
    expect(() => parseDocument('# Just markdown\n')).toThrow(/no YAML frontmatter/);
    const bad = renderDocument(sampleDoc()).replace(
      'contextId: auth-refactor-2026-11-22-101500',
      'contextId: ../../x',
    );
    expect(() => parseDocument(bad, 'h.md')).toThrow(/h\.md frontmatter: contextId: must look like/);
    let ran = false;
    (globalThis as Record<string, unknown>).__batonPwned = () => (ran = true);
    const js = '---js\n{ contextId: globalThis.__batonPwned() }\n---\n# T\n';
    expect(() => parseDocument(js)).toThrow(BatonError);
    expect(ran).toBe(false);
  });
});
