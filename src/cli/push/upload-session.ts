// Sends one whole session to the tracker: one push when it fits the body cap, else events in chunks, then the push.
import type { EventItem, PushSessionResponse, SessionSource, Visibility } from '../../core/api/index.js';
import type { EgressGate, Gated } from '../../core/egress/index.js';
import { numberSessionEvents } from '../../core/model/event-numbering.js';
import type { Session } from '../../core/model/session.js';
import type { TrackerClient } from '../../client/index.js';

/** Below the tracker's 32 MB session body cap, with room for JSON overhead. */
export const PUSH_MAX_BYTES = 24 * 1024 * 1024;
const CHUNK_BYTES = 8 * 1024 * 1024;

export interface UploadOptions {
  postId?: string;
  createPost?: boolean;
  title?: string;
  visibility?: Visibility;
  source?: SessionSource;
}

export async function uploadSession(
  client: TrackerClient,
  gate: EgressGate,
  session: Gated<Session>,
  opts: UploadOptions = {},
): Promise<PushSessionResponse> {
  const push = (s: Session) =>
    client.sessions.push(
      gate.body({
        session: s,
        ...(opts.postId ? { postId: opts.postId } : opts.createPost ? { createPost: true } : {}),
        ...(opts.title ? { title: opts.title } : {}),
        ...(opts.visibility ? { visibility: opts.visibility } : {}),
        source: opts.source ?? 'cli-upload',
      }),
    );
  if (JSON.stringify(session).length <= PUSH_MAX_BYTES) return push(session);
  // Too big for one body: events first (deduplicated by uuid), then the session without events for meta and post.
  let batch: EventItem[] = [];
  let bytes = 0;
  const flush = async () => {
    if (!batch.length) return;
    const body = gate.body(
      { events: batch, meta: session.meta, source: opts.source ?? 'cli-upload' },
      session.meta.id,
    );
    await client.sessions.appendEvents(session.meta.id, body, { timeoutMs: 120_000 });
    batch = [];
    bytes = 0;
  };
  // Numbered exactly as the tracker numbers a whole push, so chunked and whole uploads store the same rows.
  for (const item of numberSessionEvents(session)) {
    const size = JSON.stringify(item).length;
    if (batch.length && (bytes + size > CHUNK_BYTES || batch.length >= 5000)) await flush();
    batch.push(item);
    bytes += size;
  }
  await flush();
  // Derived from a gated session: its events are sealed, so the gate passes them through without counting twice.
  const skeleton: Session = {
    ...session,
    turns: session.turns.map((t) => ({ ...t, events: [] })),
    sidechains: session.sidechains.map((sc) => ({ ...sc, events: [] })),
  };
  const res = await push(skeleton);
  return res;
}
