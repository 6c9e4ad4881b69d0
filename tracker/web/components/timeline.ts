// The message timeline: prompts and responses as Markdown, thinking/tool calls/results collapsible, all escaped.
import type { SessionEvent } from '../../../src/core/model/session.js';
import { html, type SafeHtml } from '../html.js';
import { highlightCode, renderMarkdown } from '../markdown.js';

export interface TimelineItem {
  seq: number;
  turnIndex: number | null;
  event: SessionEvent;
  /** Set when ingest cut the content: the original length. */
  truncatedFrom?: number;
}

/** Longer tool output is cut on the page (the exports keep it whole). */
const MAX_SHOWN_CHARS = 50_000;

function clip(s: string): { text: string; cut: number } {
  return s.length > MAX_SHOWN_CHARS
    ? { text: s.slice(0, MAX_SHOWN_CHARS), cut: s.length }
    : { text: s, cut: 0 };
}

/** A one-line hint of what a tool call does: its command, path, pattern or description. */
export function toolHint(input: unknown): string {
  if (!input || typeof input !== 'object') return '';
  const o = input as Record<string, unknown>;
  for (const k of ['description', 'command', 'file_path', 'path', 'pattern', 'url', 'query', 'prompt']) {
    const v = o[k];
    if (typeof v === 'string' && v.trim()) return v.trim().split('\n')[0]!.slice(0, 120);
  }
  return '';
}

function stamp(e: SessionEvent): SafeHtml {
  return e.timestamp
    ? html`<time class="muted small" datetime="${e.timestamp}">${e.timestamp.slice(11, 19)}</time>`
    : html``;
}

function agent(e: SessionEvent): SafeHtml {
  return e.agentId ? html`<span class="badge">subagent ${e.agentId.slice(0, 12)}</span>` : html``;
}

export function renderEvent(item: TimelineItem): SafeHtml {
  const e = item.event;
  const truncated = item.truncatedFrom
    ? html`<p class="muted small">Cut at ingest from ${item.truncatedFrom} characters.</p>`
    : '';
  switch (e.kind) {
    case 'prompt':
      return html`<li class="msg prompt" data-seq="${item.seq}" data-uuid="${e.uuid}">
        <div class="who">You ${agent(e)} ${stamp(e)}</div>
        <div class="body">
          ${e.command ? html`<p><code>/${e.command.name} ${e.command.args}</code></p>` : renderMarkdown(e.text)}
        </div>
        ${truncated}
      </li>`;
    case 'text':
      return html`<li class="msg text" data-seq="${item.seq}" data-uuid="${e.uuid}">
        <div class="who">Claude ${agent(e)} ${stamp(e)}</div>
        <div class="body">${renderMarkdown(e.text)}</div>
        ${truncated}
      </li>`;
    case 'thinking':
      return html`<li class="msg thinking" data-seq="${item.seq}" data-uuid="${e.uuid}">
        <details>
          <summary>Thinking ${agent(e)}</summary>
          <div class="body">${renderMarkdown(e.text)}</div>
        </details>
      </li>`;
    case 'tool_call': {
      const input = clip(JSON.stringify(e.input, null, 2) ?? 'null');
      const hint = toolHint(e.input);
      return html`<li class="msg tool" data-seq="${item.seq}" data-uuid="${e.uuid}">
        <details>
          <summary>
            Tool: ${e.name}${hint ? html` <span class="muted">— ${hint}</span>` : ''} ${agent(e)}
          </summary>
          <pre><code class="hljs language-json">${highlightCode(input.text, 'json')}</code></pre>
          ${input.cut ? html`<p class="muted small">Shown: first ${MAX_SHOWN_CHARS} of ${input.cut} characters.</p>` : ''}
        </details>
      </li>`;
    }
    case 'tool_result': {
      const out = clip(e.content);
      return html`<li
        class="msg result${e.isError ? ' is-error' : ''}"
        data-seq="${item.seq}"
        data-uuid="${e.uuid}"
      >
        <details>
          <summary>
            ${e.isError ? 'Tool error' : 'Tool result'}
            <span class="muted small">(${e.content.length} chars)</span> ${agent(e)}
          </summary>
          <pre class="plain">${out.text}</pre>
          ${out.cut ? html`<p class="muted small">Shown: first ${MAX_SHOWN_CHARS} of ${out.cut} characters.</p>` : ''}${truncated}
        </details>
      </li>`;
    }
    case 'system':
      return html`<li class="msg system" data-seq="${item.seq}" data-uuid="${e.uuid}">
        <span class="badge">${e.subtype}</span> ${e.text}
      </li>`;
  }
}

/** Events in order, with a separator whenever the turn changes. */
export function renderTimeline(items: TimelineItem[], opts: { id?: string; live?: boolean } = {}): SafeHtml {
  const parts: SafeHtml[] = [];
  let turn: number | null | undefined;
  for (const it of items) {
    if (turn !== undefined && it.turnIndex !== turn && !it.event.agentId)
      parts.push(html`<li aria-hidden="true"><hr class="turn-sep" /></li>`);
    if (!it.event.agentId) turn = it.turnIndex;
    parts.push(renderEvent(it));
  }
  const empty = items.length === 0 ? html`<li class="muted" data-empty="1">No messages yet.</li>` : '';
  return html`<ol
    class="timeline"
    id="${opts.id ?? 'timeline'}"
    ${opts.live ? html` aria-live="polite"` : ''}
  >
    ${parts}${empty}
  </ol>`;
}
