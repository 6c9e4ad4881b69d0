// The URLs the tracker hands back. The web pages (tracker/web/) serve these paths.
import type { PostRow, SessionRow } from '../db/repositories/index.js';

/** Private sessions: `/sessions/<id>` (owner only). Unlisted/public: `/share/<slug>` (no key needed). */
export function sessionUrl(base: string, s: Pick<SessionRow, 'id' | 'visibility' | 'share_slug'>): string {
  return s.visibility === 'private'
    ? `${base}/sessions/${encodeURIComponent(s.id)}`
    : `${base}/share/${s.share_slug}`;
}

export function postUrl(base: string, p: Pick<PostRow, 'id' | 'visibility' | 'share_slug'>): string {
  return p.visibility === 'private'
    ? `${base}/posts/${encodeURIComponent(p.id)}`
    : `${base}/share/${p.share_slug}`;
}

export function handoffUrl(base: string, id: string): string {
  return `${base}/handoffs/${encodeURIComponent(id)}`;
}
