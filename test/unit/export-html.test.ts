// HTML export: one offline file, strict CSP matching its only script, escaped content, code tagged for in-page
// highlighting (the browser side is in export-html-chromium.test.ts), metrics header.
import { describe, expect, it } from 'vitest';
import { createExporter, renderSession } from '../../src/core/export/index.js';
import { CSP, SCRIPT, SCRIPT_HASH } from '../../src/core/export/html-assets.js';
import { createHtmlContent, fencedParagraphs, plainParagraphs } from '../../src/core/export/html-content.js';
import { Marked } from 'marked';
import { sampleSession, xssSession, XSS_PAYLOADS } from '../fixtures/export-sessions.js';
import { scanHtml } from '../helpers/html-scan.js';

describe('HTML export', () => {
  it('is one self-contained document: no external URL, src, href, url() or @import anywhere', () => {
    const html = renderSession(sampleSession(), 'html');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/https?:|\/\/[a-z0-9]/i);
    expect(html).not.toMatch(/\b(src|href|srcset|action|formaction|poster)\s*=/i);
    expect(html).not.toMatch(/url\(|@import/i);
    const scan = scanHtml(html);
    expect(scan.badTags).toEqual([]);
    expect(scan.badAttrs).toEqual([]);
  });

  it('has a strict CSP whose sha256 matches the one inline script', () => {
    const html = renderSession(sampleSession(), 'html');
    const scan = scanHtml(html);
    expect(scan.script).toBe(SCRIPT);
    expect(scan.cspScriptHash).toBe(scan.actualScriptHash);
    expect(SCRIPT_HASH).toBe(scan.actualScriptHash);
    expect(CSP).toContain("default-src 'none'");
    expect(CSP).toContain("style-src 'unsafe-inline'");
    expect(CSP).toContain('img-src data:');
    expect(CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    // The CSP meta must come before any content so it governs the whole page.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<body>'));
  });

  it('escapes every XSS payload in every field: no injected tag, handler or javascript: URL survives', () => {
    const html = renderSession(xssSession(), 'html');
    const scan = scanHtml(html);
    expect(scan.cspScriptHash).toBe(scan.actualScriptHash);
    expect(scan.badTags).toEqual([]);
    expect(scan.badAttrs).toEqual([]);
    expect(scan.strayTagStarts).toBe(0);
    expect(html).not.toMatch(/<(img|svg|iframe|a|base|link|math|textarea|form|object|embed)\b/i);
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html.match(/<style/gi)).toHaveLength(1);
    expect(html.match(/<meta http-equiv/gi)).toHaveLength(1);
    // The payloads are still there, as visible text.
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;');
    expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;window.__pwned=6&lt;/script&gt;');
  });

  it('puts each payload through prompts, answers, thinking, tool input, tool output and titles as text', () => {
    // One payload per field so a failure names the field.
    for (const payload of XSS_PAYLOADS) {
      const s = sampleSession();
      s.meta.title = payload;
      s.turns[0]!.events = [
        { kind: 'prompt', uuid: 'a', text: payload },
        { kind: 'text', uuid: 'b', text: payload },
        { kind: 'thinking', uuid: 'c', text: payload },
        { kind: 'tool_call', uuid: 'd', toolUseId: 'x', name: payload, input: { [payload]: payload } },
        { kind: 'tool_result', uuid: 'e', toolUseId: 'x', content: payload, isError: true },
        { kind: 'system', uuid: 'f', subtype: payload, text: payload },
      ];
      const scan = scanHtml(renderSession(s, 'html'));
      expect({ payload, tags: scan.badTags, attrs: scan.badAttrs, stray: scan.strayTagStarts }).toEqual({
        payload,
        tags: [],
        attrs: [],
        stray: 0,
      });
    }
  });

  it('tags code with its language for the page to highlight, and highlights nothing itself', () => {
    const s = sampleSession();
    s.turns[0]!.events.push(
      { kind: 'tool_call', uuid: 'r', toolUseId: 'read1', name: 'Read', input: { file_path: '/src/app.py' } },
      {
        kind: 'tool_result',
        uuid: 'rr',
        toolUseId: 'read1',
        content: 'def main():\n    return "ok"\n',
        isError: false,
      },
    );
    const html = renderSession(s, 'html');
    // Fence info `ts` in an answer, JSON tool input, a JSON-looking result, a .py file read.
    expect(html).toContain('<pre><code class="language-typescript">const ');
    expect(html).toContain('<pre><code class="language-json">{\n  "a": 2,');
    expect(html).toContain('<pre><code class="language-python">def main():\n    return "ok"\n</code></pre>');
    expect(html).not.toMatch(/<span class="hljs-/);
    expect(html).not.toMatch(/<code class="hljs/);
    // The theme for the spans the page will create.
    expect(html).toMatch(/\.hljs-keyword[^{]*\{color:var\(--k\)\}/);
  });

  it('gives huge blocks, unknown languages and prototype names no language class, keeping the code escaped', () => {
    const s = sampleSession();
    const big = `{"k": "${'<b>'.repeat(40_000)}"}`;
    s.turns[1]!.events[2] = {
      kind: 'tool_result',
      uuid: 'big',
      toolUseId: 'toolu_mock_1',
      content: big,
      isError: false,
    };
    s.turns[0]!.events.push(
      { kind: 'text', uuid: 'u1', text: '```brainfuck\n+[<>]\n```' },
      { kind: 'text', uuid: 'u2', text: '```constructor\nx < y\n```' },
      { kind: 'text', uuid: 'u3', text: '```__proto__\nx\n```' },
    );
    const html = renderSession(s, 'html');
    expect(html).toContain(`<pre><code>{"k": "${'&lt;b>'.repeat(40_000)}"}</code></pre>`);
    expect(html).toContain('<pre><code>+[&lt;>]</code></pre>');
    expect(html).toContain('<pre><code>x &lt; y</code></pre>');
    expect(html).toContain('<pre><code>x</code></pre>');
    expect(html).not.toMatch(/language-(function|object|constructor|__proto__|brainfuck)/i);
  });

  it('escapes code as element text: every < and & of a tool output becomes an entity', () => {
    const s = sampleSession();
    const nasty = `</code></pre><script>window.__pwned=1</script><img src=x onerror=alert(1)> &amp; "q" 's' >`;
    s.turns[1]!.events[2] = {
      kind: 'tool_result',
      uuid: 'n',
      toolUseId: 'toolu_mock_1',
      content: nasty,
      isError: false,
    };
    const html = renderSession(s, 'html');
    expect(html).toContain(
      `<pre><code>&lt;/code>&lt;/pre>&lt;script>window.__pwned=1&lt;/script>&lt;img src=x onerror=alert(1)> &amp;amp; "q" 's' ></code></pre>`,
    );
    const scan = scanHtml(html);
    expect([scan.badTags, scan.badAttrs, scan.strayTagStarts]).toEqual([[], [], 0]);
  });

  it('renders Markdown-free prose exactly as marked does, without running marked', () => {
    const marked = new Marked({ gfm: true, breaks: false, async: false });
    const pieces = [
      ' \n',
      '  \n',

      'word',
      'The',
      ' ',
      '  ',
      '\n',
      '\n\n',
      '\n\n\n',
      '.',
      ',',
      ':',
      ':-',
      '-',
      '1',
      '2.',
      '"',
      "'",
      '(',
      ')',
      'é',
      '日本',
      '/',
      '%',
      '{',
      '}',
      '$',
      '=',
      '+',
      'http',
      'www',
      '?',
    ];
    let seed = 7;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let plain = 0;
    for (let i = 0; i < 4000; i++) {
      let text = '';
      for (let k = 1 + Math.floor(rand() * 20); k > 0; k--)
        text += pieces[Math.floor(rand() * pieces.length)];
      const fast = plainParagraphs(text);
      if (fast === undefined) continue;
      plain++;
      expect(fast, JSON.stringify(text)).toBe(marked.parse(text));
    }
    expect(plain).toBeGreaterThan(1000);
    // Anything that could be Markdown goes to marked.
    for (const md of [
      'a *b*',
      'x_y_',
      '# h',
      '- item',
      '1. one',
      '> q',
      'a  \nb',
      '    code',
      'a\n---',
      'a\n:-',
      'see https://x.y',
      'www.x.y',
      'a@b.c',
      '<b>',
      '&amp;',
      'a | b',
      '[l](u)',
      '\\*',
      '![i](u)',
      '~~s~~',
      'a\tb',
    ]) {
      expect(plainParagraphs(md), md).toBeUndefined();
    }
  });

  it('renders prose around fenced code exactly as marked does, without running marked', () => {
    const fast = createHtmlContent();
    const slow = createHtmlContent({ fastPaths: false });
    const pieces = [
      ' \n',
      'Fixed. ',

      'word',
      ' ',
      '\n',
      '\n\n',
      '```',
      '```ts',
      '```json',
      '````',
      '``` ',
      '  ```',
      '~~~',
      'a < b && c',
      ':-',
      '1.',
      '"',
      "'",
      'é',
      '\t',
      '```c++',
      '\n```\n',
      '\n```ts\n',
      '\n```ts\nconst x = 1;\n```\n',
      '\n\n```\n$ ls <dir>\n```\n\n',
      '\n```',
    ];
    let seed = 11;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let fastHits = 0;
    for (let i = 0; i < 4000; i++) {
      let text = '';
      for (let k = 1 + Math.floor(rand() * 12); k > 0; k--)
        text += pieces[Math.floor(rand() * pieces.length)];
      if (text.includes('```') && fencedParagraphs(text, fast.codeBlock) !== undefined) fastHits++;
      expect(fast.markdownHtml(text), JSON.stringify(text)).toBe(slow.markdownHtml(text));
    }
    expect(fastHits).toBeGreaterThan(100);
    const answer = 'Fixed. The retry loop sleeps past the deadline.\n\n```ts\nconst a = b < c;\n```';
    expect(fencedParagraphs(answer, fast.codeBlock)).toBe(
      '<p>Fixed. The retry loop sleeps past the deadline.</p>\n<pre><code class="language-typescript">const a = b &lt; c;</code></pre>',
    );
  });

  it('ships the highlighter inside its one hashed script and nothing that could end that script early', () => {
    const html = renderSession(sampleSession(), 'html');
    const scan = scanHtml(html);
    expect(scan.script).toContain('highlight.js 11.');
    expect(scan.script).toContain('IntersectionObserver');
    expect(scan.script).not.toMatch(/<\/script|<!--/i);
    expect(scan.cspScriptHash).toBe(scan.actualScriptHash);
  });

  it('folds tools and thinking into <details>, marks errors, and labels subagents', () => {
    const html = renderSession(sampleSession(), 'html');
    // Two plain calls and one file edit, which folds as a diff (open: it is small).
    expect(html.match(/<details class="msg tool">/g)).toHaveLength(2);
    expect(html.match(/<details class="msg tool edit" open="">/g)).toHaveLength(1);
    expect(html.match(/<details class="msg result( error)?">/g)).toHaveLength(3);
    expect(html.match(/<details class="msg result error">/g)).toHaveLength(1);
    expect(html).toContain('<details class="msg thinking">');
    expect(html).toContain('<div class="cmd">/demo-plugin:hello alpha &quot;beta gamma&quot;</div>');
    expect(html).not.toContain('command-name');
    expect(html).toContain('Subagent <code>a1b14f07db492bea5</code>');
  });

  it('shows a metrics header first (CSS order) although it is written after the conversation, with dark mode', () => {
    const chunks: string[] = [];
    const ex = createExporter('html', (c) => chunks.push(c));
    const s = sampleSession();
    for (const t of s.turns) for (const e of t.events) ex.event(e, { turnIndex: t.index });
    const beforeFinish = chunks.join('');
    expect(beforeFinish).not.toContain('class="metrics"');
    ex.finish(s.meta, s.totals, { redaction: { total: 4, byRule: { 'aws-access-key': 4 } } });
    const html = chunks.join('');
    const header = html.slice(html.indexOf('<header class="metrics"'), html.indexOf('</header>'));
    expect(html.indexOf('<header class="metrics"')).toBeGreaterThan(html.indexOf('</main>'));
    expect(html).toMatch(/\.page\{display:flex;flex-direction:column/);
    expect(html).toMatch(/\.metrics\{order:-2/);
    expect(html).toContain('@media (prefers-color-scheme:dark)');
    for (const want of [
      'Input tokens',
      '1,203',
      'Output tokens',
      '345',
      'Cache read',
      '14,685',
      'Cache write',
      '7,395',
      'Est. cost',
      '$0.0006',
      'Duration',
      '972 ms',
      'Tool calls',
      '3 (1 failed)',
      'claude-opus-5-5, claude-sonnet-4-6',
      'Say hello',
      'aws-access-key: 4',
    ]) {
      expect(header).toContain(want);
    }
    expect(header).toMatch(/<tr><td><code>Bash<\/code><\/td><td>1<\/td><\/tr>/);
  });
});
