// One session in a list: title, project, branch, times, tokens, cost, messages, status, how it is shared, "Watch live".
import type { SessionSharing, SessionSummary } from '../../../src/core/api/sessions.js';
import { formatCost, formatCount, formatDate, formatDuration, totalTokens } from '../format.js';
import { html, type SafeHtml } from '../html.js';

export function sessionTitle(s: Pick<SessionSummary, 'title' | 'id'>): string {
  return s.title?.trim() || `Session ${s.id.slice(0, 8)}`;
}

/** Badges for what exposes the session to others: its link, shared posts holding it, open non-private live links. */
export function sharingBadges(sh: SessionSharing | undefined): SafeHtml | '' {
  if (!sh) return '';
  const posts = sh.posts.filter((p) => p.visibility !== 'private');
  const live = sh.live.filter(
    (l) => l.visibility !== 'private' && (l.status === 'active' || l.status === 'paused'),
  );
  if (!sh.link && posts.length === 0 && live.length === 0) return '';
  return html`<span class="sharing-badges" data-sharing>
    ${sh.link ? html`<span class="badge shared" data-share="link">${sh.link.visibility} link</span>` : ''}
    ${
      posts.length
        ? html`<span class="badge shared" data-share="posts"
            >in ${posts.length} shared post${posts.length === 1 ? '' : 's'}</span
          >`
        : ''
    }
    ${live.length ? html`<span class="badge shared" data-share="live">● live link</span>` : ''}
  </span>`;
}

export function sessionCard(
  s: SessionSummary,
  /** `owner`: the viewer owns the session (project link, sharing badges); share viewers get neither. */
  opts: { liveHref?: string | null; href?: string; owner?: boolean } = {},
): SafeHtml {
  const href = opts.href ?? `/sessions/${encodeURIComponent(s.id)}`;
  const started = s.startedAt ?? s.createdAt;
  // Lists are ordered by last activity (the session's end, else its start): say so next to the start time.
  const activity = s.endedAt ?? started;
  return html`<li class="panel card" data-session-id="${s.id}">
    <h2><a href="${href}">${sessionTitle(s)}</a></h2>
    <div class="row small">
      <span class="badge ${s.status}">${s.status}</span>
      ${s.starred ? html`<span class="badge" title="Starred">★ starred</span>` : ''}
      ${s.archived ? html`<span class="badge">archived</span>` : ''}
      ${opts.owner ? sharingBadges(s.sharing) : ''}
      ${opts.liveHref ? html`<a class="live-dot" href="${opts.liveHref}">● Watch live</a>` : ''}
    </div>
    <ul class="facts">
      ${s.project ? html`<li>Project: ${opts.owner ? html`<a href="/projects/${encodeURIComponent(s.project.id)}">${s.project.name}</a>` : s.project.name}</li>` : ''}
      ${s.gitBranch ? html`<li>Branch: <code>${s.gitBranch}</code></li>` : ''}
      <li class="when">Last activity <time datetime="${activity}">${formatDate(activity)}</time></li>
      <li>Started <time datetime="${started}">${formatDate(started)}</time></li>
      <li>Duration ${formatDuration(s.durationMs)}</li>
      <li>${formatCount(totalTokens(s.totals.tokens))} tokens</li>
      <li>Cost ${formatCost(s.totals.costUsd)}</li>
      <li>${formatCount(s.totals.messages)} messages</li>
      <li>Source ${s.source}</li>
    </ul>
    ${s.tags.length ? html`<div class="row small">${s.tags.map((t) => (opts.owner ? html`<a class="badge" href="/?tag=${encodeURIComponent(t)}">#${t}</a>` : html`<span class="badge">#${t}</span>`))}</div>` : ''}
  </li>`;
}
