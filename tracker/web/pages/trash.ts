// `/trash`: trashed sessions and posts with Restore and "Delete forever"; and the "Deleted · Undo" flash other pages
// show right after a deletion.
import type { ListTrashResponse } from '../../../src/core/api/index.js';
import { sessionTitle } from '../components/session-card.js';
import { actionForm } from '../components/session-manage.js';
import { formatDate } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import { confirmLink } from './confirm.js';

const enc = encodeURIComponent;

/** What a page was asked to show after a deletion (`?deleted=<session id>` or `?deletedPost=<post id>`). */
export interface UndoFlash {
  kind: 'session' | 'post';
  id: string;
}

export function undoFlashFrom(q: (key: string) => string | undefined): UndoFlash | null {
  const session = q('deleted');
  if (session && session.length <= 200) return { kind: 'session', id: session };
  const post = q('deletedPost');
  if (post && post.length <= 200) return { kind: 'post', id: post };
  return null;
}

/** "Deleted · Undo": the restore form itself, so undo works without JavaScript. */
export function undoNotice(f: UndoFlash | null | undefined, csrf: string): SafeHtml | '' {
  if (!f) return '';
  const base = f.kind === 'session' ? '/sessions' : '/posts';
  return html`<div class="notice ok row undo" role="status" id="undo">
    <span>${f.kind === 'session' ? 'Session deleted' : 'Post deleted'}</span>
    ${actionForm(`${base}/${enc(f.id)}/restore`, csrf, {}, 'Undo')}
    <a href="/trash">Trash</a>
  </div>`;
}

function until(purgeAt: string): SafeHtml {
  return html`<span class="muted small">Deleted forever on ${formatDate(purgeAt)}</span>`;
}

export function trashPage(v: {
  user: { name: string };
  csrfToken: string;
  trash: ListTrashResponse;
}): string {
  const { sessions, posts } = v.trash;
  const csrf = v.csrfToken;
  const purge = (kind: 'sessions' | 'posts', id: string, title: string) =>
    confirmLink(`/${kind}/${enc(id)}/purge`, 'Delete forever', {
      title: kind === 'sessions' ? 'Delete this session forever?' : 'Delete this post forever?',
      message: `“${title}” is deleted for good. This cannot be undone.`,
      action: `/${kind}/${enc(id)}/purge`,
      confirmLabel: 'Delete forever',
      csrfToken: csrf,
    });
  const sessionItems = sessions.map(
    (s) =>
      html`<li class="row trash-item" data-id="${s.id}">
        <strong>${sessionTitle(s)}</strong> ${until(s.purgeAt)}
        ${actionForm(`/sessions/${enc(s.id)}/restore`, csrf, { back: '/trash' }, 'Restore')}
        ${purge('sessions', s.id, sessionTitle(s))}
      </li>`,
  );
  const postItems = posts.map(
    (p) =>
      html`<li class="row trash-item" data-id="${p.id}">
        <strong>${p.title ?? 'Untitled post'}</strong>
        <span class="muted small">${p.sessionIds.length} session${p.sessionIds.length === 1 ? '' : 's'}</span>
        ${until(p.purgeAt)} ${actionForm(`/posts/${enc(p.id)}/restore`, csrf, { back: '/trash' }, 'Restore')}
        ${purge('posts', p.id, p.title ?? 'Untitled post')}
      </li>`,
  );
  const section = (title: string, items: SafeHtml[], empty: string) =>
    html`<section class="panel stack" aria-label="${title}">
      <h2>${title}</h2>
      ${
        items.length
          ? html`<ul class="manage-list">
              ${items}
            </ul>`
          : html`<p class="muted">${empty}</p>`
      }
    </section>`;
  return layout({
    title: 'Trash',
    nav: null,
    scripts: ['/assets/app.js'],
    user: v.user,
    csrfToken: csrf,
    robots: 'noindex',
    body: html`<h1>Trash</h1>
      <p class="muted">Deleted sessions and posts stay here for 30 days, then they are deleted for good.</p>
      ${section('Sessions', sessionItems, 'No deleted sessions.')}
      ${section('Posts', postItems, 'No deleted posts.')}`,
  });
}
