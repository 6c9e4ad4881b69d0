// Browser enhancements for the session pages (reader), bundled into /assets/app.js: event links, in-session search
// stepped through across pages, and the compact view of tool calls. Text only: no innerHTML anywhere.
import { clearMarks, markText } from './reader-marks.js';

const COMPACT_KEY = 'baton.reader.compact';

interface FindAnswer {
  hits: string[];
  truncated: boolean;
}

function eventEl(anchor: string): HTMLElement | null {
  return document.getElementById(`e-${anchor}`);
}

function pageUrl(base: string, anchor: string, q: string): string {
  const query = `?at=${encodeURIComponent(anchor)}${q ? `&q=${encodeURIComponent(q)}` : ''}`;
  return `${base}${query}#e-${anchor}`;
}

/** Shows an event: opens the folds that hide it, scrolls it to the middle and marks it current. */
function reveal(el: HTMLElement): void {
  Array.prototype.forEach.call(document.querySelectorAll('.timeline > li[aria-current]'), (li: Element) =>
    li.removeAttribute('aria-current'),
  );
  el.setAttribute('aria-current', 'true');
  const hit = el.querySelector('mark.reader-hit');
  for (let p = hit ? hit.parentElement : null; p && p !== el; p = p.parentElement)
    if (p instanceof HTMLDetailsElement) p.open = true;
  const target = hit ?? el;
  target.scrollIntoView({ block: 'center' });
  holdInView(target);
}

/**
 * Keeps a deep-linked event centred while the page settles: comment threads, the presence bar and lazily laid out
 * (content-visibility) events above it change height after the first scroll, which would push it off screen. Stops
 * at the reader's first scroll gesture or key, or after a few seconds.
 */
function holdInView(target: Element): void {
  if (typeof ResizeObserver === 'undefined') return;
  const observer = new ResizeObserver(() => target.scrollIntoView({ block: 'center' }));
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const t of ['wheel', 'touchstart', 'keydown', 'mousedown'] as const) removeEventListener(t, stop);
  };
  for (const t of ['wheel', 'touchstart', 'keydown', 'mousedown'] as const)
    addEventListener(t, stop, { passive: true });
  observer.observe(document.body);
  const timer = setTimeout(stop, 4000);
}

function enhanceLinks(section: HTMLElement): void {
  section.addEventListener('click', (ev) => {
    const a = ev.target instanceof Element ? ev.target.closest('a.permalink') : null;
    if (!(a instanceof HTMLAnchorElement)) return;
    ev.preventDefault();
    // Same page: point the address bar at the event (so :target and a reload agree) without reloading 500 events.
    history.replaceState(null, '', a.pathname + a.search);
    location.hash = a.hash;
    navigator.clipboard?.writeText(a.href).then(
      () => {
        a.setAttribute('data-copied', 'Link copied');
        setTimeout(() => a.removeAttribute('data-copied'), 2000);
      },
      () => undefined,
    );
  });
  const at = section.getAttribute('data-at');
  const el = at ? eventEl(at) : null;
  if (el) reveal(el);
}

function enhanceCompact(section: HTMLElement): void {
  const btn = document.getElementById('reader-compact');
  if (!btn) return;
  const apply = (on: boolean) => {
    section.classList.toggle('compact', on);
    btn.setAttribute('aria-pressed', String(on));
    btn.textContent = on ? 'Expand tool calls' : 'Compact tool calls';
  };
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(COMPACT_KEY);
  } catch {
    // Storage blocked (private mode): the toggle still works for this page.
  }
  apply(stored === '1');
  btn.hidden = false;
  btn.addEventListener('click', () => {
    const on = !section.classList.contains('compact');
    apply(on);
    try {
      localStorage.setItem(COMPACT_KEY, on ? '1' : '0');
    } catch {
      // Not remembered; nothing else to do.
    }
  });
}

function enhanceSearch(section: HTMLElement): void {
  const form = document.getElementById('reader-find');
  const input = document.getElementById('reader-q');
  const prevBtn = document.getElementById('reader-prev');
  const count = document.getElementById('reader-count');
  const base = section.getAttribute('data-reader-base');
  const findUrl = section.getAttribute('data-find-url');
  const timeline = document.getElementById('timeline');
  if (!(form instanceof HTMLFormElement) || !(input instanceof HTMLInputElement) || !base || !findUrl) return;
  if (!timeline || !prevBtn || !count) return;
  let q = '';
  let hits: string[] = [];
  let truncated = false;
  let current = -1;

  const show = () => {
    if (!q) count.textContent = '';
    else if (hits.length === 0) count.textContent = 'No matches';
    else {
      const total = `${hits.length}${truncated ? '+' : ''}`;
      count.textContent = current >= 0 ? `${current + 1} of ${total}` : `${total} matches`;
    }
    prevBtn.hidden = hits.length === 0;
  };

  const go = (i: number) => {
    if (hits.length === 0) return;
    current = (i + hits.length) % hits.length;
    const anchor = hits[current]!;
    const el = eventEl(anchor);
    show();
    if (el) {
      reveal(el);
      history.replaceState(null, '', pageUrl(base, anchor, q).replace(/#.*$/, ''));
    } else location.assign(pageUrl(base, anchor, q));
  };

  const search = async (text: string): Promise<void> => {
    q = text.trim();
    clearMarks(timeline);
    hits = [];
    current = -1;
    if (!q) return show();
    markText(timeline, q);
    count.textContent = 'Searching…';
    const res = await fetch(`${findUrl}?q=${encodeURIComponent(q)}`, { credentials: 'same-origin' });
    if (!res.ok) {
      count.textContent = 'Search failed';
      return;
    }
    const body = (await res.json()) as FindAnswer;
    hits = body.hits;
    truncated = body.truncated;
    show();
  };

  /** The hit after the current one; before the first step, the first hit on this page (or the session's first). */
  const step = async (dir: 1 | -1) => {
    const text = input.value.trim();
    if (text !== q) await search(text);
    if (current >= 0) return go(current + dir);
    const here = hits.findIndex((a) => eventEl(a) !== null);
    go(here >= 0 ? (dir === 1 ? here : here - 1) : 0);
  };

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void step(1);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && ev.shiftKey) {
      ev.preventDefault();
      void step(-1);
    }
  });
  prevBtn.addEventListener('click', () => void step(-1));
  document.addEventListener('keydown', (ev) => {
    const t = ev.target;
    if (ev.ctrlKey || ev.metaKey || ev.altKey || !q) return;
    if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement)
      return;
    if (ev.key === 'n') void step(1);
    else if (ev.key === 'N') void step(-1);
  });

  // Opened from a search step on another page: resume at the event the step landed on.
  if (input.value.trim()) {
    const at = section.getAttribute('data-at');
    void search(input.value).then(() => {
      const i = at ? hits.indexOf(at) : -1;
      if (i >= 0) {
        current = i;
        show();
        const el = eventEl(at!);
        if (el) reveal(el);
      }
    });
  }
}

function enhanceReader(): void {
  const section = document.querySelector('section.reader');
  if (!(section instanceof HTMLElement)) return;
  enhanceLinks(section);
  enhanceCompact(section);
  enhanceSearch(section);
}

enhanceReader();
