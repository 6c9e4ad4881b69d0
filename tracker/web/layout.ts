// The one page layout: head, skip link, navigation (signed-in or not), main, and the script tags a page asks for.
import { html, type SafeHtml } from './html.js';

export interface LayoutOptions {
  title: string;
  /** Which nav entry is current. */
  nav?: 'sessions' | 'projects' | 'shared' | 'settings' | 'diagnostics' | 'usage' | null;
  /** Signed-in user name, or null on public pages (login, live viewer, shared posts). */
  user: { name: string } | null;
  csrfToken?: string;
  /** Extra scripts, all same-origin under /assets/ (the CSP allows nothing else). */
  scripts?: string[];
  /** Data attributes for <body>, read by the page scripts (no inline script carries data). */
  body: SafeHtml;
  robots?: 'noindex';
}

export function layout(o: LayoutOptions): string {
  const item = (key: NonNullable<LayoutOptions['nav']>, href: string, label: string) =>
    html`<a href="${href}" ${o.nav === key ? html` aria-current="page"` : ''}>${label}</a>`;
  const nav = o.user
    ? html`<nav aria-label="Main">
          ${item('sessions', '/', 'Sessions')} ${item('projects', '/projects', 'Projects')}
          ${item('usage', '/usage', 'Usage')} ${item('shared', '/shared', 'Shared')}
          ${item('settings', '/settings', 'Settings')} ${item('diagnostics', '/diagnostics', 'Diagnostics')}
        </nav>
        <form method="post" action="/logout">
          <input type="hidden" name="csrf" value="${o.csrfToken ?? ''}" />
          <span class="muted small">${o.user.name}</span>
          <button type="submit" class="secondary">Log out</button>
        </form>`
    : html`<nav aria-label="Main"></nav>`;
  const scripts = (o.scripts ?? []).map((s) => html`<script src="${s}" defer></script>`);
  return `<!doctype html>${
    html`<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        ${o.robots ? html`<meta name="robots" content="noindex, nofollow" />` : ''}
        <title>${o.title} · Baton</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/assets/app.css" />
        ${scripts}
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="top"><a class="brand" href="/">Baton</a>${nav}</header>
        <main id="main" tabindex="-1">${o.body}</main>
      </body>
    </html>`.value
  }`;
}
