// `/sessions/:id` (owner) and `/share/:slug` (read-only): metadata, export buttons, lineage, timeline, metrics.
import type { EventsPage, StoredEvent } from '../../../src/core/api/sessions.js';
import { metricsSidebar } from '../components/metrics.js';
import { sessionTitle } from '../components/session-card.js';
import { sessionHeader, type SessionHeaderView } from '../components/session-header.js';
import { renderTimeline } from '../components/timeline.js';
import { html } from '../html.js';
import { layout } from '../layout.js';

export type { LineageLink } from '../components/session-header.js';

export interface SessionDetailView extends SessionHeaderView {
  events: StoredEvent[];
  eventsPage: EventsPage;
  /** Link to the next page of events, when the session has more than one page. */
  nextHref: string | null;
}

export function sessionDetailPage(v: SessionDetailView): string {
  const items = v.events.map((e) => ({
    seq: e.seq,
    turnIndex: e.turnIndex,
    event: e.event,
    truncatedFrom: e.truncatedFrom,
  }));
  const liveAttrs = v.live ? html` data-events-url="${v.live.eventsUrl}" data-mode="follow"` : '';
  const more = v.nextHref
    ? html`<p><a class="button secondary" href="${v.nextHref}">Older messages continue →</a></p>`
    : '';
  const pageNote =
    v.eventsPage.total > v.events.length
      ? html`<p class="muted small">
          Showing messages ${v.eventsPage.offset + 1}–${v.eventsPage.offset + v.events.length} of
          ${v.eventsPage.total}.
        </p>`
      : '';
  return layout({
    title: sessionTitle(v.session),
    nav: v.user ? 'sessions' : null,
    user: v.user,
    csrfToken: v.csrfToken,
    robots: v.session.visibility === 'public' ? undefined : 'noindex',
    scripts: v.live ? ['/assets/live.js'] : [],
    body: html`<div class="stack">
      ${sessionHeader(v)}
      <div class="detail">
        <section aria-label="Messages" id="live" ${liveAttrs}>
          ${v.live ? html`<p class="notice small"><span id="live-conn">Connecting…</span> · <span id="working" class="working" hidden>Claude is working…</span></p>` : ''}
          ${pageNote}${renderTimeline(items, { live: Boolean(v.live) })}${more}
          ${v.live ? html`<p id="end-notice" class="notice end-notice" role="status" hidden></p>` : ''}
        </section>
        ${metricsSidebar(v.session.totals)}
      </div>
    </div>`,
  });
}
