// `/share/:slug` (and `/p/:slug`) for a post: its title and each of its sessions, read-only, no login needed.
import type { Post } from '../../../src/core/api/posts.js';
import type { SessionSummary } from '../../../src/core/api/sessions.js';
import { sessionCard } from '../components/session-card.js';
import { html } from '../html.js';
import { layout } from '../layout.js';

export function sharedPostPage(v: {
  post: Post;
  sessions: Array<{ summary: SessionSummary; href: string }>;
  user: { name: string } | null;
  csrfToken?: string;
  /** Sessions of the post withheld from this viewer because they are private. */
  privateSessions?: number;
}): string {
  const hidden = v.privateSessions ?? 0;
  const title = v.post.title ?? 'Shared Claude Code sessions';
  return layout({
    title,
    user: v.user,
    csrfToken: v.csrfToken,
    robots: v.post.visibility === 'public' ? undefined : 'noindex',
    body: html`<h1>${title}</h1>
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
      <ul class="cards">
        ${v.sessions.map((s) => sessionCard(s.summary, { href: s.href }))}
      </ul>`,
  });
}
