// The session page's header (owner and share views): title, badges, facts, export buttons, lineage, usage tables.
import { ExportFormat } from '../../../src/core/api/common.js';
import type { SessionSummary } from '../../../src/core/api/sessions.js';
import { skipRows, subagentUsageRows } from '../../../src/core/export/summary-rows.js';
import type { ReadStats, SessionMeta, SessionTotals } from '../../../src/core/model/session.js';
import { sessionTitle } from './session-card.js';
import { manageBar, sharingPanel } from './session-manage.js';
import { formatDate, formatDuration } from '../format.js';
import { html, type SafeHtml } from '../html.js';

export interface LineageLink {
  id: string;
  title: string | null;
  href: string;
}

export interface SessionHeaderView {
  user: { name: string } | null;
  csrfToken?: string;
  session: SessionSummary;
  meta: SessionMeta;
  /** What the client's reader skipped (lines and records, and why), when it sent it. */
  stats?: ReadStats;
  parent: LineageLink | null;
  children: LineageLink[];
  /** `/sessions/<id>/export` for the owner, `/share/<slug>/export` for a shared session; null hides the buttons. */
  exportBase: string | null;
  /** An open live stream of this session the viewer may follow (owner SSE URL), and its viewer page if known. */
  live: { eventsUrl: string } | null;
  /**
   * The signed-in owner's own page (management controls, project link). Defaults to true on the owner's route
   * (export under `/sessions/`) and false on share pages, where a viewer may be anonymous or another user.
   */
  owner?: boolean;
}

/** Share viewers (anonymous or another user) get no controls and no link to a project page they cannot open. */
export function isOwnerView(v: SessionHeaderView): boolean {
  return Boolean(v.user) && (v.owner ?? v.exportBase?.startsWith('/sessions/') ?? false);
}

export function sessionHeader(v: SessionHeaderView): SafeHtml {
  const s = v.session;
  const owner = isOwnerView(v) && v.csrfToken ? { csrf: v.csrfToken } : null;
  return html`<header class="panel stack">
      <h1 id="session-title">${sessionTitle(s)}</h1>
      ${owner ? manageBar(s, owner.csrf) : ''}
      <div class="row small">
        <span class="badge ${s.status}">${s.status}</span>
        <span class="badge">${s.visibility}</span>
        ${s.starred ? html`<span class="badge">★ starred</span>` : ''}
        ${s.archived ? html`<span class="badge">archived</span>` : ''}
        ${v.live ? html`<span class="live-dot">● live</span>` : ''}
      </div>
      <ul class="facts">
        ${s.project ? html`<li>Project: ${owner ? html`<a href="/projects/${encodeURIComponent(s.project.id)}">${s.project.name}</a>` : s.project.name}</li>` : ''}
        ${s.gitBranch ? html`<li>Branch: <code>${s.gitBranch}</code></li>` : ''}
        ${s.cwd ? html`<li>Directory: <code>${s.cwd}</code></li>` : ''}
        <li>Started ${formatDate(s.startedAt ?? s.createdAt)}</li>
        ${s.endedAt ? html`<li>Ended ${formatDate(s.endedAt)}</li>` : ''}
        <li>Duration ${formatDuration(s.durationMs)}</li>
        ${s.models.length ? html`<li>Model: ${s.models.join(', ')}</li>` : ''}
        ${v.meta.claudeVersion ? html`<li>Claude Code ${v.meta.claudeVersion}</li>` : ''}
        <li>Session id <code>${s.id}</code></li>
      </ul>
      <div class="row small" id="session-tags">
        ${s.tags.map((t) => html`<span class="badge">#${t}</span>`)}
      </div>
      ${
        v.exportBase
          ? html`<div class="row" role="group" aria-label="Export">
              <span class="muted small">Export:</span>
              ${ExportFormat.options.map(
                (f) =>
                  html`<a class="button secondary" href="${v.exportBase}?format=${f}" download
                    >${f.toUpperCase()}</a
                  >`,
              )}
              <label class="small muted export-comments" hidden
                ><input type="checkbox" id="export-comments" /> with comments</label
              >
            </div>`
          : ''
      }
      ${lineage(v)} ${subagentUsage(v.session.totals)} ${skipped(v.stats)}
    </header>
    ${owner ? sharingPanel(s, owner.csrf) : ''}`;
}

/** Each subagent's usage by its spawning call: the same rows as the exports. */
function subagentUsage(totals: SessionTotals): SafeHtml | '' {
  const rows = subagentUsageRows(totals);
  return detailsTable('subagent-usage', `Subagents (${rows.length})`, rows);
}

/** The same rows every export shows: lines the reader could not read and records it left out, and why. */
function skipped(stats: ReadStats | undefined): SafeHtml | '' {
  return detailsTable('skipped', 'Skipped while reading the transcript', skipRows(stats));
}

/** A collapsed two-column table of [label, detail] rows under a summary line; nothing when there are no rows. */
function detailsTable(id: string, summary: string, rows: Array<[string, string]>): SafeHtml | '' {
  if (rows.length === 0) return '';
  return html`<details class="small" id="${id}">
    <summary>${summary}</summary>
    <table>
      ${rows.map(
        ([k, v]) =>
          html`<tr>
            <td>${k}</td>
            <td>${v}</td>
          </tr>`,
      )}
    </table>
  </details>`;
}

function lineage(v: SessionHeaderView): SafeHtml | '' {
  if (!v.parent && v.children.length === 0 && !v.session.parentSessionId) return '';
  return html`<nav aria-label="Fork lineage" class="small">
    ${
      v.parent
        ? html`<p>Forked from <a href="${v.parent.href}">${v.parent.title ?? v.parent.id}</a></p>`
        : v.session.parentSessionId
          ? html`<p>Forked from <code>${v.session.parentSessionId}</code> (not on this tracker)</p>`
          : ''
    }
    ${v.children.length ? html`<p>Forks: ${v.children.map((c, i) => html`${i ? ', ' : ''}<a href="${c.href}">${c.title ?? c.id}</a>`)}</p>` : ''}
  </nav>`;
}
