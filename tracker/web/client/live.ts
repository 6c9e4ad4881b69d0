// The live viewer's browser code, bundled by scripts/build.mjs into /assets/live.js. Events are rendered by the same
// core/render tree as the server's timeline and materialized with createElement/textContent only: never innerHTML.
import type { SessionEvent } from '../../../src/core/model/session.js';
import { toDom } from '../../../src/core/render/dom.js';
import { timelineEventTree } from '../../../src/core/render/event-html.js';
import { LIVE_CHANGE_LABELS } from '../../../src/core/render/event-text.js';
import { createEventViewer } from '../../../src/core/render/event-view.js';
import { forwardCommentFrames } from './comment-frames.js';
import { presenceElement, renderPresence, type PresenceData } from './presence.js';

interface StreamItem {
  seq: number;
  event: SessionEvent;
  truncatedFrom?: number;
}
interface EndInfo {
  status?: string;
  postUrl?: string;
}

// As tracker/services/session-find.ts eventAnchor (not importable here: it brings zod): `5`, or `<agentId>.5`.
const AGENT = /^[A-Za-z0-9_-]{1,128}$/;

/** The owner's session page links every event (`id="e-<anchor>"` and a `#` permalink): events that arrive live too. */
function anchor(li: Element, item: StreamItem): void {
  const agentId = item.event.agentId;
  if (agentId && !AGENT.test(agentId)) return;
  const at = agentId ? `${agentId}.${item.seq}` : String(item.seq);
  li.id = `e-${at}`;
  const a = document.createElement('a');
  a.className = 'permalink';
  a.href = `${location.pathname}?at=${at}#e-${at}`;
  a.title = 'Link to this message';
  a.textContent = '#';
  li.insertBefore(a, li.firstChild);
}

const nearBottom = (): boolean =>
  window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 80;

interface FollowMarker {
  jump: HTMLElement;
  add(): void;
  clear(): void;
}

/**
 * "N new events below" and "Jump to latest" for a reader who scrolled up. The live viewer page renders it (#follow);
 * the owner's session page in follow mode gets one made here. The count is a polite live region, announced as it grows.
 */
function followMarker(root: HTMLElement): FollowMarker {
  let box = document.getElementById('follow');
  if (!box) {
    box = document.createElement('div');
    box.id = 'follow';
    box.className = 'follow-marker';
    box.hidden = true;
    const count = document.createElement('span');
    count.id = 'new-below';
    count.setAttribute('role', 'status');
    count.setAttribute('aria-live', 'polite');
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'jump';
    button.textContent = 'Jump to latest ↓';
    box.appendChild(count);
    box.appendChild(document.createTextNode(' '));
    box.appendChild(button);
    root.appendChild(box);
  }
  const shown = box;
  const count = document.getElementById('new-below');
  let pending = 0;
  const set = (n: number): void => {
    pending = n;
    shown.hidden = n === 0;
    shown.setAttribute('data-new-below', String(n));
    if (count) count.textContent = n === 0 ? '' : n === 1 ? '1 new event below' : `${n} new events below`;
  };
  return {
    jump: document.getElementById('jump') ?? shown,
    add: () => set(pending + 1),
    clear: () => {
      if (pending > 0 || !shown.hidden) set(0);
    },
  };
}

function start(): void {
  const root = document.getElementById('live');
  const list = document.getElementById('timeline');
  if (!root || !list || typeof EventSource === 'undefined') return;
  const eventsUrl = root.getAttribute('data-events-url') ?? '';
  const statusUrl = root.getAttribute('data-status-url');
  const mode = root.getAttribute('data-mode') || 'viewer';
  const conn = document.getElementById('live-conn');
  const badge = document.getElementById('live-badge');
  const viewers = document.getElementById('viewers');
  const watching = document.getElementById('watching');
  const presence = mode === 'viewer' ? presenceElement() : null;
  const working = document.getElementById('working');
  const endNotice = document.getElementById('end-notice');
  const toggle = document.getElementById('autoscroll');
  const marker = followMarker(root);
  const viewer = createEventViewer();
  const seen: Record<string, true> = Object.create(null);
  let autoScroll = true;
  let lastSeq = 0;
  let ended = false;
  let es: EventSource | null = null;
  /** Once the server sends presence, the older `viewers` count is ignored (it counts tabs, presence counts people). */
  let hasPresence = false;
  let lastStatus = '';

  Array.prototype.forEach.call(list.querySelectorAll('[data-uuid]'), (li: Element) => {
    seen[li.getAttribute('data-uuid') ?? ''] = true;
  });

  const setText = (node: HTMLElement | null, text: string): void => {
    if (node) node.textContent = text;
  };
  const render = (item: StreamItem): Node => {
    const place =
      item.truncatedFrom === undefined
        ? { seq: item.seq }
        : { seq: item.seq, truncatedFrom: item.truncatedFrom };
    // core/render names notes and status lines in words (systemLabel), as the server's pages and exports do.
    const node = toDom(timelineEventTree(viewer.view(item.event), place), document);
    if (mode === 'follow' && node instanceof Element) anchor(node, item);
    return node;
  };
  const insert = (li: Node, seq: number): void => {
    const empty = list.querySelector('[data-empty]');
    if (empty) empty.parentNode?.removeChild(empty);
    if (mode === 'viewer' && seq < lastSeq) {
      const items = list.querySelectorAll('li[data-seq]');
      for (let i = 0; i < items.length; i++) {
        if (Number(items[i]!.getAttribute('data-seq')) > seq) {
          list.insertBefore(li, items[i]!);
          return;
        }
      }
    }
    list.appendChild(li);
  };
  const showWorking = (tool: string | null): void => {
    if (!working) return;
    working.textContent = tool ? `Claude is working… running ${tool}` : 'Claude is working…';
    working.hidden = false;
  };
  const hideWorking = (): void => {
    if (working) working.hidden = true;
  };
  const updateWorking = (e: SessionEvent): void => {
    if (e.kind === 'prompt' || e.kind === 'tool_result') showWorking(null);
    else if (e.kind === 'tool_call') showWorking(e.name);
    else if (e.kind === 'text') hideWorking();
    else if (e.kind === 'system' && (e.subtype === 'live_status' || e.subtype === 'status')) {
      if (e.text === 'working') showWorking(null);
      else hideWorking();
    }
  };
  const scrollToEnd = (): void => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    marker.clear();
  };
  const onEvent = (msg: MessageEvent<string>): void => {
    let d: StreamItem | null;
    try {
      d = JSON.parse(msg.data) as StreamItem | null;
    } catch {
      return;
    }
    if (!d || !d.event) return;
    if (d.seq > lastSeq) lastSeq = d.seq;
    if (seen[d.event.uuid]) return;
    seen[d.event.uuid] = true;
    // Measured before the event lands: a reader who scrolled up keeps their place and is told what came below.
    const follow = autoScroll && nearBottom();
    insert(render(d), d.seq);
    updateWorking(d.event);
    root.setAttribute('data-received', String(Number(root.getAttribute('data-received') || '0') + 1));
    if (follow) scrollToEnd();
    else marker.add();
  };
  /** Pauses, resumes and the end as a line in the timeline, in words. */
  const mark = (change: string, text: string): void => {
    const li = document.createElement('li');
    li.className = 'msg system live-change';
    li.setAttribute('data-change', change);
    li.textContent = text;
    list.appendChild(li);
  };
  const onPresence = (p: PresenceData): void => {
    if (ended) return;
    hasPresence = true;
    setText(viewers, String(p.users.length + p.anonymous));
    if (presence) renderPresence(presence, p);
  };
  const setStatus = (status: string): void => {
    if (status === 'paused' && lastStatus === 'active') mark('paused', LIVE_CHANGE_LABELS.paused);
    if (status === 'active' && lastStatus === 'paused') mark('resumed', LIVE_CHANGE_LABELS.resumed);
    lastStatus = status;
    if (status === 'paused') {
      setText(badge, 'PAUSED');
      if (badge) badge.className = 'live-badge off';
      hideWorking();
      if (endNotice) {
        endNotice.textContent = 'The stream is paused by its owner.';
        endNotice.hidden = false;
      }
    } else if (status === 'active') {
      setText(badge, 'LIVE');
      if (badge) badge.className = 'live-badge';
      if (endNotice && !ended) endNotice.hidden = true;
    }
    root.setAttribute('data-status', status);
  };
  const finish = (d: EndInfo): void => {
    if (!ended) mark('ended', LIVE_CHANGE_LABELS.ended);
    ended = true;
    // Nobody is watching a stream that ended: the count and the names go.
    setText(watching, LIVE_CHANGE_LABELS.ended);
    if (presence) renderPresence(presence, { users: [], anonymous: 0 });
    if (es) es.close();
    hideWorking();
    setText(badge, 'ENDED');
    if (badge) badge.className = 'live-badge off';
    setText(conn, 'Stream closed');
    const text =
      d.status === 'completed'
        ? 'The session has ended.'
        : d.status === 'revoked'
          ? 'This live stream was ended by its owner.'
          : d.status === 'expired'
            ? 'This live stream has expired.'
            : 'The stream has ended.';
    if (endNotice) {
      endNotice.textContent = text;
      // Only our own tracker's post URLs: http(s) or a same-origin path, never javascript: or //elsewhere.
      if (d.postUrl && /^(https?:\/\/|\/(?!\/))/.test(d.postUrl)) {
        endNotice.appendChild(document.createTextNode(' '));
        const a = document.createElement('a');
        a.textContent = 'Read the saved session';
        a.href = d.postUrl;
        endNotice.appendChild(a);
        // The saved session replays on its own timestamps (tracker/web/routes/replay.ts).
        endNotice.appendChild(document.createTextNode(' · '));
        const replay = document.createElement('a');
        replay.textContent = 'Replay it';
        replay.href = `${d.postUrl.replace(/[?#].*$/, '').replace(/\/$/, '')}/replay`;
        endNotice.appendChild(replay);
      }
      endNotice.hidden = false;
    }
    root.setAttribute('data-status', d.status || 'ended');
  };
  const probe = (): void => {
    if (!statusUrl) {
      setTimeout(connect, 3000);
      return;
    }
    fetch(statusUrl, { credentials: 'same-origin', cache: 'no-store' })
      .then((r): Promise<void> | null => {
        if (r.status === 404) {
          finish({ status: 'revoked' });
          setText(conn, 'Not found');
          return null;
        }
        if (r.status === 410)
          return r.json().then((b: { error?: { details?: { status?: string } } } | null) => {
            const st = b?.error?.details?.status;
            finish({ status: st === 'expired' ? 'expired' : 'revoked' });
          });
        return r.json().then((b: { status?: string; postUrl?: string }) => {
          if (b.status === 'completed') finish({ status: 'completed', postUrl: b.postUrl });
          else setTimeout(connect, 2000);
        });
      })
      .catch(() => {
        setTimeout(probe, 3000);
      });
  };
  const connect = (): void => {
    if (ended) return;
    const url =
      eventsUrl + (lastSeq > 0 ? `${eventsUrl.indexOf('?') < 0 ? '?' : '&'}lastEventId=${lastSeq}` : '');
    const source = new EventSource(url, { withCredentials: true });
    forwardCommentFrames(source);
    es = source;
    setText(conn, 'Connecting…');
    source.addEventListener('open', () => {
      setText(conn, 'Connected');
      root.setAttribute('data-conn', 'open');
    });
    source.addEventListener('hello', (m: MessageEvent<string>) => {
      const d = JSON.parse(m.data) as { viewers: number; status: string };
      if (!hasPresence) setText(viewers, String(d.viewers));
      setStatus(d.status);
    });
    source.addEventListener('event', onEvent);
    source.addEventListener('viewers', (m: MessageEvent<string>) => {
      if (!hasPresence) setText(viewers, String((JSON.parse(m.data) as { count: number }).count));
    });
    source.addEventListener('presence', (m: MessageEvent<string>) => {
      onPresence(JSON.parse(m.data) as PresenceData);
    });
    source.addEventListener('status', (m: MessageEvent<string>) => {
      setStatus((JSON.parse(m.data) as { status: string }).status);
    });
    source.addEventListener('end', (m: MessageEvent<string>) => finish(JSON.parse(m.data) as EndInfo));
    source.onerror = () => {
      if (ended) return;
      root.setAttribute('data-conn', 'error');
      if (source.readyState === EventSource.CLOSED) {
        setText(conn, 'Disconnected');
        probe();
      } else setText(conn, 'Reconnecting…');
    };
  };
  if (toggle)
    toggle.addEventListener('click', () => {
      autoScroll = !autoScroll;
      toggle.setAttribute('aria-pressed', autoScroll ? 'true' : 'false');
      toggle.textContent = autoScroll ? 'Pause auto-scroll' : 'Resume auto-scroll';
      if (autoScroll) scrollToEnd();
    });
  // Jumping to the latest is a request to follow again, even after auto-scroll was paused.
  marker.jump.addEventListener('click', () => {
    if (!autoScroll && toggle) toggle.click();
    else scrollToEnd();
  });
  window.addEventListener(
    'scroll',
    () => {
      if (nearBottom()) marker.clear();
    },
    { passive: true },
  );
  connect();
}

start();
