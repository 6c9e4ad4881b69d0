// The one event renderer: view model, tree, serializer. Every surface builds the same tree from the same view.
import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../src/core/model/session.js';
import {
  createEventViewer,
  exportEventTree,
  h,
  timelineEventTree,
  toHtml,
  type HtmlSlots,
  type RenderElement,
} from '../../src/core/render/index.js';

const slots: HtmlSlots = {
  markdown: (t) => `<p>${t.length}</p>`,
  code: (s, write) => write(`<pre>${s.lang}:${s.text.replaceAll('<', '&lt;')}</pre>`),
};

describe('event view', () => {
  it('names a result after its call, and a subagent after the Agent call that spawned it', () => {
    const viewer = createEventViewer({ summaryChars: 20, maxToolResultChars: 5 });
    const call = viewer.view({
      kind: 'tool_call',
      uuid: 'c',
      toolUseId: 't1',
      name: 'Agent',
      input: { description: 'review the whole API surface please' },
    });
    expect(call).toMatchObject({ kind: 'tool_call', summary: 'review the whole AP…' });
    expect(viewer.spawningCall('t1')).toEqual({
      name: 'Agent',
      summary: 'review the whole AP…',
      label: 'Agent: review the whole AP…',
    });
    const result = viewer.view({
      kind: 'tool_result',
      uuid: 'r',
      toolUseId: 't1',
      content: '0123456789',
      isError: false,
    });
    expect(result).toMatchObject({ toolName: 'Agent', length: 10 });
    expect(result.kind === 'tool_result' && result.content).toMatch(
      /^01234\n… \[5 more characters not exported\]$/,
    );
    const orphan = viewer.view({
      kind: 'tool_result',
      uuid: 'o',
      toolUseId: 'nope',
      content: '',
      isError: true,
    });
    expect(orphan).toMatchObject({ toolName: 'tool', isError: true });
  });

  it('a slash command shows its command line and no raw command markup', () => {
    const v = createEventViewer().view(
      {
        kind: 'prompt',
        uuid: 'p',
        text: '<command-name>/demo</command-name>',
        command: { name: 'demo', args: 'x' },
      },
      true,
    );
    expect(v).toMatchObject({ kind: 'prompt', command: '/demo x', body: '', sidechain: true });
  });
});

describe('serializer', () => {
  it('escapes text and attribute values; backticks only when asked', () => {
    const evil = `"><script>alert('x')</script>\``;
    const tree = h('span', { class: evil }, evil);
    expect(toHtml(tree, slots)).toBe(
      '<span class="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;`">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;`</span>',
    );
    expect(toHtml(h('b', null, '`'), slots, { backtick: true })).toBe('<b>&#96;</b>');
  });

  it('refuses tags and attributes outside its lists (no event can grow a link, a handler or a script)', () => {
    const bad = (tag: string, attr: string): RenderElement =>
      ({ tag, attrs: { [attr]: 'x' }, children: [] }) as unknown as RenderElement;
    expect(() => toHtml(bad('script', 'class'), slots)).toThrow(/tag <script>/);
    expect(() => toHtml(bad('span', 'onclick'), slots)).toThrow(/attribute onclick/);
    expect(() => toHtml(bad('span', 'href'), slots)).toThrow(/attribute href/);
    expect(toHtml(bad('span', 'data-uuid'), slots)).toBe('<span data-uuid="x"></span>');
  });
});

describe('one tree for every surface', () => {
  const events: SessionEvent[] = [
    {
      kind: 'prompt',
      uuid: 'p',
      text: 'hi',
      timestamp: '2026-11-01T10:20:30Z',
      agentId: 'agent-0123456789abc',
    },
    { kind: 'tool_call', uuid: 'c', toolUseId: 't', name: 'Bash', input: { command: 'ls <dir>' } },
    { kind: 'tool_result', uuid: 'r', toolUseId: 't', content: 'a\nb\n', isError: true },
    { kind: 'system', uuid: 's', subtype: 'note', text: '<b>' },
  ];

  it('timeline items carry seq/uuid, the summary, badges and ingest cuts', () => {
    const viewer = createEventViewer();
    const [p, c, r, s] = events.map((e, i) =>
      toHtml(timelineEventTree(viewer.view(e), { seq: i, truncatedFrom: i === 2 ? 99 : undefined }), slots),
    );
    expect(p).toBe(
      '<li class="msg prompt" data-seq="0" data-uuid="p"><div class="who">You<span class="badge">subagent agent-012345</span>' +
        '<time class="muted small" datetime="2026-11-01T10:20:30Z">10:20:30</time></div><div class="body"><p>2</p></div></li>',
    );
    expect(c).toContain(
      '<details><summary>Tool: Bash <span class="muted">— ls &lt;dir&gt;</span></summary><pre>json:{',
    );
    expect(r).toContain('class="msg result is-error"');
    expect(r).toContain(
      '<pre class="plain">a\nb\n</pre><p class="muted small">Cut at ingest from 99 characters.</p>',
    );
    expect(s).toBe(
      '<li class="msg system" data-seq="3" data-uuid="s"><span class="badge">note</span> &lt;b&gt;</li>',
    );
  });

  it('export blocks name the result after its tool and count its lines', () => {
    const viewer = createEventViewer();
    const out = events.map((e) => toHtml(exportEventTree(viewer.view(e)), slots));
    expect(out[0]).toBe(
      '<div class="msg user"><div class="role">User<small><time datetime="2026-11-01T10:20:30Z">2026-11-01 10:20:30 UTC</time></small></div>' +
        '<div class="text"><div class="plain">hi</div></div></div>',
    );
    expect(out[1]).toBe(
      '<details class="msg tool"><summary>🔧 <b>Bash</b> <span class="sum">ls &lt;dir&gt;</span></summary><pre>json:{\n  "command": "ls &lt;dir>"\n}</pre></details>',
    );
    expect(out[2]).toContain(
      '<summary>❌ Error from <b>Bash</b> <span class="sum">2 lines</span></summary><pre>auto:a',
    );
  });
});
