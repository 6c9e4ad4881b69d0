// `/projects` and `/projects/:id`: stats cards (sessions, durations, last session, latest handoff) and session lists.
import type { ProjectSummary } from '../../../src/core/api/projects.js';
import type { SessionSummary } from '../../../src/core/api/sessions.js';
import { sessionCard } from '../components/session-card.js';
import { formatDate, formatDuration } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';

interface UserCtx {
  user: { name: string };
  csrfToken: string;
}

function stat(label: string, value: SafeHtml | string): SafeHtml {
  return html`<div class="panel stat">
    <div class="muted small">${label}</div>
    <div class="value">${value}</div>
  </div>`;
}

export function projectsListPage(v: UserCtx & { projects: ProjectSummary[] }): string {
  const rows = v.projects.map(
    (p) =>
      html`<li class="panel card">
        <h2><a href="/projects/${encodeURIComponent(p.id)}">${p.name}</a></h2>
        <ul class="facts">
          <li>${p.stats.sessions} session${p.stats.sessions === 1 ? '' : 's'}</li>
          <li>Total ${formatDuration(p.stats.totalDurationMs)}</li>
          <li>Last ${formatDate(p.stats.lastSessionAt)}</li>
          ${p.cwd ? html`<li><code>${p.cwd}</code></li>` : ''}
        </ul>
      </li>`,
  );
  return layout({
    title: 'Projects',
    nav: 'projects',
    user: v.user,
    csrfToken: v.csrfToken,
    body: html`<h1>Projects</h1>
      ${
        rows.length
          ? html`<ul class="cards">
              ${rows}
            </ul>`
          : html`<p class="panel muted">
              No projects yet: they appear with the first session captured in a directory.
            </p>`
      }`,
  });
}

export interface HandoffView {
  id: string;
  title: string | null;
  createdAt: string;
  href: string;
}

export function projectDetailPage(
  v: UserCtx & {
    project: ProjectSummary;
    sessions: SessionSummary[];
    latestHandoff: HandoffView | null;
    live: Record<string, string>;
    moreHref: string | null;
  },
): string {
  const p = v.project;
  const last = p.lastSession;
  return layout({
    title: p.name,
    nav: 'projects',
    user: v.user,
    csrfToken: v.csrfToken,
    body: html`<h1>${p.name}</h1>
      ${p.cwd ? html`<p class="muted"><code>${p.cwd}</code></p>` : ''}
      <div class="stats" role="list">
        ${stat('Sessions', String(p.stats.sessions))}
        ${stat('Total duration', formatDuration(p.stats.totalDurationMs))}
        ${stat('Average duration', formatDuration(p.stats.avgDurationMs))}
        ${stat('Last session', last ? html`<a href="/sessions/${encodeURIComponent(last.sessionId)}">${last.title ?? last.sessionId.slice(0, 8)}</a>` : '—')}
        ${stat('Latest handoff', v.latestHandoff ? html`<a href="${v.latestHandoff.href}">${v.latestHandoff.title ?? formatDate(v.latestHandoff.createdAt)}</a>` : '—')}
      </div>
      ${last ? html`<p class="small muted">Resume the latest session: <code>claude --resume ${last.sessionId}</code></p>` : ''}
      <h2>Sessions</h2>
      ${
        v.sessions.length
          ? html`<ul class="cards">
              ${v.sessions.map((s) => sessionCard(s, { liveHref: v.live[s.id] ?? null, owner: true }))}
            </ul>`
          : html`<p class="muted">No sessions.</p>`
      }
      ${v.moreHref ? html`<p><a href="${v.moreHref}">All sessions of this project →</a></p>` : ''}`,
  });
}
