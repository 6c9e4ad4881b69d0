// `/handoffs/:id`: one handoff note (Markdown body, rendered safely) with its project and source session.
import type { Handoff } from '../../../src/core/api/handoffs.js';
import { formatDate } from '../format.js';
import { html } from '../html.js';
import { layout } from '../layout.js';
import { renderMarkdown } from '../markdown.js';

export function handoffPage(v: { user: { name: string }; csrfToken: string; handoff: Handoff }): string {
  const h = v.handoff;
  return layout({
    title: h.title ?? 'Handoff',
    nav: 'projects',
    user: v.user,
    csrfToken: v.csrfToken,
    body: html`<article class="panel stack">
      <h1>${h.title ?? 'Handoff'}</h1>
      <ul class="facts">
        <li>Project: <a href="/projects/${encodeURIComponent(h.project.id)}">${h.project.name}</a></li>
        <li>
          From session <a href="/sessions/${encodeURIComponent(h.sessionId)}"><code>${h.sessionId}</code></a>
        </li>
        <li>${formatDate(h.createdAt)}</li>
      </ul>
      <div class="body">${renderMarkdown(h.body)}</div>
    </article>`,
  });
}
