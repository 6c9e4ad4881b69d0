// Sends one whole session to the tracker with its raw transcript lines: one push when it all fits the body cap, else
// the lines and events in chunks ahead of the push. `baton push`, `baton sync` and the MCP push_session use it.
import type {
  AppendEventsRequest,
  EventItem,
  PushSessionResponse,
  SessionSource,
  Visibility,
} from '../core/api/index.js';
import type { SessionEntryItem } from '../core/api/transcript-entries.js';
import type { EgressGate, Gated } from '../core/egress/index.js';
import { numberSessionEvents } from '../core/model/event-numbering.js';
import type { Session } from '../core/model/session.js';
import { readEntryBatches, type EntryBatch } from '../core/transcript/read-entries.js';
import type { TrackerClient } from '../client/index.js';

/** Below the tracker's 32 MB session body cap, with room for JSON overhead. */
export const PUSH_MAX_BYTES = 24 * 1024 * 1024;
const CHUNK_BYTES = 8 * 1024 * 1024;
/** Events per append request (the contract's cap). */
const CHUNK_EVENTS = 5000;
/** Entries per append request: well below the contract's cap, so a chunk of tiny lines stays a modest request. */
const CHUNK_ENTRIES = 20_000;

/** The byte caps one upload works under. */
export interface UploadLimits {
  /** Largest push body (session plus lines); a bigger session goes in chunks ahead of its push. */
  pushMaxBytes: number;
  /** Largest chunk of lines or events in one append request. */
  chunkBytes: number;
}

export const UPLOAD_LIMITS: UploadLimits = { pushMaxBytes: PUSH_MAX_BYTES, chunkBytes: CHUNK_BYTES };

export interface UploadOptions {
  postId?: string;
  createPost?: boolean;
  title?: string;
  visibility?: Visibility;
  source?: SessionSource;
  /** Default UPLOAD_LIMITS; tests pass small ones to drive the chunked path with a small session. */
  limits?: UploadLimits;
}

/**
 * The session's transcript lines: read from its transcript through the gate while they are sent (bounded memory),
 * or already read through the same gate (sync hands over a batch's lines; a file is read once per gate, since the
 * gate follows pauses through a file in order). Omitted: events only.
 */
export type EntrySource = { transcriptPath: string } | { read: EntryBatch };

type Entries = Array<Gated<SessionEntryItem>>;

export async function uploadSession(
  client: TrackerClient,
  gate: EgressGate,
  session: Gated<Session>,
  opts: UploadOptions = {},
  from?: EntrySource,
): Promise<PushSessionResponse> {
  const sessionId = session.meta.id;
  const limits = opts.limits ?? UPLOAD_LIMITS;
  const source = opts.source ?? 'cli-upload';
  const push = (s: Session, entries: Entries | null) =>
    client.sessions.push(
      gate.body(
        {
          session: s,
          ...(entries?.length ? { entries } : {}),
          ...(opts.postId ? { postId: opts.postId } : opts.createPost ? { createPost: true } : {}),
          ...(opts.title ? { title: opts.title } : {}),
          ...(opts.visibility ? { visibility: opts.visibility } : {}),
          source,
        },
        sessionId,
      ),
    );
  const append = (body: Pick<AppendEventsRequest, 'events' | 'entries'>) =>
    client.sessions.appendEvents(sessionId, gate.body({ ...body, meta: session.meta, source }, sessionId), {
      timeoutMs: 120_000,
    });

  const sessionBytes = JSON.stringify(session).length;
  const batches =
    from === undefined ? [] : 'read' in from ? [from.read] : readEntryBatches(gate, from.transcriptPath);
  // Lines that fit beside the session ride in the push; past that, all of them go ahead in chunks.
  const held = await sendEntries(batches, limits, limits.pushMaxBytes - sessionBytes, (entries) =>
    append({ events: [], entries }),
  );
  if (sessionBytes <= limits.pushMaxBytes) return push(session, held);
  // Too big for one body: events first (deduplicated by uuid), then the session without events for meta and post.
  await sendEvents(session, limits.chunkBytes, (events) => append({ events }));
  // Derived from a gated session: its events are sealed, so the gate passes them through without counting twice.
  const skeleton: Session = {
    ...session,
    turns: session.turns.map((t) => ({ ...t, events: [] })),
    sidechains: session.sidechains.map((sc) => ({ ...sc, events: [] })),
  };
  return push(skeleton, held);
}

/**
 * Holds the lines while they fit `budget` and returns them (for the push). Once past it, sends them all in chunks
 * ahead of the push, reading on as it sends (memory stays near one chunk), and returns null.
 */
async function sendEntries(
  batches: AsyncIterable<EntryBatch> | Iterable<EntryBatch>,
  limits: UploadLimits,
  budget: number,
  send: (entries: Entries) => Promise<unknown>,
): Promise<Entries | null> {
  const held: Pending = { entries: [], sizes: [], bytes: 0 };
  let chunked = budget < 0;
  for await (const batch of batches) {
    for (let i = 0; i < batch.entries.length; i++) {
      held.entries.push(batch.entries[i]!);
      held.sizes.push(batch.sizes[i]!);
      held.bytes += batch.sizes[i]!;
    }
    if (!chunked && held.bytes > budget) chunked = true;
    if (chunked && (held.bytes >= limits.chunkBytes || held.entries.length >= CHUNK_ENTRIES))
      await sendChunks(held, limits.chunkBytes, send, false);
  }
  if (!chunked) return held.entries;
  await sendChunks(held, limits.chunkBytes, send, true);
  return null;
}

interface Pending {
  entries: Entries;
  sizes: number[];
  bytes: number;
}

/** Sends the held lines in requests of at most CHUNK_BYTES / CHUNK_ENTRIES; keeps a last partial chunk unless `all`. */
async function sendChunks(
  held: Pending,
  chunkBytes: number,
  send: (entries: Entries) => Promise<unknown>,
  all: boolean,
): Promise<void> {
  let from = 0;
  let bytes = 0;
  for (let i = 0; i < held.entries.length; i++) {
    const size = held.sizes[i]!;
    if (i > from && (bytes + size > chunkBytes || i - from >= CHUNK_ENTRIES)) {
      await send(held.entries.slice(from, i));
      from = i;
      bytes = 0;
    }
    bytes += size;
  }
  if (all && from < held.entries.length) {
    await send(held.entries.slice(from));
    from = held.entries.length;
    bytes = 0;
  }
  held.entries.splice(0, from);
  held.sizes.splice(0, from);
  held.bytes = bytes;
}

/** The session's events in append chunks, numbered exactly as the tracker numbers a whole push. */
async function sendEvents(
  session: Session,
  chunkBytes: number,
  send: (events: EventItem[]) => Promise<unknown>,
): Promise<void> {
  let batch: EventItem[] = [];
  let bytes = 0;
  for (const item of numberSessionEvents(session)) {
    const size = JSON.stringify(item).length;
    if (batch.length && (bytes + size > chunkBytes || batch.length >= CHUNK_EVENTS)) {
      await send(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += size;
  }
  if (batch.length) await send(batch);
}
