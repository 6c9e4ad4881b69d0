// The one HTML renderer of an event: HTML exports, the tracker's timeline and its live client all build this tree.
import type { EventView } from './event-view.js';
import { subagentBadge } from './event-view.js';
import { diffStat, diffTree, openIfSmall } from './diff-tree.js';
import { code, h, markdown, type RenderElement, type RenderNode } from './tree.js';

/**
 * Two frames around the same content. An export is a standalone document (`<div>`/`<details>` blocks its inline
 * search and highlighter know); the tracker's timeline is a list whose items carry `data-seq`/`data-uuid` for the
 * live client and show subagent badges and ingest cuts. Each frame is the markup its surface's tests pin; the
 * content (labels from the view, summaries, input JSON, result text) is the view model's, for both.
 */
/** Where a timeline item sits in the tracker's event stream. */
export interface TimelinePlace {
  seq: number;
  /** Set when ingest cut the content: the original length. */
  truncatedFrom?: number;
}

/** Longer tool input/output is cut in the timeline (the exports keep it whole). */
export const MAX_SHOWN_CHARS = 50_000;

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** Lines of a tool output, not counting one trailing newline; counted with indexOf, not by splitting. */
export function lineCount(s: string): number {
  if (s.length === 0) return 0;
  let n = 1;
  const last = s.charCodeAt(s.length - 1) === 10 ? s.length - 1 : s.length;
  for (let i = s.indexOf('\n'); i !== -1 && i < last; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** An export's timestamp, machine-readable only when it is a plain ISO time. */
export function exportTime(ts: string | undefined): RenderElement | undefined {
  if (!ts) return undefined;
  if (!ISO.test(ts)) return h('small', null, ts);
  return h('small', null, h('time', { datetime: ts }, ts.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC')));
}

export function exportEventTree(v: EventView): RenderElement {
  switch (v.kind) {
    case 'prompt':
      return h(
        'div',
        { class: 'msg user' },
        h('div', { class: 'role' }, v.sidechain ? 'Prompt' : 'User', exportTime(v.timestamp)),
        h(
          'div',
          { class: 'text' },
          v.command !== undefined && h('div', { class: 'cmd' }, v.command),
          v.body !== '' && h('div', { class: 'plain' }, v.body),
        ),
      );
    case 'text':
      return h(
        'div',
        { class: 'msg assistant' },
        h(
          'div',
          { class: 'role' },
          'Assistant',
          v.model && h('small', null, v.model),
          exportTime(v.timestamp),
        ),
        h('div', { class: 'md' }, markdown(v.text)),
      );
    case 'thinking':
      return h(
        'details',
        { class: 'msg thinking' },
        h('summary', null, '💭 Thinking'),
        h('div', { class: 'md' }, markdown(v.text)),
      );
    case 'tool_call':
      if (v.edit)
        return h(
          'details',
          { class: 'msg tool edit', open: openIfSmall(v.edit) },
          h(
            'summary',
            null,
            '🔧 ',
            h('b', null, v.name),
            ' ',
            h('span', { class: 'sum' }, v.edit.path),
            ' ',
            diffStat(v.edit.added, v.edit.removed),
          ),
          diffTree(v.edit),
        );
      return h(
        'details',
        { class: 'msg tool' },
        h(
          'summary',
          null,
          '🔧 ',
          h('b', null, v.name),
          v.summary && ' ',
          v.summary && h('span', { class: 'sum' }, v.summary),
        ),
        code(v.input, 'json'),
      );
    case 'tool_result': {
      const lines = lineCount(v.content);
      return h(
        'details',
        { class: v.isError ? 'msg result error' : 'msg result' },
        h(
          'summary',
          null,
          v.isError ? '❌ Error from ' : '📤 Result from ',
          h('b', null, v.toolName),
          ' ',
          h('span', { class: 'sum' }, `${lines} line${lines === 1 ? '' : 's'}`),
        ),
        code(v.content, 'auto', v.filePath),
      );
    }
    case 'system':
      return h(
        'div',
        { class: 'msg system' },
        h('b', null, v.label),
        ': ',
        h('span', { class: 'plain' }, v.text),
      );
  }
}

function clip(s: string): { text: string; cut: number } {
  return s.length > MAX_SHOWN_CHARS
    ? { text: s.slice(0, MAX_SHOWN_CHARS), cut: s.length }
    : { text: s, cut: 0 };
}

function badge(v: EventView): RenderElement | undefined {
  return v.agentId ? h('span', { class: 'badge' }, subagentBadge(v.agentId)) : undefined;
}

function who(label: string, v: EventView): RenderElement {
  const stamp = v.timestamp
    ? h('time', { class: 'muted small', datetime: v.timestamp }, v.timestamp.slice(11, 19))
    : undefined;
  return h('div', { class: 'who' }, label, badge(v), stamp);
}

function shownNote(cut: number): RenderElement | undefined {
  return cut
    ? h('p', { class: 'muted small' }, `Shown: first ${MAX_SHOWN_CHARS} of ${cut} characters.`)
    : undefined;
}

export function timelineEventTree(v: EventView, at: TimelinePlace): RenderElement {
  const item = (cls: string, ...children: Array<RenderNode | undefined | false>): RenderElement =>
    h('li', { class: cls, 'data-seq': at.seq, 'data-uuid': v.uuid }, ...children);
  const truncated = at.truncatedFrom
    ? h('p', { class: 'muted small' }, `Cut at ingest from ${at.truncatedFrom} characters.`)
    : undefined;
  const folded = (summary: RenderNode[], ...body: Array<RenderNode | undefined>): RenderElement =>
    h('details', null, h('summary', null, ...summary, ...(v.agentId ? [' ', badge(v)!] : [])), ...body);
  switch (v.kind) {
    case 'prompt':
      return item(
        'msg prompt',
        who('You', v),
        h(
          'div',
          { class: 'body' },
          v.command !== undefined && h('p', null, h('code', null, v.command)),
          v.body !== '' && markdown(v.body),
        ),
        truncated,
      );
    case 'text':
      return item('msg text', who('Claude', v), h('div', { class: 'body' }, markdown(v.text)), truncated);
    case 'thinking':
      return item('msg thinking', folded(['Thinking'], h('div', { class: 'body' }, markdown(v.text))));
    case 'tool_call': {
      const hint = v.summary ? [' ', h('span', { class: 'muted' }, `— ${v.summary}`)] : [];
      if (v.edit) {
        const summary = [`Tool: ${v.name}`, ...hint, ' ', diffStat(v.edit.added, v.edit.removed)];
        const folder = folded(summary, diffTree(v.edit));
        return item('msg tool edit', h('details', { open: openIfSmall(v.edit) }, ...folder.children));
      }
      const input = clip(v.input);
      return item(
        'msg tool',
        folded([`Tool: ${v.name}`, ...hint], code(input.text, 'json'), shownNote(input.cut)),
      );
    }
    case 'tool_result': {
      const out = clip(v.content);
      return item(
        v.isError ? 'msg result is-error' : 'msg result',
        folded(
          [
            v.isError ? 'Tool error' : 'Tool result',
            ' ',
            h('span', { class: 'muted small' }, `(${v.length} chars)`),
          ],
          h('pre', { class: 'plain' }, out.text),
          shownNote(out.cut),
          truncated,
        ),
      );
    }
    case 'system':
      return item('msg system', h('span', { class: 'badge' }, v.label), ' ', v.text);
  }
}
