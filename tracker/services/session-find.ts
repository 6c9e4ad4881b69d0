// Reading a long session: event anchors (deep links), the page that holds an event, and in-session search.
import { z } from 'zod';
import { createEventViewer, type EventView } from '../../src/core/render/event-view.js';
import { eventOrdinal, type EventPlace } from '../db/repositories/event-position.js';
import type { Repositories, SessionRow } from '../db/repositories/index.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.js';
import { fromEventRow } from './event-rows.js';

/** Matching events reported at most; a query that matches more says so (`truncated`) instead of scanning on. */
export const MAX_FIND_HITS = 2000;

export const FindQuery = z.object({ q: z.string().trim().min(1).max(200) });

export const FindResponse = z.object({
  q: z.string(),
  /** Anchors (`at` values) of the matching events, in page order. */
  hits: z.array(z.string()),
  truncated: z.boolean(),
});
export type FindResponse = z.infer<typeof FindResponse>;

// Agent ids come from transcripts; only these characters make an anchor (others are not linkable, not unsafe).
const AGENT = /^[A-Za-z0-9_-]{1,128}$/;
const ANCHOR = /^(?:([A-Za-z0-9_-]{1,128})\.)?(\d{1,9})$/;

/** `5` for the main chain's seq 5, `<agentId>.5` for a sidechain's; the page's element id is `e-<anchor>`. */
export function eventAnchor(agentId: string | undefined, seq: number): string | null {
  if (!agentId) return String(seq);
  return AGENT.test(agentId) ? `${agentId}.${seq}` : null;
}

export function parseAnchor(at: string | undefined): EventPlace | null {
  const m = at ? ANCHOR.exec(at) : null;
  return m ? { agentId: m[1] ?? '', seq: Number(m[2]) } : null;
}

/**
 * The event a page request points at: `at`, or, for a search submitted without the reader script (`?q=` alone), the
 * first match, so the form still leads somewhere.
 */
export async function targetOf(
  repos: Repositories,
  row: SessionRow,
  query: { at?: string | undefined; q?: string | undefined },
): Promise<string | null> {
  if (query.at) return query.at;
  const q = FindQuery.safeParse({ q: query.q ?? '' });
  if (!q.success) return null;
  return (await findInSession(repos, row, q.data.q, 1)).hits[0] ?? null;
}

/** The offset of the page (of `pageSize` events) that holds `at`, or `fallback` when there is no such event. */
export async function pageOffsetOf(
  db: Kysely<Database>,
  row: SessionRow,
  at: string | null,
  pageSize: number,
  fallback: number,
): Promise<number> {
  const place = parseAnchor(at ?? undefined);
  if (!place) return fallback;
  const ordinal = await eventOrdinal(db, Number(row.pk), place);
  return ordinal === null ? fallback : Math.floor(ordinal / pageSize) * pageSize;
}

/** The text a reader sees of an event (what the page's highlighter can mark). */
function shownText(v: EventView): string {
  switch (v.kind) {
    case 'prompt':
      return `${v.command ?? ''}\n${v.body}`;
    case 'text':
    case 'thinking':
      return v.text;
    case 'tool_call':
      return `${v.name}\n${v.summary}\n${v.input}`;
    case 'tool_result':
      return v.content;
    case 'system':
      return `${v.subtype}\n${v.text}`;
  }
}

/**
 * The events of a session whose shown text contains `q` (case-insensitive), in page order. A streaming keyset scan:
 * memory stays at one batch of rows whatever the session's size; callers must have checked the reader's access.
 */
export async function findInSession(
  repos: Repositories,
  row: SessionRow,
  q: string,
  max = MAX_FIND_HITS,
): Promise<FindResponse> {
  const needle = q.toLowerCase();
  const hits: string[] = [];
  const viewer = createEventViewer();
  for await (const r of repos.events.iterate(Number(row.pk), 500)) {
    const stored = fromEventRow(r);
    const text = shownText(viewer.view(stored.event));
    if (!text.toLowerCase().includes(needle)) continue;
    const anchor = eventAnchor(stored.event.agentId, stored.seq);
    if (anchor === null) continue;
    if (hits.length === max) return { q, hits, truncated: true };
    hits.push(anchor);
  }
  return { q, hits, truncated: false };
}
