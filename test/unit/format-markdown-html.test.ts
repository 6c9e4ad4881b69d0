// core/format/markdown-html: the one Markdown renderer, its two surfaces, and a guard that nothing builds another.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createMarkdownHtml } from '../../src/core/format/markdown-html.js';

const code = (text: string, lang: string | undefined) =>
  `<pre data-lang="${lang ?? ''}">${text.length}</pre>`;
const page = createMarkdownHtml({ surface: 'page', code });
const doc = createMarkdownHtml({ surface: 'document', code });

describe('every surface', () => {
  it('shows raw HTML as text and hands code blocks to the caller', () => {
    for (const render of [page, doc]) {
      expect(render('hi <img src=x onerror=alert(1)>')).not.toContain('<img');
      expect(render('<script>alert(1)</script>')).toContain('&lt;script&gt;');
      expect(render('```ts\nconst a = 1;\n```')).toBe('<pre data-lang="ts">12</pre>');
    }
  });
});

describe('page (tracker)', () => {
  it('keeps links live but sanitized, and never loads an image', () => {
    expect(page('[a](https://x.test "t")')).toBe(
      '<p><a href="https://x.test" title="t" rel="nofollow noopener noreferrer">a</a></p>\n',
    );
    expect(page('[a](javascript:alert(1))')).toContain('href="#"');
    expect(page('![pic](https://x.test/p.png)')).toBe(
      '<p><a href="https://x.test/p.png" rel="nofollow noopener noreferrer">[image: pic]</a></p>\n',
    );
  });
});

describe('document (export)', () => {
  it('turns links and images into text with their address, and keeps a raw block visible', () => {
    expect(doc('[a](https://x.test)')).toBe('<p>a <span class="url">(https://x.test)</span></p>\n');
    expect(doc('![pic](https://x.test/p.png)')).toBe(
      '<p><span class="url">[image: pic] (https://x.test/p.png)</span></p>\n',
    );
    expect(doc('<div>\nx\n</div>')).toBe('<p class="raw">&lt;div&gt;\nx\n&lt;/div&gt;</p>');
    expect(doc('[javascript:x](javascript:x)')).not.toContain('<a');
  });
});

it('marked is set up in one place only', () => {
  const hits = execFileSync(
    'git',
    ['grep', '--untracked', '-lF', 'new Marked(', '--', 'src', 'tracker', 'mcp-server', 'hooks'],
    {
      encoding: 'utf8',
    },
  )
    .trim()
    .split('\n');
  expect(hits).toEqual(['src/core/format/markdown-html.ts']);
});
