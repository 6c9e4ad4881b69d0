// `/shared` ("What I share"): every session link, post and live link others can open right now, each with its
// one-click (confirmed) withdrawal.
import type { Post } from '../../../src/core/api/posts.js';
import type { SessionSummary } from '../../../src/core/api/sessions.js';
import { sessionTitle } from '../components/session-card.js';
import { html, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import { confirmLink } from './confirm.js';
import { undoNotice, type UndoFlash } from './trash.js';

const enc = encodeURIComponent;
const BACK = '/shared';

export interface SharedLive {
  liveId: string;
  title: string | null;
  sessionId: string | null;
  status: string;
  visibility: string;
}

export interface SharedView {
  user: { name: string };
  csrfToken: string;
  sessions: SessionSummary[];
  posts: Post[];
  live: SharedLive[];
  flash?: UndoFlash | null;
}

function copyable(id: string, url: string): SafeHtml {
  return html`<code id="${id}" class="share-url">${url}</code>
    <button type="button" class="secondary" data-copy-target="${id}" hidden>Copy</button>`;
}

function section(title: string, items: SafeHtml[], empty: string): SafeHtml {
  return html`<section class="panel stack" aria-label="${title}">
    <h2>${title}</h2>
    ${
      items.length
        ? html`<ul class="manage-list">
            ${items}
          </ul>`
        : html`<p class="muted">${empty}</p>`
    }
  </section>`;
}

export function sharedPage(v: SharedView): string {
  const csrf = v.csrfToken;
  const withdraw = (href: string, label: string, title: string, message: string) =>
    confirmLink(`${href}?back=${enc(BACK)}`, label, {
      title,
      message,
      action: href,
      confirmLabel: label,
      csrfToken: csrf,
      fields: { back: BACK },
    });
  const sessions = v.sessions.map((s, i) => {
    const t = sessionTitle(s);
    return html`<li class="row shared-item" data-kind="session" data-id="${s.id}">
      <a href="/sessions/${enc(s.id)}">${t}</a><span class="badge shared">${s.visibility}</span>
      ${copyable(`shared-s-${i}`, s.url)}
      ${withdraw(
        `/sessions/${enc(s.id)}/unshare`,
        'Unshare',
        'Unshare this session everywhere?',
        `“${t}” becomes private: its link stops working and its live links are revoked. Nothing is deleted.`,
      )}
    </li>`;
  });
  const posts = v.posts.map((p, i) => {
    const t = p.title ?? 'Untitled post';
    return html`<li class="row shared-item" data-kind="post" data-id="${p.id}">
      <a href="/posts/${enc(p.id)}">${t}</a><span class="badge shared">${p.visibility}</span>
      ${copyable(`shared-p-${i}`, p.url)}
      ${withdraw(
        `/posts/${enc(p.id)}/unlink`,
        'Make private',
        'Stop sharing this post?',
        `Everyone with the link to “${t}” loses access; sharing it again makes a new link.`,
      )}
    </li>`;
  });
  const live = v.live.map(
    (l) =>
      html`<li class="row shared-item" data-kind="live" data-id="${l.liveId}">
        ${l.sessionId ? html`<a href="/sessions/${enc(l.sessionId)}">${l.title ?? l.sessionId}</a>` : html`<span>${l.title ?? l.liveId}</span>`}
        <span class="live-dot">● ${l.status}</span><span class="badge shared">${l.visibility}</span>
        ${withdraw(
          `/streams/${enc(l.liveId)}/revoke`,
          'Revoke',
          'Revoke this live link?',
          'Everyone watching is cut off at once and the link stops working for good.',
        )}
      </li>`,
  );
  const total = sessions.length + posts.length + live.length;
  return layout({
    title: 'What I share',
    nav: 'shared',
    scripts: ['/assets/app.js'],
    user: v.user,
    csrfToken: csrf,
    robots: 'noindex',
    body: html`<h1>What I share</h1>
      ${undoNotice(v.flash, csrf)}
      <p class="muted" aria-live="polite">
        ${total === 0 ? 'Nothing of yours is visible to anyone else.' : `${total} thing${total === 1 ? '' : 's'} visible to others right now.`}
      </p>
      ${section('Session links', sessions, 'No session is shared by link.')}
      ${section('Posts', posts, 'No post is shared.')}
      ${section('Live links', live, 'No live link is open to viewers.')}`,
  });
}
