// `/handoffs/:id`: one handoff note (Markdown body, rendered safely) with its project and source session.
import type { Handoff } from '../../../src/core/api/handoffs.js';
import { handoffDisplay } from '../../services/frontmatter.js';
import { formatDate } from '../format.js';
import { html } from '../html.js';
import { layout } from '../layout.js';
import { renderMarkdown } from '../markdown.js';

export function handoffPage(v: { user: { name: string }; csrfToken: string; handoff: Handoff }): string {
  const h = v.handoff;
  const shown = handoffDisplay(h);
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
      ${
        shown.meta.length
          ? html`<dl class="row handoff-meta" aria-label="Handoff details">
              ${shown.meta.map(
                (m) =>
                  html`<div>
                    <dt class="muted small">${m.key}</dt>
                    <dd>${m.value}</dd>
                  </div>`,
              )}
            </dl>`
          : ''
      }
      <div class="body">${renderMarkdown(shown.body)}</div>
    </article>`,
  });
}
