// Plain-text export: labelled blocks, prose wrapped to 100 columns, code and tool output kept verbatim.
import { describe, expect, it } from 'vitest';
import { createExporter, renderSession } from '../../src/core/export/index.js';
import { wrapProse } from '../../src/core/export/text.js';
import { sampleSession } from '../fixtures/export-sessions.js';

describe('plain-text export', () => {
  it('labels every block: USER, ASSISTANT, THINKING, TOOL CALL name(...), TOOL RESULT (error), SYSTEM, PROMPT', () => {
    const txt = renderSession(sampleSession(), 'txt');
    expect(
      txt.startsWith('Say hello\n=========\n\nSession:     85f2ffa4-4cc8-4ed8-891b-1c74a431a7fd\n'),
    ).toBe(true);
    expect(txt).toContain('Tokens:      1,203 in, 345 out, 14,685 cache read, 7,395 cache write\n');
    expect(txt).toContain(
      'USER:\n  Say hello\n\nTHINKING:\n  The user wants a greeting.\n\nASSISTANT:\n  Hello! Here is some code:',
    );
    expect(txt).toContain('USER:\n  /demo-plugin:hello alpha "beta gamma"\n\n');
    expect(txt).toContain(
      'TOOL CALL mcp__plugin_demo-plugin_probe__add(a=2, b=3)\n  {\n    "a": 2,\n    "b": 3\n  }\n',
    );
    expect(txt).toContain('TOOL RESULT mcp__plugin_demo-plugin_probe__add:\n  {"sum":5}\n');
    expect(txt).toContain('TOOL CALL Bash(node chain.js)\n');
    expect(txt).toContain('TOOL RESULT (error) Write:\n  Permission denied: /home/dev/x\n');
    expect(txt).toContain('SYSTEM (compact_boundary):\n  Conversation compacted\n');
    expect(txt).toMatch(
      /=== Subagent a1b14f07db492bea5 \(spawned by toolu_task_1\) =+\n\nPROMPT:\n {2}Write the implementation plan\./,
    );
    expect(txt.match(/^=== Turn \d+ =+$/gm)).toHaveLength(3);
  });

  it('wraps prose at 100 columns without losing or breaking words, but keeps code and tool output verbatim', () => {
    const s = sampleSession();
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`);
    const longUrl = `https://example.com/${'a'.repeat(150)}`;
    const code = `\`\`\`\n${'x = 1; '.repeat(30)}\n\`\`\``;
    s.turns[0]!.events[2] = { kind: 'text', uuid: 't', text: `${words.join(' ')} ${longUrl}\n\n${code}` };
    const longOutput = 'col '.repeat(60);
    s.turns[2]!.events[2] = {
      kind: 'tool_result',
      uuid: 'r',
      toolUseId: 'toolu_b',
      content: longOutput,
      isError: false,
    };
    const txt = renderSession(s, 'txt');
    const answer = txt.slice(txt.indexOf('ASSISTANT:\n') + 11, txt.indexOf('```'));
    for (const line of answer.split('\n')) {
      if (!line.includes(longUrl)) expect(line.length).toBeLessThanOrEqual(100);
    }
    expect(answer.split(/\s+/).filter(Boolean)).toEqual([...words, longUrl]);
    expect(txt).toContain(`  ${'x = 1; '.repeat(30)}\n`);
    expect(txt).toContain(`  ${longOutput}\n`);
  });

  it('puts the session details at the end when they only arrive at finish()', () => {
    const chunks: string[] = [];
    const ex = createExporter('txt', (c) => chunks.push(c));
    const s = sampleSession();
    for (const t of s.turns) for (const e of t.events) ex.event(e, { turnIndex: t.index });
    ex.finish(s.meta, s.totals, { redaction: { total: 0, byRule: {} } });
    const txt = chunks.join('');
    expect(txt.startsWith('SESSION TRANSCRIPT\n\n=== Turn 1 ')).toBe(true);
    const details = txt.slice(txt.indexOf('=== Session details'));
    expect(txt.indexOf('=== Session details')).toBeGreaterThan(txt.lastIndexOf('=== Turn 3'));
    expect(details).toContain('Title:       Say hello\n');
    expect(details).toContain('Est. cost:   $0.00064\n');
    expect(details).toContain('Redaction:   no secrets found\n');
  });
});

/** The word wrap as first written (split into words, glue back): the fast path must agree with it everywhere. */
function referenceWrap(text: string, width = 100, indent = '  '): string {
  const wrapLine = (line: string, w: number): string[] => {
    if (line.length <= w) return [line];
    const lead = /^\s*/.exec(line)?.[0] ?? '';
    const out: string[] = [];
    let cur = lead;
    for (const word of line.slice(lead.length).split(/ +/)) {
      if (cur.length > lead.length && cur.length + 1 + word.length > w) {
        out.push(cur);
        cur = lead + word;
      } else cur = cur.length > lead.length ? `${cur} ${word}` : lead + word;
    }
    out.push(cur);
    return out;
  };
  const out: string[] = [];
  let inFence = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^ {0,3}(```|~~~)/.test(line)) inFence = !inFence;
    for (const l of inFence ? [line] : wrapLine(line, width - indent.length)) out.push(l ? indent + l : '');
  }
  return out.join('\n');
}

describe('wrapProse', () => {
  it('gives the same lines as the word-by-word wrap for any mix of words, spaces, tabs and widths', () => {
    const pieces = [
      'a',
      'word',
      'x'.repeat(40),
      'y'.repeat(130),
      ' ',
      ' ',
      '  ',
      '   ',
      '\t',
      '\n',
      'é',
      '```',
    ];
    let seed = 5;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let k = 1 + Math.floor(rand() * 60); k > 0; k--)
        text += pieces[Math.floor(rand() * pieces.length)];
      const width = 4 + Math.floor(rand() * 110);
      expect(wrapProse(text, width), JSON.stringify([text, width])).toBe(referenceWrap(text, width));
    }
  });
});
