// Error pages (404, 410, 403, 500) that say what happened without echoing anything the request carried.
import { html } from '../html.js';
import { layout } from '../layout.js';

export function errorPage(v: {
  status: number;
  title: string;
  message: string;
  user?: { name: string } | null;
  csrfToken?: string;
}): string {
  return layout({
    title: v.title,
    user: v.user ?? null,
    csrfToken: v.csrfToken,
    robots: 'noindex',
    body: html`<section class="panel stack">
      <h1>${v.title}</h1>
      <p>${v.message}</p>
      <p class="muted small">HTTP ${v.status}</p>
      <p><a href="/">Go to the session list</a></p>
    </section>`,
  });
}
