// The claude.ai transfer prompt: local paths rewritten, next steps first, the length budget always held.
import { describe, expect, it } from 'vitest';
import type { HandoffDocument } from '../../src/core/handoff/document.js';
import { RenderOptions } from '../../src/core/routine/schema.js';
import { createPathStripper, renderTransferPrompt } from '../../src/handoff/transfer-prompt.js';

const strip = createPathStripper([{ root: '/home/ann/code/api', name: 'api' }], '/home/ann');

function doc(over: Partial<HandoffDocument['sections']> = {}): HandoffDocument {
  return {
    meta: {
      contextId: 't-2026-01-01-000000',
      topic: 'Topic',
      date: '2026-01-01T00:00:00.000Z',
      sessionId: 's',
      projects: [],
      cwd: null,
      claudeVersion: null,
      batonVersion: null,
      routine: 'handoff',
      preset: 'claude-ai-transfer',
      narrativeMissing: [],
    },
    title: 'Handoff: Topic',
    sections: {
      summary: 'Edited /home/ann/code/api/src/x.ts and /home/ann/notes.md and /tmp/scratch/y.log.',
      nextSteps: 'Finish /home/ann/code/api/src/x.ts',
      files: '- `api/src/x.ts`',
      resume: 'claude --resume s',
      ...over,
    },
    extras: [],
  };
}

describe('createPathStripper', () => {
  it('turns project roots into names, home into ~, and other temp/home paths into file names', () => {
    expect(
      strip('/home/ann/code/api/src/x.ts /home/ann/notes.md /tmp/scratch/y.log /home/ann/code/apiary/z'),
    ).toBe('api/src/x.ts ~/notes.md y.log ~/code/apiary/z');
  });
});

describe('renderTransferPrompt', () => {
  it('puts the sections in the given order, leaves out resume, and strips paths', () => {
    const opts = RenderOptions.parse({
      template: 'transfer-prompt',
      sections: ['nextSteps', 'summary', 'files', 'resume'],
      stripLocalPaths: true,
    });
    const text = renderTransferPrompt(doc(), opts, strip);
    expect(text.indexOf('## What to do next')).toBeLessThan(text.indexOf('## Where things stand'));
    expect(text).not.toContain('/home/ann');
    expect(text).not.toContain('claude --resume');
    expect(text).toContain('Finish api/src/x.ts');
  });

  it('names unwritten narrative sections in one line instead of rendering them, but keeps "What to do next"', () => {
    const opts = RenderOptions.parse({
      template: 'transfer-prompt',
      sections: ['nextSteps', 'decisions', 'summary'],
    });
    const text = renderTransferPrompt(doc({ decisions: null, nextSteps: null }), opts, strip);
    expect(text).toContain('(The handoff has no notes on: Key decisions.)');
    expect(text).not.toContain('## Key decisions');
    expect(text).toContain('## What to do next\n\n_Not written in the handoff: ask me what to do next._');
  });

  it('holds the budget by shortening, then dropping, the later sections', () => {
    const big = 'line of detail\n'.repeat(400);
    const opts = RenderOptions.parse({
      template: 'transfer-prompt',
      sections: ['nextSteps', 'summary', 'files'],
      maxChars: 1500,
    });
    const text = renderTransferPrompt(doc({ summary: big, files: big }), opts, strip);
    expect(text.length).toBeLessThanOrEqual(1500);
    expect(text).toContain('Finish');
    expect(text).toMatch(/shortened to fit the length budget|Left out to stay within the length budget/);
    for (const max of [500, 800, 2000, 5000]) {
      const t = renderTransferPrompt(
        doc({ summary: big, files: big, nextSteps: big }),
        { ...opts, maxChars: max },
        strip,
      );
      expect(t.length).toBeLessThanOrEqual(max);
    }
  });
});
