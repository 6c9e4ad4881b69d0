// Turns a completed live stream into a stored session inside a post (via the tracker's one session write path).
import type { EventItem, Visibility } from '../../src/core/api/index.js';
import type { Store } from '../db/store.js';
import { createPostFor } from '../services/posts.js';
import { writeSession } from '../services/session-writer.js';
import { postUrl } from '../services/urls.js';
import type { LivePostPublisher } from './service.js';

/**
 * Events are laid out like a transcript: main-chain events numbered across turns, sidechain events per agent. A
 * stream without turn indexes starts a new turn at every prompt. Events already stored for the session (captured by
 * the plugin as well) are skipped by uuid, so the post never shows a message twice.
 */
export function liveItems(events: Parameters<LivePostPublisher>[0]['events']): EventItem[] {
  const items: EventItem[] = [];
  let mainSeq = 0;
  const sideSeq = new Map<string, number>();
  let turn = 0;
  let sawPrompt = false;
  for (const { event, turnIndex } of events) {
    if (event.agentId) {
      const n = sideSeq.get(event.agentId) ?? 0;
      sideSeq.set(event.agentId, n + 1);
      items.push({ seq: n, turnIndex: turnIndex ?? turn, event });
      continue;
    }
    if (turnIndex !== null) turn = turnIndex;
    else if (event.kind === 'prompt') {
      if (sawPrompt) turn++;
      sawPrompt = true;
    }
    items.push({ seq: mainSeq++, turnIndex: turn, event });
  }
  return items;
}

export function createLivePostPublisher(deps: { store: Store; now: () => number }): LivePostPublisher {
  return async (input) => {
    const sessionId = input.sessionId ?? `live-${input.liveId}`;
    const visibility: Visibility = input.visibility === 'private' ? 'private' : 'unlisted';
    const now = deps.now();
    const post = await deps.store.transaction(async (repos) => {
      const existing = await repos.sessions.findByUserAndId(input.ownerId, sessionId);
      const result = await writeSession(
        repos,
        {
          userId: input.ownerId,
          sessionId,
          items: existing ? [] : liveItems(input.events),
          status: 'completed',
          source: 'cli-stream',
          pointerSource: 'cli-stream',
          ...(existing ? {} : { title: input.title ?? undefined, visibility }),
        },
        now,
      );
      return createPostFor(
        repos,
        input.ownerId,
        result.row,
        { title: input.title ?? undefined, visibility },
        now,
      );
    });
    return { url: postUrl(input.baseUrl, post) };
  };
}
