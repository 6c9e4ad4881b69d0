// `/sessions/:id` (owner) and `/share/:slug` (read-only): metadata, export buttons, lineage, timeline, metrics.
import { randomBytes } from 'node:crypto';
import type { EventsPage, StoredEvent } from '../../../src/core/api/sessions.js';
import { createEventViewer } from '../../../src/core/render/event-view.js';
import { eventAnchor } from '../../services/session-find.js';
import { metricsSidebar } from '../components/metrics.js';
import { sessionTitle } from '../components/session-card.js';
import { sessionHeader, type SessionHeaderView } from '../components/session-header.js';
import { renderEvent } from '../components/timeline.js';
import { html, trusted, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';

export type { LineageLink } from '../components/session-header.js';

/** Where the reader's links and requests go: the owner's `/sessions/<id>` or a share path. */
export interface ReaderView {
  /** The page's own path (`/sessions/<id>`, `/share/<slug>`...): deep links, search steps and tabs hang off it. */
  base: string;
  /** Who may comment later reads these: the owner's session id, or the share slug. */
  owner: { sessionId: string } | { shareSlug: string };
  /** The deep-linked event's anchor, when the page was opened with `?at=`. */
  at: string | null;
  /** The search query the page was opened with (`?q=`), stepped through by the reader script. */
  q: string;
}

export interface SessionDetailView extends SessionHeaderView {
  events: StoredEvent[];
  eventsPage: EventsPage;
  /** Link to the next page of events, when the session has more than one page. */
  nextHref: string | null;
  /** Link to the page before, when this is not the first. */
  prevHref?: string | null;
  reader: ReaderView;
}

/**
 * The timeline's items, one at a time, each with an anchor (`id="e-<anchor>"`) and a link. Each event comes from
 * core/render's one renderer as a `<li …>`; the id and the link go in front of what it wrote, so the renderer stays
 * the same for exports and the live client. The deep-linked event is marked current, so it stands out without the
 * script too. A generator, so the page can be sent while later events are still being rendered.
 */
function* timelineItems(events: StoredEvent[], base: string, at: string | null): Generator<SafeHtml> {
  const viewer = createEventViewer();
  let turn: number | null | undefined;
  for (const e of events) {
    if (turn !== undefined && e.turnIndex !== turn && !e.event.agentId)
      yield html`<li aria-hidden="true"><hr class="turn-sep" /></li>`;
    if (!e.event.agentId) turn = e.turnIndex;
    const item = { seq: e.seq, turnIndex: e.turnIndex, event: e.event, truncatedFrom: e.truncatedFrom };
    const rendered = renderEvent(item, viewer).value;
    const anchor = eventAnchor(e.event.agentId, e.seq);
    const open = rendered.indexOf('>');
    if (anchor === null || !rendered.startsWith('<li ') || open < 0) {
      yield trusted(rendered);
      continue;
    }
    const link = html`<a
      class="permalink"
      href="${base}?at=${anchor}#e-${anchor}"
      title="Link to this message"
      >#</a
    >`;
    yield trusted(
      `<li id="e-${anchor}"${anchor === at ? ' aria-current="true"' : ''} ${rendered.slice(4, open + 1)}${link.value}${rendered.slice(open + 1)}`,
    );
  }
  if (events.length === 0) yield html`<li class="muted" data-empty="1">No messages yet.</li>`;
}

/** Tabs, search box and the compact toggle above the timeline; the search and toggle need the reader script. */
function readerBar(v: SessionDetailView): SafeHtml {
  const r = v.reader;
  return html`<nav class="tabs" aria-label="Session views">
      <a href="${r.base}" aria-current="page">Conversation</a>
      <a href="${r.base}/files">Files changed</a>
      <a href="${r.base}/replay">Replay</a>
    </nav>
    <form class="reader-bar row" role="search" method="get" action="${r.base}" id="reader-find">
      <label class="visually-hidden" for="reader-q">Search this session</label>
      <input
        id="reader-q"
        name="q"
        type="search"
        value="${r.q}"
        placeholder="Search this session"
        maxlength="200"
      />
      <button type="submit" class="button secondary" id="reader-next">Next</button>
      <button type="button" class="button secondary" id="reader-prev" hidden>Previous</button>
      <span id="reader-count" class="muted small" role="status" aria-live="polite"></span>
      <button type="button" class="button secondary" id="reader-compact" aria-pressed="false" hidden>
        Compact tool calls
      </button>
    </form>`;
}

// Stands for the timeline's items in the page's markup until they are rendered; random per process, so no session
// text (all of it escaped, but a title could still spell a fixed marker) can be mistaken for it.
const ITEMS = `<!--timeline-${randomBytes(12).toString('hex')}-->`;

/** The page with the timeline's items as a placeholder, split around it. */
function pageShell(v: SessionDetailView): [string, string] {
  const r = v.reader;
  const liveAttrs = v.live ? html` data-events-url="${v.live.eventsUrl}" data-mode="follow"` : '';
  const ownerAttr =
    'sessionId' in r.owner
      ? html` data-session-id="${r.owner.sessionId}"`
      : html` data-share-slug="${r.owner.shareSlug}"`;
  const more = v.nextHref
    ? html`<p><a class="button secondary" href="${v.nextHref}">Older messages continue →</a></p>`
    : '';
  const prev = v.prevHref
    ? html`<p><a class="button secondary" href="${v.prevHref}">← Earlier messages</a></p>`
    : '';
  const pageNote =
    v.eventsPage.total > v.events.length
      ? html`<p class="muted small">
          Showing messages ${v.eventsPage.offset + 1}–${v.eventsPage.offset + v.events.length} of
          ${v.eventsPage.total}.
        </p>`
      : '';
  const page = layout({
    title: sessionTitle(v.session),
    nav: v.user ? 'sessions' : null,
    user: v.user,
    csrfToken: v.csrfToken,
    robots: v.session.visibility === 'public' ? undefined : 'noindex',
    scripts: v.live ? ['/assets/app.js', '/assets/live.js'] : ['/assets/app.js'],
    body: html`<div class="stack">
      ${sessionHeader(v)}
      <div class="detail">
        <section
          aria-label="Messages"
          id="live"
          class="reader"
          data-reader-base="${r.base}"
          data-find-url="${r.base}/find"
          ${r.at ? html` data-at="${r.at}"` : ''}
          ${ownerAttr}${liveAttrs}
        >
          ${readerBar(v)}
          ${v.live ? html`<p class="notice small"><span id="live-conn">Connecting…</span> · <span id="working" class="working" hidden>Claude is working…</span></p>` : ''}
          ${pageNote}${prev}
          <ol class="timeline" id="timeline" ${v.live ? html` aria-live="polite"` : ''}>
            ${trusted(ITEMS)}
          </ol>
          ${more}
          ${v.live ? html`<p id="end-notice" class="notice end-notice" role="status" hidden></p>` : ''}
        </section>
        ${metricsSidebar(v.session.totals)}
      </div>
    </div>`,
  });
  const at = page.indexOf(ITEMS);
  return [page.slice(0, at), page.slice(at + ITEMS.length)];
}

export function sessionDetailPage(v: SessionDetailView): string {
  const [head, tail] = pageShell(v);
  const items = [...timelineItems(v.events, v.reader.base, v.reader.at)].map((i) => i.value);
  return head + items.join('') + tail;
}

/** Events rendered before the first flush: enough to fill a first screen, so it paints before the rest is built. */
const FIRST_SCREEN = 8;
/** Events rendered between later flushes (and yields to other requests). */
const CHUNK = 20;

/**
 * The same page as a stream: the header and the first screen of events go out first, then the rest in chunks, the
 * event loop free between them. Rendering a page of long tool outputs (highlighting most of all) costs far more
 * than reading it, so the first screen no longer waits for the last event's rendering.
 */
export function sessionDetailStream(v: SessionDetailView): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const [head, tail] = pageShell(v);
  const items = timelineItems(v.events, v.reader.base, v.reader.at);
  let sent = 0;
  let buffer = head;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent > 0) await new Promise((resolve) => setImmediate(resolve));
      const limit = sent === 0 ? FIRST_SCREEN : CHUNK;
      for (let n = 0; n < limit; n++) {
        const next = items.next();
        if (next.done) {
          controller.enqueue(encoder.encode(buffer + tail));
          controller.close();
          return;
        }
        buffer += next.value.value;
      }
      sent++;
      controller.enqueue(encoder.encode(buffer));
      buffer = '';
    },
  });
}
