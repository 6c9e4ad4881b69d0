// The comment frames of a page's SSE feed (issue 14) as one document event, for comments.ts: tiny on purpose, so the
// live viewer's bundle carries this and not the comments UI (that comes with app.js).
export const COMMENT_FRAME_EVENT = 'baton:comment-frame';
const FRAMES = ['comment', 'reaction', 'comment_deleted', 'comments_settings'];

export function forwardCommentFrames(source: EventSource): void {
  for (const name of FRAMES)
    source.addEventListener(name, (m: MessageEvent<string>) => {
      document.dispatchEvent(new CustomEvent(COMMENT_FRAME_EVENT, { detail: { name, data: m.data } }));
    });
}
