// `/live/:viewerToken`: the live viewer. The page is a shell; /assets/live.js fills it from the SSE feed.
import { html } from '../html.js';
import { layout } from '../layout.js';

export interface LiveViewerView {
  title: string | null;
  eventsUrl: string;
  statusUrl: string;
  user: { name: string } | null;
  csrfToken?: string;
}

export function liveViewerPage(v: LiveViewerView): string {
  return layout({
    title: v.title ? `Live: ${v.title}` : 'Live session',
    user: v.user,
    csrfToken: v.csrfToken,
    robots: 'noindex',
    scripts: ['/assets/app.js', '/assets/live.js'],
    body: html`<section
      id="live"
      data-events-url="${v.eventsUrl}"
      data-status-url="${v.statusUrl}"
      data-mode="viewer"
      aria-labelledby="live-title"
    >
      <div class="panel live-bar" role="region" aria-label="Live status">
        <span id="live-badge" class="live-badge">LIVE</span>
        <h1 id="live-title">${v.title ?? 'Live Claude Code session'}</h1>
        <span id="live-conn" class="small" role="status">Connecting…</span>
        <span id="watching" class="small"><span id="viewers">0</span> watching</span>
        <span id="working" class="working small" role="status" hidden>Claude is working…</span>
        <button type="button" id="autoscroll" class="secondary" aria-pressed="true">Pause auto-scroll</button>
      </div>
      <div id="presence" class="presence" role="status" aria-live="polite" hidden></div>
      <noscript><p class="notice">The live view needs JavaScript to receive updates.</p></noscript>
      <ol class="timeline" id="timeline" aria-live="polite">
        <li class="muted" data-empty="1">Waiting for the first message…</li>
      </ol>
      <p id="end-notice" class="notice end-notice" role="status" hidden></p>
      <div id="follow" class="follow-marker" hidden>
        <span id="new-below" role="status" aria-live="polite"></span>
        <button type="button" id="jump">Jump to latest ↓</button>
      </div>
    </section>`,
  });
}
