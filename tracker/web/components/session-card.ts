// One session in a list: title, project, branch, duration, tokens, cost, message count, status, "Watch live".
import type { SessionSummary } from '../../../src/core/api/sessions.js';
import { formatCost, formatCount, formatDate, formatDuration, totalTokens } from '../format.js';
import { html, type SafeHtml } from '../html.js';

export function sessionTitle(s: Pick<SessionSummary, 'title' | 'id'>): string {
  return s.title?.trim() || `Session ${s.id.slice(0, 8)}`;
}

export function sessionCard(
  s: SessionSummary,
  opts: { liveHref?: string | null; href?: string } = {},
): SafeHtml {
  const href = opts.href ?? `/sessions/${encodeURIComponent(s.id)}`;
  return html`<li class="panel card">
    <h2><a href="${href}">${sessionTitle(s)}</a></h2>
    <div class="row small">
      <span class="badge ${s.status}">${s.status}</span>
      ${s.starred ? html`<span class="badge" title="Starred">★ starred</span>` : ''}
      ${s.archived ? html`<span class="badge">archived</span>` : ''}
      ${opts.liveHref ? html`<a class="live-dot" href="${opts.liveHref}">● Watch live</a>` : ''}
    </div>
    <ul class="facts">
      ${s.project ? html`<li>Project: <a href="/projects/${encodeURIComponent(s.project.id)}">${s.project.name}</a></li>` : ''}
      ${s.gitBranch ? html`<li>Branch: <code>${s.gitBranch}</code></li>` : ''}
      <li>${formatDate(s.startedAt ?? s.createdAt)}</li>
      <li>Duration ${formatDuration(s.durationMs)}</li>
      <li>${formatCount(totalTokens(s.totals.tokens))} tokens</li>
      <li>Cost ${formatCost(s.totals.costUsd)}</li>
      <li>${formatCount(s.totals.messages)} messages</li>
      <li>Source ${s.source}</li>
    </ul>
    ${s.tags.length ? html`<div class="row small">${s.tags.map((t) => html`<a class="badge" href="/?tag=${encodeURIComponent(t)}">#${t}</a>`)}</div>` : ''}
  </li>`;
}
