// `/`: the signed-in user's sessions with full-text search, filters and pagination.
import type { Pagination } from '../../../src/core/api/common.js';
import type { SessionSummary } from '../../../src/core/api/sessions.js';
import { sessionCard } from '../components/session-card.js';
import { html, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import { undoNotice, type UndoFlash } from './trash.js';

export interface SessionsQueryView {
  search?: string;
  status?: string;
  source?: string;
  project?: string;
  tag?: string;
  starred?: boolean;
  archived?: boolean;
}

export interface SessionsListView {
  user: { name: string };
  csrfToken: string;
  query: SessionsQueryView;
  sessions: SessionSummary[];
  pagination: Pagination;
  projects: Array<{ id: string; name: string }>;
  /** Session id → "Watch live" link, for sessions with an open live stream. */
  live: Record<string, string>;
  /** Right after a deletion: "Deleted · Undo". */
  flash?: UndoFlash | null;
}

function option(value: string, label: string, selected: string | undefined): SafeHtml {
  return html`<option value="${value}" ${value === (selected ?? '') ? html` selected` : ''}>
    ${label}
  </option>`;
}

export function queryString(q: SessionsQueryView, page: number): string {
  const p = new URLSearchParams();
  if (q.search) p.set('search', q.search);
  if (q.status) p.set('status', q.status);
  if (q.source) p.set('source', q.source);
  if (q.project) p.set('project', q.project);
  if (q.tag) p.set('tag', q.tag);
  if (q.starred) p.set('starred', 'true');
  if (q.archived) p.set('archived', 'true');
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `/?${s}` : '/';
}

export function sessionsListPage(v: SessionsListView): string {
  const q = v.query;
  const { page, totalPages, total } = v.pagination;
  const filters = html`<form
    method="get"
    action="/"
    class="panel filters"
    role="search"
    aria-label="Search sessions"
  >
    <div class="grow">
      <label for="f-search">Search</label
      ><input
        id="f-search"
        type="search"
        name="search"
        value="${q.search ?? ''}"
        placeholder="Words in prompts and responses"
      />
    </div>
    <div>
      <label for="f-status">Status</label
      ><select id="f-status" name="status">
        ${option('', 'Any', q.status)}${option('active', 'Active', q.status)}${option('completed', 'Completed', q.status)}${option('interrupted', 'Interrupted', q.status)}${option('error', 'Error', q.status)}
      </select>
    </div>
    <div>
      <label for="f-source">Source</label
      ><select id="f-source" name="source">
        ${option('', 'Any', q.source)}${option('cli-stream', 'Live capture', q.source)}${option('cli-upload', 'Upload', q.source)}${option('ingest', 'Ingest', q.source)}
      </select>
    </div>
    <div>
      <label for="f-project">Project</label
      ><select id="f-project" name="project">
        ${option('', 'Any', q.project)}${v.projects.map((p) => option(p.id, p.name, q.project))}
      </select>
    </div>
    <div>
      <label for="f-tag">Tag</label><input id="f-tag" type="text" name="tag" value="${q.tag ?? ''}" />
    </div>
    <div class="actions grow">
      <label class="check"
        ><input type="checkbox" name="starred" value="true" ${q.starred ? html` checked` : ''} /> Starred
        only</label
      >
      <label class="check"
        ><input type="checkbox" name="archived" value="true" ${q.archived ? html` checked` : ''} />
        Archived</label
      >
      <button type="submit">Search</button>
      <a href="/">Clear</a>
    </div>
  </form>`;
  const list = v.sessions.length
    ? html`<ul class="cards" aria-label="Sessions">
        ${v.sessions.map((s) => sessionCard(s, { liveHref: v.live[s.id] ?? null, owner: true }))}
      </ul>`
    : html`<p class="panel muted">
        ${q.search || q.status || q.source || q.project || q.tag || q.starred || q.archived ? 'No sessions match these filters.' : 'No sessions yet. Install the plugin and run Claude Code: sessions appear here as they happen (see Settings → Connect Claude Code).'}
      </p>`;
  const pager =
    totalPages > 1
      ? html`<nav class="pager" aria-label="Pages">
          ${page > 1 ? html`<a href="${queryString(q, page - 1)}" rel="prev">← Previous</a>` : ''}
          <span>Page ${page} of ${totalPages}</span>
          ${page < totalPages ? html`<a href="${queryString(q, page + 1)}" rel="next">Next →</a>` : ''}
        </nav>`
      : '';
  return layout({
    title: 'Sessions',
    nav: 'sessions',
    user: v.user,
    csrfToken: v.csrfToken,
    body: html`<h1>Sessions</h1>
      ${undoNotice(v.flash, v.csrfToken)} ${filters}
      <p class="muted small" aria-live="polite">
        ${total} session${total === 1 ? '' : 's'} · most recent activity first · <a href="/trash">Trash</a>
      </p>
      ${list}${pager}`,
  });
}
