// Pure rendering: escaping, URL sanitizing, safe Markdown, and the timeline's collapsible tool calls.
import { describe, expect, it } from 'vitest';
import { renderTimeline } from '../../tracker/web/components/timeline.js';
import { escapeHtml, html, safeHref, trusted } from '../../tracker/web/html.js';
import { LIVE_JS } from '../../tracker/web/assets/live-client.js';
import { APP_JS } from '../../tracker/web/assets/app-client.js';
import { renderMarkdown } from '../../tracker/web/markdown.js';
import { loginPage } from '../../tracker/web/pages/login.js';

describe('html', () => {
  it('escapes every interpolation unless it is SafeHtml', () => {
    const evil = `<img src=x onerror="alert('1')">` + '`';
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&#96;">&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&#96;</p>',
    );
    expect(html`${[html`<b>${'<i>'}</b>`, '<u>']}`.value).toBe('<b>&lt;i&gt;</b>&lt;u&gt;');
    expect(html`${trusted('<br>')}${null}${undefined}${false}${0}`.value).toBe('<br>0');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('keeps only http(s), mailto, fragment and relative hrefs', () => {
    for (const ok of [
      'https://x.example/a?b=1',
      'http://x',
      'mailto:a@b.c',
      '/sessions/1',
      '#top',
      'relative/path',
    ])
      expect(safeHref(ok)).toBe(ok);
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '//evil.example',
      '\\\\evil',
      '\u0000javascript:x',
      'JAVASCRIPT:x',
      null,
      '',
    ]) {
      expect(safeHref(bad as string)).toBe('#');
    }
  });
});

describe('renderMarkdown', () => {
  it('shows raw HTML as text and neutralizes links and images', () => {
    const out = renderMarkdown(
      '<script>alert(1)</script>\n\nhi <img src=x onerror=alert(1)> [a](javascript:alert(1)) ![p](http://t.example/p.png)',
    ).value;
    expect(out).not.toMatch(/<script|<img|onerror="|href="javascript/i);
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('<a href="#" rel="nofollow noopener noreferrer">a</a>');
    expect(out).toContain(
      '<a href="http://t.example/p.png" rel="nofollow noopener noreferrer">[image: p]</a>',
    );
  });

  it('highlights fenced code in known languages and escapes the rest', () => {
    expect(renderMarkdown('```ts\nconst a = "<b>";\n```').value).toContain(
      '<span class="hljs-keyword">const</span>',
    );
    expect(renderMarkdown('```nosuchlang\n<b>x</b>\n```').value).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});

describe('renderTimeline', () => {
  it('puts thinking, tool calls and results in <details>, with data-seq/uuid for the live client', () => {
    const out = renderTimeline([
      { seq: 0, turnIndex: 0, event: { kind: 'prompt', uuid: 'u1', text: 'Run **it**' } },
      { seq: 1, turnIndex: 0, event: { kind: 'thinking', uuid: 'u2', text: 'hmm' } },
      {
        seq: 2,
        turnIndex: 0,
        event: {
          kind: 'tool_call',
          uuid: 'u3',
          toolUseId: 't',
          name: 'Bash',
          input: { command: 'ls <dir>' },
        },
      },
      {
        seq: 3,
        turnIndex: 0,
        event: { kind: 'tool_result', uuid: 'u4', toolUseId: 't', content: '<ok>', isError: true },
      },
      { seq: 4, turnIndex: 1, event: { kind: 'prompt', uuid: 'u5', text: 'again' } },
    ]).value;
    expect(out.match(/<details>/g)).toHaveLength(3);
    expect(out).toContain('Tool: Bash <span class="muted">— ls &lt;dir&gt;</span>');
    expect(out).toContain('class="msg result is-error"');
    expect(out).toContain('<pre class="plain">&lt;ok&gt;</pre>');
    expect(out).toContain('<strong>it</strong>');
    expect(out).toContain('data-seq="4" data-uuid="u5"');
    expect(out.match(/turn-sep/g)).toHaveLength(1);
  });
});

describe('pages and assets', () => {
  it('carry no inline script, no inline style and no inline event handler', () => {
    const page = loginPage({ csrfToken: 'tok', error: '<b>x</b>', next: '/' });
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)/i);
    expect(page).not.toMatch(/\sstyle=|\son[a-z]+=/i);
    expect(page).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('browser scripts build DOM without innerHTML or eval, and are valid JavaScript', () => {
    for (const js of [LIVE_JS, APP_JS]) {
      expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
      expect(() => new Function(js)).not.toThrow();
    }
  });
});
