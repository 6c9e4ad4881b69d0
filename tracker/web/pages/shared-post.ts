// `/share/:slug` (and `/p/:slug`) for a post: its title and each of its sessions, read-only, no login needed.
import type { Post } from '../../../src/core/api/posts.js';
import type { SessionSummary } from '../../../src/core/api/sessions.js';
import { sessionCard } from '../components/session-card.js';
import { actionForm } from '../components/session-manage.js';
import { html, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import { confirmLink } from './confirm.js';

/** The post owner's controls: link and copy, rename, who can open it, delete. */
function postControls(post: Post, csrf: string): SafeHtml {
  const base = `/posts/${encodeURIComponent(post.id)}`;
  const to = (v: 'unlisted' | 'public', label: string) =>
    actionForm(`${base}/manage`, csrf, { visibility: v }, label, { pressed: post.visibility === v });
  const title = post.title ?? 'Untitled post';
  return html`<section class="panel stack sharing" aria-labelledby="post-manage-title">
    <h2 id="post-manage-title">Manage this post</h2>
    ${
      post.visibility === 'private'
        ? html`<p class="muted small">Private: only you can open this post.</p>`
        : html`<div class="row copy-row">
            <code id="post-url" class="share-url">${post.url}</code>
            <button type="button" class="secondary" data-copy-target="post-url" hidden>Copy</button>
          </div>`
    }
    <div class="row" role="group" aria-label="Who can open the post">
      ${to('unlisted', post.visibility === 'private' ? 'Share an unlisted link' : 'Unlisted')}
      ${to('public', post.visibility === 'private' ? 'Share publicly' : 'Public')}
      ${
        post.visibility === 'private'
          ? ''
          : confirmLink(
              `${base}/unlink`,
              'Make private',
              {
                title: 'Stop sharing this post?',
                message: `Everyone with the link to “${title}” loses access; sharing it again makes a new link.`,
                action: `${base}/unlink`,
                confirmLabel: 'Make private',
                csrfToken: csrf,
              },
              { className: 'button secondary' },
            )
      }
    </div>
    <div class="row">
      <details class="edit" data-edit="rename-post">
        <summary class="button secondary">Rename</summary>
        <form method="post" action="${base}/manage" class="row" data-inline="rename-post">
          <input type="hidden" name="csrf" value="${csrf}" />
          <label class="visually-hidden" for="post-title">Post title</label>
          <input id="post-title" type="text" name="title" value="${post.title ?? ''}" maxlength="300" />
          <button type="submit">Save title</button>
        </form>
      </details>
      ${confirmLink(`${base}/delete`, 'Delete post', {
        title: 'Delete this post?',
        message: `“${title}” moves to the trash and its link stops working. Its sessions stay. You can restore it from the trash for 30 days.`,
        action: `${base}/delete`,
        confirmLabel: 'Delete post',
        csrfToken: csrf,
      })}
    </div>
  </section>`;
}

export function sharedPostPage(v: {
  post: Post;
  sessions: Array<{ summary: SessionSummary; href: string }>;
  user: { name: string } | null;
  csrfToken?: string;
  /** Sessions of the post withheld from this viewer because they are private. */
  privateSessions?: number;
  /** The viewer owns the post: its controls, and cards with project links. */
  owner?: boolean;
}): string {
  const owner = v.owner && v.csrfToken ? v.csrfToken : null;
  const hidden = v.privateSessions ?? 0;
  const title = v.post.title ?? 'Shared Claude Code sessions';
  return layout({
    title,
    user: v.user,
    csrfToken: v.csrfToken,
    scripts: owner ? ['/assets/app.js'] : [],
    robots: v.post.visibility === 'public' ? undefined : 'noindex',
    body: html`<h1 id="post-heading">${title}</h1>
      <p class="muted small">
        ${v.post.visibility} post · ${v.sessions.length} session${v.sessions.length === 1 ? '' : 's'}
      </p>
      ${
        hidden > 0
          ? html`<p class="notice">
              ${hidden === 1 ? 'One session' : `${hidden} sessions`} in this post
              ${hidden === 1 ? 'is' : 'are'} private and not shown.
            </p>`
          : ''
      }
      ${owner ? postControls(v.post, owner) : ''}
      <ul class="cards">
        ${v.sessions.map((s) => sessionCard(s.summary, { href: s.href, owner: Boolean(owner) }))}
      </ul>`,
  });
}
