// `/sessions/{id}/replay` and `/share/{slug}/replay`: the controls and an empty timeline; /assets/replay.js plays it.
import { html } from '../html.js';
import { layout } from '../layout.js';

export interface ReplayView {
  title: string;
  /** The session page this replays (its link back). */
  back: string;
  eventsUrl: string;
  total: number;
  user: { name: string } | null;
  csrfToken?: string;
}

const SPEEDS = [1, 4, 16];

export function replayPage(v: ReplayView): string {
  const speeds = SPEEDS.map(
    (s) =>
      html`<button
        type="button"
        class="secondary"
        data-speed="${String(s)}"
        aria-pressed="${s === 1 ? 'true' : 'false'}"
      >
        ${String(s)}×
      </button>`,
  );
  return layout({
    title: `Replay: ${v.title}`,
    user: v.user,
    csrfToken: v.csrfToken,
    robots: 'noindex',
    scripts: ['/assets/replay.js'],
    body: html`<section
      id="replay"
      class="replay"
      data-events-url="${v.eventsUrl}"
      aria-labelledby="replay-title"
    >
      <div class="panel replay-bar" role="region" aria-label="Replay controls">
        <h1 id="replay-title">${v.title}</h1>
        <a href="${v.back}" class="small">Back to the session</a>
        <div class="row replay-controls">
          <button type="button" id="replay-play" aria-keyshortcuts="Space" disabled>Play</button>
          <span role="group" aria-label="Speed" class="replay-speeds">${speeds}</span>
          <label class="visually-hidden" for="replay-seek">Position (events shown)</label>
          <input
            id="replay-seek"
            type="range"
            min="0"
            max="${String(v.total)}"
            value="0"
            step="1"
            aria-keyshortcuts="ArrowLeft ArrowRight"
            disabled
          />
          <span id="replay-time" class="small" aria-live="off">0 / ${String(v.total)} · 0:00</span>
        </div>
        <p id="replay-status" class="muted small" role="status" aria-live="polite">Loading events…</p>
      </div>
      <noscript
        ><p class="notice">
          The replay needs JavaScript. <a href="${v.back}">Read the session</a>.
        </p></noscript
      >
      <ol class="timeline" id="timeline"></ol>
    </section>`,
  });
}
