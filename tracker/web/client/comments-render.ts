// Comment threads and reaction bars as DOM (createElement/textContent only: every name and text is user input).
export const EMOJI = ['👍', '🎉', '❤️', '🚀', '👀', '😕'];

export interface Reaction {
  emoji: string;
  count: number;
  mine: boolean;
}
export interface CommentData {
  id: string;
  eventUuid: string;
  parentId: string | null;
  author: { name: string; key: string };
  text: string;
  createdAt: string;
  reactions: Reaction[];
  canDelete: boolean;
}

export interface ThreadActions {
  canComment: boolean;
  react(eventUuid: string, emoji: string, commentId?: string): void;
  remove(id: string): void;
  submit(eventUuid: string, text: string, parentId?: string): Promise<string | null>;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text !== undefined) n.textContent = text;
  return n;
}

function button(cls: string, text: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', cls, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** Existing reactions as toggles; signed-in writers also get the ones nobody picked yet, behind a "+" */
export function reactionBar(
  reactions: Reaction[],
  a: ThreadActions,
  eventUuid: string,
  commentId?: string,
): HTMLElement {
  const bar = el('div', 'reactions');
  for (const r of reactions) {
    const b = button(`reaction${r.mine ? ' mine' : ''}`, `${r.emoji} ${r.count}`, () =>
      a.react(eventUuid, r.emoji, commentId),
    );
    b.disabled = !a.canComment;
    b.setAttribute('aria-pressed', String(r.mine));
    b.setAttribute('data-emoji', r.emoji);
    bar.appendChild(b);
  }
  if (a.canComment) {
    const picker = el('span', 'reaction-picker');
    for (const e of EMOJI.filter((x) => !reactions.some((r) => r.emoji === x))) {
      const b = button('reaction add', e, () => a.react(eventUuid, e, commentId));
      b.setAttribute('data-emoji', e);
      b.setAttribute('aria-label', `React with ${e}`);
      picker.appendChild(b);
    }
    bar.appendChild(picker);
  }
  return bar;
}

function commentItem(c: CommentData, replies: CommentData[], a: ThreadActions): HTMLElement {
  const li = el('li', 'comment');
  li.setAttribute('data-comment-id', c.id);
  const head = el('div', 'comment-head');
  head.appendChild(el('strong', 'comment-author', c.author.name));
  const when = el('time', 'muted small', new Date(c.createdAt).toLocaleString());
  when.setAttribute('datetime', c.createdAt);
  head.appendChild(when);
  if (c.canDelete) head.appendChild(button('link comment-delete', 'Delete', () => a.remove(c.id)));
  li.appendChild(head);
  li.appendChild(el('p', 'comment-text', c.text));
  li.appendChild(reactionBar(c.reactions, a, c.eventUuid, c.id));
  if (replies.length > 0) {
    const ul = el('ul', 'comment-replies');
    for (const r of replies) ul.appendChild(commentItem(r, [], a));
    li.appendChild(ul);
  }
  if (c.parentId === null && a.canComment) li.appendChild(composer(a, c.eventUuid, c.id));
  return li;
}

/** Typed, unsent text survives a re-render of its block (a comment from someone else arriving meanwhile). */
const drafts: Record<string, string> = Object.create(null);

/** A closed "Comment"/"Reply" button that opens a textarea; the error line says why a post failed. */
export function composer(a: ThreadActions, eventUuid: string, parentId?: string): HTMLElement {
  const wrap = el('div', 'comment-composer');
  const form = el('form', 'comment-form');
  form.hidden = true;
  const area = el('textarea', '');
  area.name = 'text';
  area.maxLength = 4000;
  area.rows = 3;
  area.setAttribute('aria-label', parentId ? 'Reply' : 'Comment on this message');
  const send = el('button', 'button', parentId ? 'Reply' : 'Comment');
  send.type = 'submit';
  const error = el('p', 'comment-error small');
  error.setAttribute('role', 'alert');
  form.append(area, send, error);
  const key = `${eventUuid}|${parentId ?? ''}`;
  area.value = drafts[key] ?? '';
  area.addEventListener('input', () => (drafts[key] = area.value));
  const open = button('link comment-open', parentId ? 'Reply' : '💬 Comment', () => {
    form.hidden = false;
    open.hidden = true;
    area.focus();
  });
  if (area.value) {
    form.hidden = false;
    open.hidden = true;
  }
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    send.disabled = true;
    void a.submit(eventUuid, area.value, parentId).then((err) => {
      send.disabled = false;
      error.textContent = err ?? '';
      if (!err) {
        area.value = '';
        delete drafts[key];
      }
    });
  });
  wrap.append(open, form);
  return wrap;
}

/** The whole block under one event: its reactions, its threads, and a comment box for writers. */
export function eventBlock(
  eventUuid: string,
  comments: CommentData[],
  reactions: Reaction[],
  a: ThreadActions,
): HTMLElement | null {
  if (comments.length === 0 && reactions.length === 0 && !a.canComment) return null;
  const box = el('div', 'event-comments');
  box.setAttribute('data-comments-for', eventUuid);
  box.appendChild(reactionBar(reactions, a, eventUuid));
  const top = comments.filter((c) => c.parentId === null);
  if (top.length > 0) {
    const ul = el('ul', 'comment-thread');
    for (const c of top)
      ul.appendChild(
        commentItem(
          c,
          comments.filter((r) => r.parentId === c.id),
          a,
        ),
      );
    box.appendChild(ul);
  }
  if (a.canComment) box.appendChild(composer(a, eventUuid));
  return box;
}
