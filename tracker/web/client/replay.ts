// The replay page's browser code, bundled by scripts/build.mjs into /assets/replay.js (its own asset: the live viewer
// does not load it). Plays a stored session's events in order on their own timestamps, rendered by core/render's one
// renderer with createElement/textContent only. The rules of time are in ./replay-clock.ts.
import type { SessionEvent } from '../../../src/core/model/session.js';
import { toDom } from '../../../src/core/render/dom.js';
import { timelineEventTree } from '../../../src/core/render/event-html.js';
import { createEventViewer } from '../../../src/core/render/event-view.js';
import { clockText, gapBefore, idleText } from './replay-clock.js';

interface Item {
  seq: number;
  event: SessionEvent;
  truncatedFrom?: number;
}
interface FeedPage {
  events: Item[];
  eventsPage: { total: number; nextOffset: number | null };
}

/** The feed's JSON, checked for the shape this script reads (no zod in browser bundles). */
function asPage(v: unknown): FeedPage | null {
  const p = v as FeedPage | null;
  if (!p || !Array.isArray(p.events) || !p.eventsPage || typeof p.eventsPage.total !== 'number') return null;
  return p.events.every((e) => e && typeof e.seq === 'number' && e.event && typeof e.event.kind === 'string')
    ? p
    : null;
}

function start(): void {
  const root = document.getElementById('replay');
  const list = document.getElementById('timeline');
  const play = document.getElementById('replay-play') as HTMLButtonElement | null;
  const seek = document.getElementById('replay-seek') as HTMLInputElement | null;
  const time = document.getElementById('replay-time');
  const status = document.getElementById('replay-status');
  if (!root || !list || !play || !seek || !time || !status) return;
  const speedButtons = root.querySelectorAll<HTMLButtonElement>('[data-speed]');
  const events: Item[] = [];
  let total = Number(seek.max) || 0;
  let loaded = false;
  let shown = 0;
  let speed = 1;
  let playing = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let viewer = createEventViewer();

  const render = (item: Item): Node => {
    const v = viewer.view(item.event);
    const place =
      item.truncatedFrom === undefined
        ? { seq: item.seq }
        : { seq: item.seq, truncatedFrom: item.truncatedFrom };
    return toDom(timelineEventTree(v, place), document);
  };
  const update = (): void => {
    seek.max = String(total);
    seek.value = String(shown);
    seek.setAttribute('aria-valuetext', `${shown} of ${total} events`);
    time.textContent = `${shown} / ${total} · ${clockText(events, shown)}`;
    root.setAttribute('data-shown', String(shown));
    root.setAttribute('data-state', playing ? 'playing' : shown >= total && loaded ? 'ended' : 'paused');
    play.textContent = playing ? 'Pause' : shown >= total && loaded ? 'Play again' : 'Play';
    play.setAttribute('aria-pressed', playing ? 'true' : 'false');
  };
  const stopTimer = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const atBottom = (): boolean =>
    window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 80;
  const schedule = (): void => {
    stopTimer();
    if (!playing) return;
    if (shown >= events.length) {
      // Played all that has loaded: the end, or wait for the next page of the feed.
      if (loaded) playing = false;
      update();
      return;
    }
    const gap = gapBefore(events, shown);
    if (gap.skippedMs > 0) status.textContent = idleText(gap.skippedMs);
    timer = setTimeout(step, gap.waitMs / speed);
  };
  function step(): void {
    timer = null;
    const item = events[shown];
    if (!item) return schedule();
    const follow = atBottom();
    list!.appendChild(render(item));
    shown++;
    if (follow) window.scrollTo(0, document.documentElement.scrollHeight);
    update();
    schedule();
  }
  /** Shows exactly the first `n` events, rendered afresh (the viewer pairs tool calls with results in order). */
  const seekTo = (n: number): void => {
    stopTimer();
    const to = Math.max(0, Math.min(n, events.length));
    while (list.firstChild) list.removeChild(list.firstChild);
    viewer = createEventViewer();
    const frag = document.createDocumentFragment();
    for (let i = 0; i < to; i++) frag.appendChild(render(events[i]!));
    list.appendChild(frag);
    shown = to;
    update();
    schedule();
  };
  const toggle = (): void => {
    if (play.disabled) return;
    if (playing) {
      playing = false;
      stopTimer();
      update();
      return;
    }
    playing = true;
    if (loaded && shown >= total) seekTo(0);
    else {
      update();
      schedule();
    }
  };
  const setSpeed = (s: number): void => {
    speed = s;
    speedButtons.forEach((b) =>
      b.setAttribute('aria-pressed', b.getAttribute('data-speed') === String(s) ? 'true' : 'false'),
    );
    root.setAttribute('data-speed', String(s));
    // The wait under way restarts at the new pace.
    if (playing) schedule();
  };

  play.addEventListener('click', toggle);
  seek.addEventListener('input', () => seekTo(Number(seek.value)));
  speedButtons.forEach((b) =>
    b.addEventListener('click', () => setSpeed(Number(b.getAttribute('data-speed')))),
  );
  document.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement | null;
    const tag = t ? t.tagName : '';
    // Buttons, links and fields keep their own keys (space on a button already clicks it; the range has arrows).
    if (tag === 'BUTTON' || tag === 'A' || tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
    if (e.key === ' ') toggle();
    else if (e.key === 'ArrowRight') seekTo(shown + 1);
    else if (e.key === 'ArrowLeft') seekTo(shown - 1);
    else return;
    e.preventDefault();
  });

  const load = (offset: number): void => {
    const url = `${root.getAttribute('data-events-url') ?? ''}?offset=${offset}`;
    fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : null))
      .then((body: unknown) => {
        const p = asPage(body);
        if (!p) {
          status.textContent = 'The events could not be loaded.';
          return;
        }
        for (const e of p.events) events.push(e);
        total = p.eventsPage.total;
        loaded = p.eventsPage.nextOffset === null || p.events.length === 0;
        play.disabled = false;
        seek.disabled = false;
        root.setAttribute('data-loaded', String(events.length));
        if (status.textContent === 'Loading events…') status.textContent = '';
        if (!loaded) load(p.eventsPage.nextOffset!);
        else total = events.length;
        update();
        if (playing && timer === null) schedule();
      })
      .catch(() => {
        status.textContent = 'The events could not be loaded.';
      });
  };
  load(0);
}

start();
