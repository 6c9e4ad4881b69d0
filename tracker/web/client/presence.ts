// Who is watching: renders `presence` events into #presence (names, initials, "and 2 anonymous viewers"). On session
// and share pages it opens its own presence feed; the live viewer (live.ts) feeds it from the stream instead.
// createElement/textContent only: names are user input.
import { forwardCommentFrames } from './comment-frames.js';

export interface PresenceUser {
  id: string;
  name: string;
}
export interface PresenceData {
  users: PresenceUser[];
  anonymous: number;
}

function initials(name: string): string {
  const parts = name
    .trim()
    .split(/[\s._-]+/)
    .filter(Boolean);
  const letters = parts.length > 1 ? parts[0]!.charAt(0) + parts[1]!.charAt(0) : name.trim().charAt(0);
  return letters.toUpperCase() || '?';
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Replaces the contents of `el` with the watchers in `p`; hidden when nobody is there. */
export function renderPresence(el: HTMLElement, p: PresenceData): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  const total = p.users.length + p.anonymous;
  el.hidden = total === 0;
  el.setAttribute('data-watchers', String(total));
  if (total === 0) return;
  const label = document.createElement('span');
  label.className = 'presence-label';
  label.textContent = 'Watching:';
  el.appendChild(label);
  for (const u of p.users) {
    const who = document.createElement('span');
    who.className = 'presence-user';
    who.setAttribute('data-user', u.id);
    who.title = u.name;
    const avatar = document.createElement('span');
    avatar.className = 'presence-avatar';
    avatar.setAttribute('aria-hidden', 'true');
    avatar.textContent = initials(u.name);
    const name = document.createElement('span');
    name.className = 'presence-name';
    name.textContent = u.name;
    who.appendChild(avatar);
    who.appendChild(name);
    el.appendChild(who);
  }
  if (p.anonymous > 0) {
    const anon = document.createElement('span');
    anon.className = 'presence-anonymous';
    const n = plural(p.anonymous, 'anonymous viewer', 'anonymous viewers');
    anon.textContent = p.users.length > 0 ? `and ${n}` : n;
    el.appendChild(anon);
  }
}

/** The #presence element, created before the timeline when the page has none. */
export function presenceElement(): HTMLElement | null {
  const existing = document.getElementById('presence');
  if (existing) return existing;
  const timeline = document.getElementById('timeline');
  if (!timeline || !timeline.parentNode) return null;
  const el = document.createElement('div');
  el.id = 'presence';
  el.className = 'presence';
  el.setAttribute('role', 'status');
  el.setAttribute('aria-live', 'polite');
  el.hidden = true;
  timeline.parentNode.insertBefore(el, timeline);
  return el;
}

/** `data-presence-url` on #presence wins; else the feed beside a session or share page's own path. */
function presenceUrl(): string | null {
  const explicit = document.getElementById('presence')?.getAttribute('data-presence-url');
  if (explicit) return explicit;
  const path = location.pathname.replace(/\/+$/, '');
  if (/^\/sessions\/[^/]+$/.test(path) || /^\/(share|p)\/[^/]+(\/s\/[^/]+)?$/.test(path))
    return `${path}/presence`;
  return null;
}

function start(): void {
  if (
    typeof EventSource === 'undefined' ||
    document.getElementById('live')?.getAttribute('data-mode') === 'viewer'
  )
    return;
  const url = presenceUrl();
  if (!url) return;
  const el = presenceElement();
  // live.js bundles this module too: one feed per page, whichever bundle runs first.
  if (!el || el.hasAttribute('data-feed')) return;
  el.setAttribute('data-feed', url);
  const es = new EventSource(url, { withCredentials: true });
  forwardCommentFrames(es);
  es.addEventListener('presence', (m: MessageEvent<string>) => {
    try {
      renderPresence(el, JSON.parse(m.data) as PresenceData);
    } catch {
      // a malformed frame changes nothing
    }
  });
}

start();
