// Markdown export: GitHub-flavoured structure, unbreakable fences, and no live HTML or script links from content.
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { createExporter, renderSession } from '../../src/core/export/index.js';
import { sampleSession, xssSession } from '../fixtures/export-sessions.js';

// marked passes raw HTML through, like the laxest Markdown viewers: the worst case for an export.
const toHtml = (md: string): string => new Marked({ gfm: true, async: false }).parse(md) as string;

const MD_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'em',
  'code',
  'pre',
  'details',
  'summary',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'ul',
  'ol',
  'li',
  'blockquote',
  'hr',
  'br',
  'del',
  'a',
]);

describe('Markdown export', () => {
  it('renders turns, roles, slash commands, thinking, tools, errors and subagents', () => {
    const md = renderSession(sampleSession(), 'md');
    expect(
      md.startsWith('# Say hello\n\n| | |\n|---|---|\n| Session | `85f2ffa4-4cc8-4ed8-891b-1c74a431a7fd` |'),
    ).toBe(true);
    expect(md.match(/^## Turn \d+$/gm)).toEqual(['## Turn 1', '## Turn 2', '## Turn 3']);
    expect(md).toContain(
      '## Subagent a1b14f07db492bea5 (spawned by `toolu_task_1`)\n\n**Prompt**\n\nWrite the implementation plan.',
    );
    expect(md).toContain(
      '**User**\n\nSay hello\n\n**Assistant**\n\n<details>\n<summary>Thinking</summary>\n\nThe user wants a greeting.\n\n</details>',
    );
    expect(md).toContain('**User**\n\n`/demo-plugin:hello alpha "beta gamma"`\n\n**Assistant**');
    expect(md).not.toContain('command-name');
    expect(md).toContain(
      '<summary>🔧 mcp__plugin_demo-plugin_probe__add: a=2, b=3</summary>\n\n```json\n{\n  "a": 2,\n  "b": 3\n}\n```',
    );
    expect(md).toContain(
      '<summary>📤 Result from mcp__plugin_demo-plugin_probe__add</summary>\n\n```\n{"sum":5}\n```',
    );
    expect(md).toContain('<summary>🔧 Bash: node chain.js</summary>');
    expect(md).toContain(
      '<summary>❌ Error from Write</summary>\n\n```\nPermission denied: /home/dev/x\n```',
    );
    expect(md).toContain('> **System** (compact\\_boundary)\n>\n> Conversation compacted');
    expect(md).toContain('| 1,203 | 345 | 14,685 | 7,395 | $0.00064 | 972 ms |');
    expect(md).toContain('| `mcp__plugin_demo-plugin_probe__add` | 1 |');
    // Everything sits where GitHub would put it.
    const html = toHtml(md);
    expect(html).toContain('<h2>Turn 2</h2>');
    expect(html).toContain('<pre><code class="language-ts">const greeting: string = &quot;hi&quot;;');
  });

  it('puts the details at the end when meta and totals only arrive at finish()', () => {
    const chunks: string[] = [];
    const ex = createExporter('md', (c) => chunks.push(c));
    const s = sampleSession();
    for (const t of s.turns) for (const e of t.events) ex.event(e, { turnIndex: t.index });
    ex.finish(s.meta, s.totals, { redaction: { total: 2, byRule: { 'aws-key': 2 } } });
    const md = chunks.join('');
    expect(md.startsWith('# Session transcript\n\n## Turn 1\n')).toBe(true);
    const details = md.slice(md.indexOf('## Session details'));
    expect(md.indexOf('## Session details')).toBeGreaterThan(md.indexOf('## Turn 3'));
    expect(details).toContain('| Title | Say hello |');
    expect(details).toContain('| Branch | `master` |');
    expect(details).toContain('$0.0006');
    expect(details).toContain(
      '**Redaction:** 2 secret(s) replaced with \\[REDACTED:\\<rule\\>\\] (aws-key: 2)',
    );
  });

  it('fences tool content with a longer fence than any backtick run inside, so it cannot break out', () => {
    const s = sampleSession();
    const nasty = 'a\n```\n</details>\n# NOT A HEADING\n````````\n~~~\nb';
    s.turns[1]!.events[2] = {
      kind: 'tool_result',
      uuid: 'r',
      toolUseId: 'toolu_mock_1',
      content: nasty,
      isError: false,
    };
    s.turns[1]!.events[1] = {
      kind: 'tool_call',
      uuid: 'c',
      toolUseId: 'toolu_mock_1',
      name: 'X',
      input: { s: '```` `` `' },
    };
    const md = renderSession(s, 'md');
    expect(md).toContain(`\`\`\`\`\`\`\`\`\`\n${nasty}\n\`\`\`\`\`\`\`\`\``);
    const html = toHtml(md);
    expect(html).not.toContain('<h1>NOT A HEADING');
    expect(html).toContain('# NOT A HEADING');
    expect(html).toContain('<h2>Turn 3</h2>');
  });

  it('closes a code fence an answer left open, so the next turn is still a heading', () => {
    const s = sampleSession();
    s.turns[0]!.events[2] = { kind: 'text', uuid: 't', text: 'Partial answer:\n```js\nlet x = 1;' };
    const html = toHtml(renderSession(s, 'md'));
    expect(html).toContain('<h2>Turn 2</h2>');
    expect(html).toContain('<h2>Turn 3</h2>');
  });

  it('keeps Markdown formatting but shows raw HTML as text, even in a viewer that renders HTML', () => {
    const s = sampleSession();
    s.turns[0]!.events[2] = {
      kind: 'text',
      uuid: 't',
      text: 'Use **bold**, `<div>` and a Vec<String>; see [docs](https://example.com).',
    };
    const md = renderSession(s, 'md');
    expect(md).toContain('Use **bold**, `<div>` and a Vec&lt;String>; see [docs](https://example.com).');
    const html = toHtml(md);
    expect(html).toContain('<strong>bold</strong>, <code>&lt;div&gt;</code> and a Vec&lt;String&gt;');
    expect(html).toContain('<a href="https://example.com">docs</a>');
  });

  it('lets no XSS payload through as a tag, handler or script link', () => {
    const md = renderSession(xssSession(), 'md');
    const html = toHtml(md);
    const bad: string[] = [];
    for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
      const tag = m[1]!.toLowerCase();
      if (!MD_TAGS.has(tag)) bad.push(m[0]);
      else if (/\son\w+\s*=|javascript:|\ssrc\s*=/i.test(m[2]!)) bad.push(m[0]);
      else if (tag === 'a' && !/^ href="(https:\/\/evil\.example\/?[^"]*)"$/.test(m[2]!)) bad.push(m[0]);
    }
    expect(bad).toEqual([]);
    expect(html).not.toMatch(/<(script|img|svg|iframe|style|base|link|meta|textarea|math|form)\b/i);
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    // A remote image would be fetched by the viewer (tracking / exfiltration): it stays text.
    expect(html).toContain('![track](https://evil.example/t.png)');
  });
});
