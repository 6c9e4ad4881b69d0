// Comments in exports (issue 14): the tracker's comment list turned into per-event threads, passed through the
// export's egress gate, and the words every format uses to show them.
import type { CommentsResponse, ReactionSummary } from '../api/comments.js';
import type {
  EventComments,
  ExportComment,
  ExportCommentThread,
  ExportReaction,
} from '../model/export-comments.js';

export type { EventComments, ExportComment, ExportCommentThread, ExportReaction };

const counts = (rs: ReactionSummary[]): ExportReaction[] =>
  rs.filter((r) => r.count > 0).map((r) => ({ emoji: r.emoji, count: r.count }));

const byTime = (a: { createdAt: string }, b: { createdAt: string }): number =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;

/**
 * The tracker's answer (GET /api/v1/sessions/{id}/comments, or the tracker's own listComments) as export threads:
 * one entry per event that has comments or reactions, top-level comments oldest first with their replies nested.
 * Who reacted and the caller's own flags are dropped: an export is read by people the caller never chose.
 */
export function commentThreads(res: Pick<CommentsResponse, 'comments' | 'eventReactions'>): EventComments[] {
  const out = new Map<string, EventComments>();
  const entry = (uuid: string): EventComments => {
    let e = out.get(uuid);
    if (!e) out.set(uuid, (e = { eventUuid: uuid, reactions: [], comments: [] }));
    return e;
  };
  const sorted = [...res.comments].sort(byTime);
  const tops = new Map<string, ExportCommentThread>();
  for (const c of sorted) {
    if (c.parentId !== null) continue;
    const thread: ExportCommentThread = { ...plain(c), replies: [] };
    tops.set(c.id, thread);
    entry(c.eventUuid).comments.push(thread);
  }
  for (const c of sorted) {
    if (c.parentId === null) continue;
    // A reply whose parent is gone (deleted) is shown on its own rather than lost.
    const parent = tops.get(c.parentId);
    if (parent) parent.replies.push(plain(c));
    else entry(c.eventUuid).comments.push({ ...plain(c), replies: [] });
  }
  for (const [uuid, rs] of Object.entries(res.eventReactions)) {
    const r = counts(rs);
    if (r.length > 0) entry(uuid).reactions = r;
  }
  return [...out.values()];
}

function plain(c: CommentsResponse['comments'][number]): ExportComment {
  return {
    id: c.id,
    author: c.author.name,
    createdAt: c.createdAt,
    text: c.text,
    reactions: counts(c.reactions),
  };
}

/**
 * The threads by event uuid, each handed out once and only as gated text: `gateText` is the export's egress gate
 * (createGatedExporter passes gate.text), so a comment's secrets are redacted and counted like an event's, and only
 * for events the export actually writes.
 */
export function createCommentIndex(
  threads: readonly EventComments[],
  gateText: (s: string) => string,
): (eventUuid: string) => EventComments | undefined {
  const pending = new Map(threads.map((t) => [t.eventUuid, t]));
  const one = (c: ExportComment): ExportComment => ({
    ...c,
    author: gateText(c.author),
    text: gateText(c.text),
  });
  return (uuid) => {
    const t = pending.get(uuid);
    if (!t) return undefined;
    pending.delete(uuid);
    return {
      eventUuid: t.eventUuid,
      reactions: t.reactions,
      comments: t.comments.map((c) => ({ ...one(c), replies: c.replies.map(one) })),
    };
  };
}

/** "2026-12-06 21:04 UTC": minutes are enough beside a comment. */
export function commentTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

/** Words for the reaction emoji, for documents whose fonts have no emoji. */
const REACTION_WORDS: Record<string, string> = {
  '👍': 'thumbs up',
  '🎉': 'hooray',
  '❤️': 'heart',
  '🚀': 'rocket',
  '👀': 'eyes',
  '😕': 'confused',
};

/** "👍 2 · 🎉 1", or with `words` "thumbs up 2 · hooray 1"; empty when there are none. */
export function reactionsText(rs: readonly ExportReaction[], words = false): string {
  return rs.map((r) => `${words ? (REACTION_WORDS[r.emoji] ?? r.emoji) : r.emoji} ${r.count}`).join(' · ');
}

/** How many comments (replies included) the threads hold: export summaries say it. */
export function countComments(threads: readonly EventComments[]): number {
  return threads.reduce((n, t) => n + t.comments.reduce((m, c) => m + 1 + c.replies.length, 0), 0);
}
