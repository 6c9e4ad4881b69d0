// The owner's controls on the session page: star, archive, rename, tags, delete, and the Sharing panel (link, posts,
// live links, unshare all). Plain forms and confirm links; /assets/app.js enhances them in place.
import type { SessionSharing, SessionSummary } from '../../../src/core/api/sessions.js';
import { confirmLink } from '../pages/confirm.js';
import { html, type SafeHtml } from '../html.js';
import { sessionTitle } from './session-card.js';

const enc = encodeURIComponent;

/** A one-button form posting `fields` to `action` (CSRF included); `data-inline`: the script may post it in place. */
export function actionForm(
  action: string,
  csrf: string,
  fields: Record<string, string>,
  label: string,
  opts: { className?: string; pressed?: boolean; name?: string } = {},
): SafeHtml {
  return html`<form method="post" action="${action}" class="inline-form" data-inline="${opts.name ?? ''}">
    <input type="hidden" name="csrf" value="${csrf}" />
    ${Object.entries(fields).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}" />`)}
    <button
      type="submit"
      class="${opts.className ?? 'secondary'}"
      ${opts.pressed === undefined ? '' : html`aria-pressed="${opts.pressed ? 'true' : 'false'}"`}
    >
      ${label}
    </button>
  </form>`;
}

/** Star, archive, rename, tags and delete: the bar under the session's title. */
export function manageBar(s: SessionSummary, csrf: string): SafeHtml {
  const action = `/sessions/${enc(s.id)}/manage`;
  const title = sessionTitle(s);
  return html`<div class="row manage-bar" role="group" aria-label="Manage session">
    ${actionForm(action, csrf, { starred: String(!s.starred) }, s.starred ? '★ Starred' : '☆ Star', {
      pressed: s.starred,
      name: 'star',
    })}
    ${actionForm(action, csrf, { archived: String(!s.archived) }, s.archived ? 'Archived' : 'Archive', {
      pressed: s.archived,
      name: 'archive',
    })}
    <details class="edit" data-edit="rename">
      <summary class="button secondary">Rename</summary>
      <form method="post" action="${action}" class="row" data-inline="rename">
        <input type="hidden" name="csrf" value="${csrf}" />
        <label class="visually-hidden" for="rename-title">Title</label>
        <input id="rename-title" type="text" name="title" value="${s.title ?? ''}" maxlength="300" />
        <button type="submit">Save title</button>
      </form>
    </details>
    <details class="edit" data-edit="tags">
      <summary class="button secondary">Tags</summary>
      <form method="post" action="${action}" class="row" data-inline="tags">
        <input type="hidden" name="csrf" value="${csrf}" />
        <label class="visually-hidden" for="edit-tags">Tags, separated by commas or spaces</label>
        <input
          id="edit-tags"
          type="text"
          name="tags"
          value="${s.tags.join(', ')}"
          placeholder="tag, other-tag"
        />
        <button type="submit">Save tags</button>
      </form>
    </details>
    ${confirmLink(`/sessions/${enc(s.id)}/delete`, 'Delete', {
      title: 'Delete this session?',
      message: `“${title}” moves to the trash, and every link to it stops working. You can restore it from the trash for 30 days.`,
      action: `/sessions/${enc(s.id)}/delete`,
      confirmLabel: 'Delete',
      csrfToken: csrf,
    })}
  </div>`;
}

function linkPart(s: SessionSummary, sh: SessionSharing, csrf: string): SafeHtml {
  const action = `/sessions/${enc(s.id)}/manage`;
  const to = (v: 'unlisted' | 'public', label: string) =>
    actionForm(action, csrf, { visibility: v }, label, { pressed: sh.link?.visibility === v });
  if (!sh.link)
    return html`<div class="stack">
      <h3>Link</h3>
      <p class="muted small">Private: only you can open this session.</p>
      <div class="row">${to('unlisted', 'Share an unlisted link')} ${to('public', 'Share publicly')}</div>
    </div>`;
  return html`<div class="stack">
    <h3>Link <span class="badge shared">${sh.link.visibility}</span></h3>
    <div class="row copy-row">
      <code id="share-url" class="share-url">${sh.link.url}</code>
      <button type="button" class="secondary" data-copy-target="share-url" hidden>Copy</button>
    </div>
    <div class="row" role="group" aria-label="Who can open the link">
      ${to('unlisted', 'Unlisted')} ${to('public', 'Public')}
      ${confirmLink(
        `/sessions/${enc(s.id)}/unlink`,
        'Make private',
        {
          title: 'Stop sharing this link?',
          message: 'Everyone with the link loses access; sharing it again makes a new link.',
          action: `/sessions/${enc(s.id)}/unlink`,
          confirmLabel: 'Make private',
          csrfToken: csrf,
        },
        { className: 'button secondary' },
      )}
    </div>
  </div>`;
}

function postsPart(s: SessionSummary, sh: SessionSharing, csrf: string): SafeHtml | '' {
  if (sh.posts.length === 0) return '';
  const back = `/sessions/${enc(s.id)}`;
  return html`<div class="stack">
    <h3>Posts</h3>
    <ul class="manage-list">
      ${sh.posts.map(
        (p) =>
          html`<li class="row">
            <a href="/posts/${enc(p.id)}">${p.title ?? 'Untitled post'}</a>
            <span class="badge ${p.visibility === 'private' ? '' : 'shared'}">${p.visibility}</span>
            ${
              p.visibility === 'private'
                ? actionForm(
                    `/posts/${enc(p.id)}/manage`,
                    csrf,
                    { visibility: 'unlisted', back },
                    'Share post',
                  )
                : ''
            }
            ${confirmLink(`/posts/${enc(p.id)}/delete?back=${enc(back)}`, 'Delete post', {
              title: 'Delete this post?',
              message: `“${p.title ?? 'Untitled post'}” moves to the trash and its link stops working. The session stays. You can restore the post from the trash for 30 days.`,
              action: `/posts/${enc(p.id)}/delete`,
              confirmLabel: 'Delete post',
              csrfToken: csrf,
              fields: { back },
            })}
          </li>`,
      )}
    </ul>
  </div>`;
}

function livePart(s: SessionSummary, sh: SessionSharing, csrf: string): SafeHtml | '' {
  const open = sh.live.filter((l) => l.status === 'active' || l.status === 'paused');
  if (open.length === 0) return '';
  const back = `/sessions/${enc(s.id)}`;
  const ask = (l: (typeof open)[number], verb: 'stop' | 'revoke') =>
    confirmLink(
      `/streams/${enc(l.liveId)}/${verb}?back=${enc(back)}`,
      verb === 'stop' ? 'Stop' : 'Revoke',
      {
        title: verb === 'stop' ? 'Stop this live link?' : 'Revoke this live link?',
        message:
          verb === 'stop'
            ? 'The live stream ends now; viewers see that it ended. The session stays.'
            : 'Everyone watching is cut off at once and the link stops working for good. The session stays.',
        action: `/streams/${enc(l.liveId)}/${verb}`,
        confirmLabel: verb === 'stop' ? 'Stop live link' : 'Revoke live link',
        csrfToken: csrf,
        fields: { back },
      },
      { className: verb === 'stop' ? 'button secondary' : 'button danger' },
    );
  return html`<div class="stack">
    <h3>Live links</h3>
    <ul class="manage-list">
      ${open.map(
        (l) =>
          html`<li class="row">
            <span class="live-dot">● ${l.status}</span>
            <span class="badge ${l.visibility === 'private' ? '' : 'shared'}">${l.visibility}</span>
            ${l.url ? html`<a href="${l.url}">Watch</a>` : ''} ${ask(l, 'stop')} ${ask(l, 'revoke')}
          </li>`,
      )}
    </ul>
  </div>`;
}

/** Whether anything exposes the session to someone else right now. */
export function isShared(sh: SessionSharing | undefined): boolean {
  if (!sh) return false;
  return (
    sh.link !== null ||
    sh.posts.some((p) => p.visibility !== 'private') ||
    sh.live.some((l) => l.visibility !== 'private' && (l.status === 'active' || l.status === 'paused'))
  );
}

/** The Sharing panel: what exposes this session and how, each with its controls, and Unshare all. */
export function sharingPanel(s: SessionSummary, csrf: string): SafeHtml {
  // A summary from a path that did not add `sharing` still knows its own link.
  const sh: SessionSharing = s.sharing ?? {
    link: s.visibility === 'private' ? null : { visibility: s.visibility, url: s.url },
    posts: [],
    live: [],
  };
  return html`<section class="panel stack sharing" aria-labelledby="sharing-title" id="sharing">
    <h2 id="sharing-title">Sharing</h2>
    ${linkPart(s, sh, csrf)} ${postsPart(s, sh, csrf)} ${livePart(s, sh, csrf)}
    ${
      isShared(sh)
        ? html`<div class="row">
            ${confirmLink(`/sessions/${enc(s.id)}/unshare`, 'Unshare everywhere', {
              title: 'Unshare this session everywhere?',
              message:
                'The share link stops working, its live links are revoked and posts holding it no longer show it. Nothing is deleted.',
              action: `/sessions/${enc(s.id)}/unshare`,
              confirmLabel: 'Unshare everywhere',
              csrfToken: csrf,
            })}
          </div>`
        : ''
    }
  </section>`;
}
