// The message timeline: each event through core/render's one renderer, Markdown and code rendered safely server-side.
import type { SessionEvent } from '../../../src/core/model/session.js';
import { createEventViewer } from '../../../src/core/render/event-view.js';
import { timelineEventTree } from '../../../src/core/render/event-html.js';
import { toHtml, type HtmlSlots } from '../../../src/core/render/serialize.js';
import type { RenderNode } from '../../../src/core/render/tree.js';
import { html, trusted, type SafeHtml } from '../html.js';
import { highlightCode, renderMarkdown } from '../markdown.js';

export interface TimelineItem {
  seq: number;
  turnIndex: number | null;
  event: SessionEvent;
  /** Set when ingest cut the content: the original length. */
  truncatedFrom?: number;
}

/**
 * The server's slots: sanitized Markdown and highlight.js markup. The live client fills the same tree's slots with
 * plain text (tracker/web/client/live.ts), so an event pushed live and the same event on reload differ only there.
 */
const SLOTS: HtmlSlots = {
  markdown: (text) => renderMarkdown(text).value,
  code(slot, write) {
    // The language comes from the renderer's own code ('json', or a diff's from the fixed extension table), never
    // from session text.
    const cls = slot.lang ? `hljs language-${slot.lang}` : 'hljs';
    const inner = `<code class="${cls}">${highlightCode(slot.text, slot.lang).value}</code>`;
    write(slot.inline ? inner : `<pre>${inner}</pre>`);
  },
};

/** Any core/render tree (a diff on the files-changed page) with the timeline's slots. */
export function renderTree(node: RenderNode): SafeHtml {
  return trusted(toHtml(node, SLOTS, { backtick: true }));
}

/** One event as a timeline item; `viewer` carries what earlier events told (which tool a result answers). */
export function renderEvent(item: TimelineItem, viewer = createEventViewer()): SafeHtml {
  const place = item.truncatedFrom ? { seq: item.seq, truncatedFrom: item.truncatedFrom } : { seq: item.seq };
  return trusted(toHtml(timelineEventTree(viewer.view(item.event), place), SLOTS, { backtick: true }));
}

/** Events in order, with a separator whenever the turn changes. */
export function renderTimeline(items: TimelineItem[], opts: { id?: string; live?: boolean } = {}): SafeHtml {
  const viewer = createEventViewer();
  const parts: SafeHtml[] = [];
  let turn: number | null | undefined;
  for (const it of items) {
    if (turn !== undefined && it.turnIndex !== turn && !it.event.agentId)
      parts.push(html`<li aria-hidden="true"><hr class="turn-sep" /></li>`);
    if (!it.event.agentId) turn = it.turnIndex;
    parts.push(renderEvent(it, viewer));
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
