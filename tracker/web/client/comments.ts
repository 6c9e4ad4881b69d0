// Comments on a session's events (issue 14) on the owner's session page, share pages and the live viewer: threads
// under their event, a comment box for signed-in users with access, reactions, delete, and live arrivals through the
// page's SSE feed (presence.ts and live.ts forward the frames here). Plain JavaScript pages without it stay readable.
import { COMMENT_FRAME_EVENT } from './comment-frames.js';
import { eventBlock, type CommentData, type Reaction, type ThreadActions } from './comments-render.js';

interface State {
  commentsEnabled: boolean;
  canComment: boolean;
  me: string | null;
  isOwner: boolean;
  comments: CommentData[];
  eventReactions: Record<string, Reaction[]>;
}

/** Where this page's comment routes hang off, or null on pages without comments. */
function baseOf(root: HTMLElement): string | null {
  const id = root.getAttribute('data-session-id');
  if (id) return `/sessions/${encodeURIComponent(id)}`;
  const slug = root.getAttribute('data-share-slug');
  if (slug && location.pathname.startsWith('/share/')) return `/share/${encodeURIComponent(slug)}`;
  const live = /^(\/live\/[^/]+)\/events$/.exec(root.getAttribute('data-events-url') ?? '');
  return live && root.getAttribute('data-mode') === 'viewer' ? live[1]! : null;
}

const MESSAGES: Record<number, string> = {
  400: 'A comment needs 1 to 4000 characters.',
  403: 'You cannot comment here (signed out, or comments are off).',
  404: 'That message or comment is gone.',
  413: 'That comment is too long.',
  429: 'Too many comments in a minute; wait a moment.',
};

function start(): void {
  const root = document.getElementById('live');
  const list = document.getElementById('timeline');
  if (!root || !list || root.hasAttribute('data-comments')) return;
  const base = baseOf(root);
  if (!base || typeof fetch === 'undefined') return;
  // app.js and live.js both bundle this module: one instance per page.
  root.setAttribute('data-comments', 'loading');
  let state: State | null = null;

  const post = async (path: string, fields: Record<string, string>): Promise<Response> => {
    const body = new URLSearchParams(fields);
    const csrf = document.querySelector<HTMLInputElement>('input[name="csrf"]')?.value ?? '';
    body.set('csrf', csrf);
    return fetch(base + path, { method: 'POST', body, credentials: 'same-origin' });
  };

  const actions: ThreadActions = {
    canComment: false,
    react(eventUuid, emoji, commentId) {
      void post('/reactions', { eventUuid, emoji, ...(commentId ? { commentId } : {}) }).then(async (r) => {
        if (r.ok) applyReaction((await r.json()) as ReactionFrame, true);
      });
    },
    remove(id) {
      void post(`/comments/${encodeURIComponent(id)}/delete`, {}).then((r) => {
        if (r.ok) removeComment(id);
      });
    },
    async submit(eventUuid, text, parentId) {
      if (!text.trim()) return MESSAGES[400]!;
      const r = await post('/comments', { eventUuid, text, ...(parentId ? { parentId } : {}) });
      if (!r.ok) return MESSAGES[r.status] ?? 'The comment was not saved; try again.';
      addComment(((await r.json()) as { comment: CommentData }).comment);
      return null;
    },
  };

  const renderEvent = (li: Element): void => {
    const uuid = li.getAttribute('data-uuid');
    if (!uuid || !state) return;
    const old = li.querySelector(':scope > .event-comments');
    const block = eventBlock(
      uuid,
      state.comments.filter((c) => c.eventUuid === uuid),
      state.eventReactions[uuid] ?? [],
      actions,
    );
    if (old && block) li.replaceChild(block, old);
    else if (old) li.removeChild(old);
    else if (block) {
      // A separator, so the item's own text never runs into the block's when read as text (search, copy, tests).
      li.appendChild(document.createTextNode(' '));
      li.appendChild(block);
    }
  };
  const rerender = (uuid: string): void => {
    const li = list.querySelector(`li[data-uuid="${CSS.escape(uuid)}"]`);
    if (li) renderEvent(li);
  };
  const renderAll = (): void => {
    if (!state) return;
    actions.canComment = state.canComment;
    root.setAttribute('data-comments', state.commentsEnabled ? 'on' : 'off');
    notice(root, state);
    Array.prototype.forEach.call(list.querySelectorAll('li[data-uuid]'), renderEvent);
  };

  const mine = (c: CommentData): CommentData => ({
    ...c,
    canDelete: !!state && (state.isOwner || (state.me !== null && c.author.key === state.me)),
  });
  const addComment = (c: CommentData): void => {
    if (!state || state.comments.some((x) => x.id === c.id)) return;
    state.comments.push(mine(c));
    rerender(c.eventUuid);
  };
  const removeComment = (id: string): void => {
    if (!state) return;
    const gone = state.comments.find((c) => c.id === id);
    state.comments = state.comments.filter((c) => c.id !== id && c.parentId !== id);
    if (gone) rerender(gone.eventUuid);
  };
  type ReactionFrame = {
    eventUuid: string;
    commentId: string | null;
    emoji: string;
    reactions: Reaction[];
    by?: string;
    active: boolean;
  };
  const applyReaction = (f: ReactionFrame, own: boolean): void => {
    if (!state) return;
    // Broadcast counts are everyone's; which are "mine" is what this browser knew, or the frame's, if it was me.
    const prev = f.commentId
      ? state.comments.find((c) => c.id === f.commentId)?.reactions
      : state.eventReactions[f.eventUuid];
    const me = state.me;
    const next = own
      ? f.reactions
      : f.reactions.map((r) => ({
          ...r,
          mine:
            me !== null && f.by === me && r.emoji === f.emoji
              ? f.active
              : (prev?.find((p) => p.emoji === r.emoji)?.mine ?? false),
        }));
    if (f.commentId) {
      const c = state.comments.find((x) => x.id === f.commentId);
      if (c) c.reactions = next;
    } else state.eventReactions[f.eventUuid] = next;
    rerender(f.eventUuid);
  };

  const load = (): Promise<void> =>
    fetch(`${base}/comments`, { credentials: 'same-origin' })
      .then((r) => (r.ok ? (r.json() as Promise<State>) : null))
      .then((s) => {
        if (!s) return;
        state = { ...s, comments: s.comments };
        renderAll();
      })
      .catch(() => undefined);

  document.addEventListener(COMMENT_FRAME_EVENT, (ev) => {
    const { name, data } = (ev as CustomEvent<{ name: string; data: string }>).detail;
    let f: Record<string, unknown>;
    try {
      f = JSON.parse(data) as Record<string, unknown>;
    } catch {
      return;
    }
    if (name === 'comment') {
      if (f.refetch) void load();
      else addComment(f as unknown as CommentData);
    } else if (name === 'comment_deleted') removeComment(String(f.id));
    else if (name === 'reaction') applyReaction(f as unknown as ReactionFrame, false);
    else if (name === 'comments_settings') void load();
  });
  // Live events append items: give each its block as it arrives.
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of Array.prototype.slice.call(r.addedNodes) as Node[])
        if (n instanceof Element && n.matches('li[data-uuid]')) renderEvent(n);
  }).observe(list, { childList: true });
  void load();
}

/** "Comments are off" for everyone; the owner also gets the switch. */
function notice(root: HTMLElement, s: State): void {
  let box = document.getElementById('comments-state');
  if (!box) {
    box = document.createElement('div');
    box.id = 'comments-state';
    box.className = 'comments-state small';
    root.parentNode?.insertBefore(box, root);
  }
  while (box.firstChild) box.removeChild(box.firstChild);
  const text = document.createElement('span');
  text.textContent = s.commentsEnabled ? '' : 'Comments are off for this session.';
  box.appendChild(text);
  box.hidden = s.commentsEnabled && !s.isOwner;
  const id = root.getAttribute('data-session-id');
  if (!s.isOwner || !id) return;
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'link comments-toggle';
  toggle.textContent = s.commentsEnabled ? 'Turn comments off' : 'Turn comments on';
  toggle.addEventListener('click', () => {
    const body = new URLSearchParams({ enabled: String(!s.commentsEnabled) });
    body.set('csrf', document.querySelector<HTMLInputElement>('input[name="csrf"]')?.value ?? '');
    void fetch(`/sessions/${encodeURIComponent(id)}/comments/settings`, {
      method: 'POST',
      body,
      credentials: 'same-origin',
    }).then(() => location.reload());
  });
  box.appendChild(toggle);
}

start();
