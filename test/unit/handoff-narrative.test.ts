// The model-written narrative: sections found by heading (any level, common aliases), nothing silently lost.
import { describe, expect, it } from 'vitest';
import { parseNarrative } from '../../src/core/handoff/narrative.js';
import { NOT_WRITTEN } from '../../src/core/handoff/document.js';

describe('parseNarrative', () => {
  it('maps headings and their aliases to the four sections', () => {
    const n = parseNarrative(
      [
        '## Session summary',
        'Where we are.',
        '### Accomplished',
        '- a thing',
        '# Key Decisions:',
        'Chose X over Y.',
        '## 4. What to do next',
        '1. Do Z',
      ].join('\n'),
    );
    expect(n.sections).toEqual({
      summary: 'Where we are.',
      accomplished: '- a thing',
      decisions: 'Chose X over Y.',
      nextSteps: '1. Do Z',
    });
    expect(n.warnings).toEqual([]);
  });

  it('keeps sub-headings inside their section and fenced "headings" as text', () => {
    const n = parseNarrative(
      '## Next steps\n\n### Backend\n- a\n```\n## not a heading\n```\n## Accomplished\nx',
    );
    expect(n.sections.nextSteps).toBe('### Backend\n\n- a\n```\n## not a heading\n```');
    expect(n.sections.accomplished).toBe('x');
  });

  it('keeps unknown sections as extras and ignores the generated ones of a pasted template', () => {
    const n = parseNarrative(
      '# Handoff: x\n## Session summary\ns\n## Projects worked on\nignored\n## Risks\nr\n## Next steps\n' +
        NOT_WRITTEN,
    );
    expect(n.sections).toEqual({ summary: 's' });
    expect(n.extras).toEqual([{ heading: 'Risks', body: 'r' }]);
    expect(n.warnings.join('\n')).toContain('ignored section "Projects worked on"');
  });

  it('turns heading-less text into the summary (with a warning), and empty text into nothing', () => {
    const n = parseNarrative('Just a paragraph about the day.');
    expect(n.sections).toEqual({ summary: 'Just a paragraph about the day.' });
    expect(n.warnings).toHaveLength(1);
    expect(parseNarrative('  \n').sections).toEqual({});
  });

  it('caps a runaway section', () => {
    const n = parseNarrative(`## Summary\n${'word '.repeat(1000)}`, { maxSectionChars: 200 });
    expect(n.sections.summary!.length).toBeLessThan(260);
    expect(n.sections.summary).toContain('[truncated:');
  });
});
